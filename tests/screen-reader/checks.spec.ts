/**
 * The checks can fail: small example pages in examples/ (not site pages),
 * each with a twin that differs in one thing, read by the same reader and
 * checked by the same checks as the site. One run is enough, so only in the
 * default area's project with JavaScript on.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DEFAULT_AREA } from '../../src/area/default.ts';
import { expect, test } from './fixtures.ts';
import { checkSummaryOnce } from './heard.ts';
import { checkOutline } from './outline.ts';
import { transcript, type ScreenReader } from './reader.ts';

test.skip(
  ({ area, javaScriptEnabled }) => area.id !== DEFAULT_AREA || !javaScriptEnabled,
  'the examples need one run, with JavaScript',
);

const ORIGIN = 'http://examples.screen-reader.test';
const EXPECTED = { siteName: 'Example Dynamic Support Register' };

/** Shows examples/<file> at an address of its own, with no network. */
async function openExample(page: Page, file: string): Promise<void> {
  const html = readFileSync(path.join(import.meta.dirname, 'examples', file), 'utf8');
  await page.route(`${ORIGIN}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await page.goto(`${ORIGIN}/${file}`);
}

async function submitEmpty(page: Page, reader: ScreenReader) {
  await page.getByRole('button', { name: 'Continue' }).focus();
  return reader.hear(async () => {
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  });
}

test('an error summary that is announced as an alert and then read again on focus is caught as read twice', async ({
  page,
  reader,
}) => {
  await openExample(page, 'summary-read-twice.html');
  const heard = await submitEmpty(page, reader);
  const problems = checkSummaryOnce(heard);
  expect(
    problems.map((problem) => problem.rule),
    transcript(heard).join('\n'),
  ).toEqual(['error-summary-once']);
  expect(problems[0]!.message).toContain('heard 2 times');
});

test('the same summary without the alert, read once on focus, passes', async ({ page, reader }) => {
  await openExample(page, 'summary-read-once.html');
  const heard = await submitEmpty(page, reader);
  expect(checkSummaryOnce(heard), transcript(heard).join('\n')).toEqual([]);
  expect(transcript(heard)[0]).toBe('focus: heading, There is a problem, level 2');
});

test('a crisis help region with no name is caught', async ({ page, reader }) => {
  await openExample(page, 'outline-unlabelled-region.html');
  const problems = checkOutline(await reader.walk(), EXPECTED);
  expect(problems.map((problem) => problem.rule).sort()).toEqual(['crisis-help', 'crisis-help', 'landmark-names']);
  expect(problems.map((problem) => problem.message)).toContain('a complementary with no name, at line 4');
});

test('the same page with the region named by its heading passes', async ({ page, reader }) => {
  await openExample(page, 'outline-labelled.html');
  expect(checkOutline(await reader.walk(), EXPECTED)).toEqual([]);
});
