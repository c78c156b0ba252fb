/**
 * Both of pa11y's engines, axe and HTML_CodeSniffer, over the page as it is
 * now, with JavaScript on or off (see checkable-page.ts). An empty list
 * means no problems, so `expect(problems).toEqual([])` prints what is wrong.
 */
import type { Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { AXE_TAGS, describeViolations } from './axe.ts';
import { inCheckablePage } from './checkable-page.ts';
import { htmlcsErrors } from './htmlcs.ts';

export async function accessibilityProblems(
  page: Page,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<string[]> {
  return inCheckablePage(page, options.javaScriptEnabled !== false, async (checked) => {
    const axe = describeViolations((await new AxeBuilder({ page: checked }).withTags(AXE_TAGS).analyze()).violations);
    const htmlcs = await htmlcsErrors(checked);
    return [...axe.map((line) => `axe: ${line}`), ...htmlcs.map((line) => `htmlcs: ${line}`)];
  });
}
