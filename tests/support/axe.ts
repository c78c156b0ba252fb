/**
 * axe-core in Playwright, with the WCAG 2.2 AA rule set the site promises,
 * and a readable summary of violations for test failures.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type AxeViolation = AxeResults['violations'][number];

/**
 * Run axe over the whole page as it is now.
 *
 * axe needs timers, and Chromium runs none in a page with JavaScript off, so
 * for such a page (`javaScriptEnabled: false`) axe checks a copy: the page's
 * current DOM, with <noscript> unwrapped as a browser without scripts shows
 * it, served at the same address to a page where JavaScript is on but the
 * page's own scripts are forbidden (CSP `script-src 'none'`).
 */
export async function runAxe(page: Page, options: { javaScriptEnabled?: boolean } = {}): Promise<AxeViolation[]> {
  if (options.javaScriptEnabled !== false) {
    return (await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations;
  }
  const browser = page.context().browser();
  if (!browser) throw new Error('runAxe: the page has no browser');
  const url = page.url();
  const html = (await page.content()).replace(/<\/?noscript\b[^>]*>/gi, '');
  const copy = await browser.newContext({ javaScriptEnabled: true, viewport: page.viewportSize() });
  try {
    const copyPage = await copy.newPage();
    await copyPage.route(
      (candidate) => candidate.href === url,
      (route) =>
        route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          headers: { 'Content-Security-Policy': "script-src 'none'" },
          body: html,
        }),
    );
    await copyPage.goto(url);
    return (await new AxeBuilder({ page: copyPage }).withTags(AXE_TAGS).analyze()).violations;
  } finally {
    await copy.close();
  }
}

/**
 * One line per element: rule, impact, selector and what to fix.
 * An empty list means no violations, so `expect(describe(v)).toEqual([])`
 * prints exactly what is wrong.
 */
export function describeViolations(violations: AxeViolation[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => {
      const where = node.target.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' >> ');
      const why = node.failureSummary?.replace(/\s+/g, ' ').trim() ?? '';
      return `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} | element: ${where} | html: ${node.html.slice(0, 200)} | ${why} | ${violation.helpUrl}`;
    }),
  );
}
