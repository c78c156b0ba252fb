/**
 * A page the accessibility engines (axe, HTML_CodeSniffer) can run in.
 *
 * Both need scripts and timers of their own, and Chromium runs none in a page
 * with JavaScript off. So for such a page (`javaScriptEnabled: false`) they
 * check a copy: the page's current DOM, with <noscript> unwrapped as a
 * browser without scripts shows it, served at the same address to a page
 * where JavaScript is on but the page's own scripts are forbidden (CSP
 * `script-src 'none'`).
 */
import type { Page } from '@playwright/test';

export async function inCheckablePage<T>(
  page: Page,
  javaScriptEnabled: boolean,
  check: (page: Page) => Promise<T>,
): Promise<T> {
  if (javaScriptEnabled) return check(page);
  const browser = page.context().browser();
  if (!browser) throw new Error('inCheckablePage: the page has no browser');
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
    return await check(copyPage);
  } finally {
    await copy.close();
  }
}
