/**
 * The callback form, heard by the screen reader with JavaScript on and off,
 * in areas that offer a callback: errors (the summary once, each link to its
 * question, heard with hint and error), the confirmation page (the reference
 * one character at a time), and with JavaScript the parts that change as you
 * answer. What each journey heard is kept in heard/<area>/callback/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { ROOT } from '../support/areas.ts';
import { expect, test } from './fixtures.ts';
import { type HeardRule } from './heard.ts';
import { characterCountHeard, confirmationHeard, errorsHeard, Journey, press } from './journeys.ts';
import { expectOnlyKnown } from './known-issues.ts';
import { transcript } from './reader.ts';

const FORM = '/ask-for-a-call';

function offersCallback(areaId: string): boolean {
  const settings = parse(readFileSync(path.join(ROOT, 'content/areas', areaId, 'area.yaml'), 'utf8')) as {
    join?: { phone?: { callback?: boolean } };
  };
  return settings.join?.phone?.callback === true;
}

test.skip(({ area }) => !offersCallback(area.id), 'this area has no phone callback');

const group = (page: Page, legend: string) => page.getByRole('group', { name: legend });
const sendButton = (page: Page) => page.getByRole('button', { name: 'Send request' });
const mode = (javaScript: boolean) => (javaScript ? 'js' : 'nojs');

async function fillGoodAnswers(page: Page): Promise<void> {
  await page.getByLabel('Your name').fill('Ada Lovelace');
  await page.getByLabel('Your phone number').fill('07700 900 982');
  await group(page, 'If you do not answer, can we leave a voicemail message?')
    .getByLabel('Yes', { exact: true })
    .check();
  await group(page, 'When is the best time for us to call?').getByLabel('Any time').check();
  await group(page, 'Who is the call about?').getByLabel('Me', { exact: true }).check();
}

test('errors: the summary is heard once, and each of its links takes focus to a question heard with its hint and error', async ({
  page,
  reader,
  site,
  area,
  javaScriptEnabled,
}) => {
  await page.goto(site.origin + FORM);
  const journey = new Journey();
  const arrival = journey.note('the form loads', await reader.arrive());
  expect(transcript(arrival), 'on arrival only the title is heard').toEqual([`title: ${await page.title()}`]);
  await errorsHeard(page, reader, sendButton(page), journey);
  expect(journey.text).toMatchSnapshot([area.id, 'callback', `errors.${mode(javaScriptEnabled)}.txt`]);
  const rules: HeardRule[] = ['error-summary-once', 'focus-moves-to-field', 'field-heard-together'];
  expectOnlyKnown(journey.problems, rules, { javaScript: javaScriptEnabled });
});

test('sent: the confirmation page is heard, with the reference one character at a time', async ({
  page,
  reader,
  site,
  area,
  javaScriptEnabled,
}) => {
  await page.goto(site.origin + FORM);
  await fillGoodAnswers(page);
  const journey = new Journey();
  journey.note(
    'Send request',
    await reader.hear(async () => {
      await sendButton(page).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/ask-for-a-call\/sent\?/);
    }),
  );
  await confirmationHeard(page, reader, journey);
  expect(journey.text).toMatchSnapshot([area.id, 'callback', `sent.${mode(javaScriptEnabled)}.txt`]);
  expectOnlyKnown(journey.problems, ['reference-writable'], { javaScript: javaScriptEnabled });
});

test.describe('with JavaScript', () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'these parts change only with JavaScript');

  test('the character count is announced politely once typing pauses; focus stays in the box', async ({
    page,
    reader,
    site,
    area,
  }) => {
    await page.clock.install();
    await page.goto(site.origin + FORM);
    await expect(page.locator('form[data-enhanced]')).toHaveCount(1);
    const journey = new Journey();
    const box = page.getByLabel('Is there anything we should know before we call? (optional)');
    await characterCountHeard(page, reader, box, journey);
    expect(journey.text).toMatchSnapshot([area.id, 'callback', 'character-count.js.txt']);
    expectOnlyKnown(journey.problems, ['live-polite-once', 'focus-stays'], { javaScript: true });
  });

  test('choosing who the call is about shows a follow-up question without moving focus', async ({
    page,
    reader,
    site,
  }) => {
    await page.goto(site.origin + FORM);
    await expect(page.locator('form[data-enhanced]')).toHaveCount(1);
    const follow = page.getByLabel('Their first name (optional)');
    await expect(follow).toBeHidden();
    const heard = await press(reader, group(page, 'Who is the call about?').getByLabel('Someone I care for'), 'Space');
    await expect(follow).toBeVisible();
    expect(transcript(heard.filter((line) => line.kind === 'focus')), 'nothing moves focus').toEqual([]);
  });
});
