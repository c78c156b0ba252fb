/**
 * Every page in the area's sitemap, read from the top by the screen reader:
 * what is heard on arrival (the title, and nothing taking focus), the outline
 * (outline.ts), and every phrase as a text snapshot in heard/<area>/, one file
 * a page. A content page must read the same with JavaScript on and off, so
 * both projects compare it with one file; a form page has one file each.
 * `UPDATE_SNAPSHOTS=1` rewrites the files; review the diff like code.
 */
import { FORM_PAGES } from '../support/areas.ts';
import { slugOf } from '../support/sitemap.ts';
import { expect, test } from './fixtures.ts';
import { expectOnlyKnown } from './known-issues.ts';
import { checkOutline, type OutlineRule, type Problem } from './outline.ts';
import { transcript } from './reader.ts';

const OUTLINE_RULES: OutlineRule[] = [
  'title',
  'skip-link',
  'crisis-help',
  'landmark-names',
  'order',
  'one-h1',
  'h1-first-in-main',
  'points',
  'footer',
];

function snapshotName(path: string, javaScript: boolean): string {
  const name = slugOf(path) || 'home';
  return FORM_PAGES.includes(path) ? `${name}.${javaScript ? 'js' : 'nojs'}.txt` : `${name}.txt`;
}

test('every page, heard from the top: title, skip link, crisis help, menu, main heading, points, footer', async ({
  page,
  reader,
  site,
  area,
  javaScriptEnabled,
}) => {
  expect(site.pages.length, 'the sitemap lists no pages').toBeGreaterThan(0);
  const problems: Problem[] = [];
  for (const path of site.pages) {
    await test.step(path, async () => {
      const response = await page.goto(site.origin + path);
      expect(response?.status(), `${path}: HTTP status`).toBe(200);
      expect
        .soft(transcript(await reader.arrive()), `${path}: on arrival only the title is heard; nothing takes focus`)
        .toEqual([`title: ${await page.title()}`]);
      const walk = await reader.walk();
      for (const problem of checkOutline(walk, area))
        problems.push({ ...problem, message: `${path}: ${problem.message}` });
      const heard = [`title: ${walk.title}`, ...walk.entries.map((entry) => entry.phrase)];
      expect.soft(`${heard.join('\n')}\n`).toMatchSnapshot([area.id, snapshotName(path, javaScriptEnabled)]);
    });
  }
  expectOnlyKnown(problems, OUTLINE_RULES, { javaScript: javaScriptEnabled });
});
