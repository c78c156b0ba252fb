/**
 * axe-core in Playwright, with the WCAG 2.2 AA rule set the site promises,
 * and a readable summary of violations for test failures.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { inCheckablePage } from './checkable-page.ts';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type AxeViolation = AxeResults['violations'][number];

/** Run axe over the whole page as it is now (a copy where JavaScript is off: see checkable-page.ts). */
export async function runAxe(page: Page, options: { javaScriptEnabled?: boolean } = {}): Promise<AxeViolation[]> {
  return inCheckablePage(page, options.javaScriptEnabled !== false, async (checked) => {
    return (await new AxeBuilder({ page: checked }).withTags(AXE_TAGS).analyze()).violations;
  });
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
