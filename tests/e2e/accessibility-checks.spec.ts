/**
 * The accessibility checks the form specs rely on can fail, with JavaScript
 * on and off: an image with no text alternative is reported by both engines
 * (axe's image-alt, HTML_CodeSniffer's H37), and its twin, whose image is
 * marked as decoration, is clean.
 */
import { accessibilityProblems } from '../support/accessibility.ts';
import { expect, test } from '../support/fixtures.ts';

const URL = 'http://checks.test/page';
const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A check</title></head><body>${body}</body></html>`;
const FAULTY = page('<main><h1>A check</h1><img src="data:,"></main>');
const CLEAN = page('<main><h1>A check</h1><img src="data:," alt=""></main>');

for (const [name, html, found] of [
  ['a page with an image that has no text alternative', FAULTY, true],
  ['its twin, whose image is marked as decoration', CLEAN, false],
] as const) {
  test(`axe and HTML_CodeSniffer: ${name}`, async ({ page: tab, javaScriptEnabled }) => {
    await tab.route(URL, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await tab.goto(URL);
    const problems = await accessibilityProblems(tab, { javaScriptEnabled });
    if (!found) {
      expect(problems).toEqual([]);
      return;
    }
    expect(problems.some((line) => line.startsWith('axe: image-alt'))).toBe(true);
    expect(problems.some((line) => /^htmlcs: WCAG2AA\.Principle1\.Guideline1_1\.1_1_1\.H37/.test(line))).toBe(true);
  });
}
