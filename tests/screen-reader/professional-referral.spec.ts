/**
 * The professionals' referral form, heard by the screen reader with
 * JavaScript on (one topic a step) and off (one form, then the server's
 * check page), in the areas whose settings offer it: errors, each new step
 * announced with its heading and "Step N of M", check your answers with a
 * Change button named for each question, the confirmation's reference, and
 * with JavaScript the danger help beside the risk question. What each
 * journey heard is kept in heard/<area>/professional-referral/.
 */
import type { Page } from '@playwright/test';
import type { Area } from '../../src/area/schema.ts';
import { areaSettings } from '../support/areas.ts';
import { expect, test } from './fixtures.ts';
import { checkStepHeard, type HeardRule } from './heard.ts';
import { confirmationHeard, errorsHeard, Journey, press, typeAnswer } from './journeys.ts';
import { expectOnlyKnown } from './known-issues.ts';
import { transcript } from './reader.ts';

const FORM = '/professional-referral';
const DANGER_QUESTION = 'Is anyone in danger now, or is the person in a mental health crisis?';
const STEPS = ['referrer', 'person', 'reasons', 'risk', 'consent', 'tried', 'needs'] as const;
type Step = (typeof STEPS)[number];

const group = (page: Page, legend: string) => page.getByRole('group', { name: legend, exact: true });
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const continueButton = (page: Page) => page.getByRole('button', { name: 'Continue', exact: true });
const mode = (javaScript: boolean) => (javaScript ? 'js' : 'nojs');
const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
const snapshot = (area: string, name: string) => [area, 'professional-referral', name];

test.skip(({ area }) => !areaSettings(area.id).join.professionalForm, 'the area does not offer the form');

/** The area's first reason for referral, as the form shows it. */
function firstReason(settings: Area): string {
  const text = settings.reasons.list[0]!.text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One answer per topic: a nurse referring an adult who consents. */
async function answer(page: Page, settings: Area, step: Step): Promise<void> {
  switch (step) {
    case 'referrer':
      await field(page, 'Your full name').fill('Dr Priya Shah');
      await field(page, 'Your role').fill('Community learning disability nurse');
      await field(page, 'Your organisation').fill('Acacia NHS Trust');
      await field(page, 'Your work email address').fill('priya.shah@example.nhs.uk');
      return field(page, 'Your work phone number').fill('020 7946 0123');
    case 'person':
      await field(page, "The person's full name").fill('Alex Taylor');
      await field(page, 'Day').fill('15');
      await field(page, 'Month').fill('6');
      await field(page, 'Year').fill('1990');
      await typeAnswer(field(page, "The person's home address"), 'Flat 2\n3 High Street');
      await field(page, 'Postcode').fill('CM1 1QH');
      // Areas with one place do not ask.
      if (settings.places.list.length > 1)
        await group(page, `Which ${settings.places.kind} does the person live in?`).getByRole('radio').first().check();
      return field(page, "The person's GP surgery").fill('Acacia Road Surgery');
    case 'reasons':
      return group(page, 'Reason for referral').getByLabel(firstReason(settings), { exact: true }).check();
    case 'risk':
      await group(page, DANGER_QUESTION).getByLabel('No', { exact: true }).check();
      return typeAnswer(field(page, 'Current risk'), 'Two incidents of self-harm this month.');
    case 'consent':
      return group(page, `Consent: the person is ${settings.consent.ownDecision.fromAge} or older`)
        .getByLabel('The person has given their consent', { exact: true })
        .check();
    case 'tried':
      return typeAnswer(field(page, 'What has been tried so far'), 'Positive behaviour support plan since June.');
    case 'needs':
      return group(page, "The person's communication needs")
        .getByLabel('Easy read information', { exact: true })
        .check();
  }
}

/** With JavaScript: answers and continues, step by step, until `until` shows (not heard). */
async function answerSteps(page: Page, settings: Area, until: Step | 'check'): Promise<void> {
  for (const step of STEPS) {
    if (step === until) return;
    await answer(page, settings, step);
    await continueButton(page).click();
  }
  await expect(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
}

async function openForm(page: Page, origin: string, javaScript: boolean): Promise<void> {
  await page.goto(origin + FORM);
  await expect(page.locator('form[data-steps]')).toHaveCount(javaScript ? 1 : 0);
}

test('errors: the summary is heard once, and each of its links takes focus to a question heard with its hint and error', async ({
  page,
  reader,
  site,
  area,
  javaScriptEnabled,
}) => {
  await openForm(page, site.origin, javaScriptEnabled);
  const journey = new Journey();
  const arrival = journey.note('the form loads', await reader.arrive());
  expect(transcript(arrival), 'on arrival only the title is heard').toEqual([`title: ${await page.title()}`]);
  await errorsHeard(page, reader, continueButton(page), journey);
  expect(journey.text).toMatchSnapshot(snapshot(area.id, `errors.${mode(javaScriptEnabled)}.txt`));
  const rules: HeardRule[] = ['error-summary-once', 'focus-moves-to-field', 'field-heard-together'];
  expectOnlyKnown(journey.problems, rules, { javaScript: javaScriptEnabled });
});

test('check your answers: each answer is heard with a Change button named for its question; then the confirmation', async ({
  page,
  reader,
  site,
  area,
  javaScriptEnabled,
}) => {
  const settings = areaSettings(area.id);
  await openForm(page, site.origin, javaScriptEnabled);
  const journey = new Journey();
  if (javaScriptEnabled) {
    await answerSteps(page, settings, 'check');
  } else {
    for (const step of STEPS) await answer(page, settings, step);
    const arrival = journey.note(
      'Continue, with every answer',
      await reader.hear(async () => {
        await continueButton(page).focus();
        await page.keyboard.press('Enter');
        await expect(page.locator('h1')).toHaveText('Check your answers before sending');
      }),
    );
    // Without JavaScript the check page is a new page: its title says where you are.
    if (!arrival[0]?.text.startsWith('Check your answers before sending - '))
      journey.problems.push({ rule: 'step-announced', message: `the check page is heard as "${arrival[0]?.text}"` });
  }
  const terms = await page.locator('dt:visible').all();
  expect(terms.length, 'answers on the check page').toBeGreaterThan(10);
  for (const term of terms) {
    const question = clean(await term.innerText());
    const heard = await reader.read(term.locator('xpath=..'));
    journey.lines.push(`# the answer "${question}"`, ...heard, '');
    const change = heard.find((line) => /^(button|link), Change\b/.test(line));
    const name = change?.replace(/^(button|link), /, '');
    if (name?.toLowerCase() !== `change ${question}`.toLowerCase())
      journey.problems.push({
        rule: 'change-named',
        message: `the answer "${question}" has its Change control heard as "${change}"`,
      });
  }
  journey.note(
    'Send referral',
    await reader.hear(async () => {
      await page.getByRole('button', { name: 'Send referral' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/professional-referral\/sent\?/);
    }),
  );
  await confirmationHeard(page, reader, journey);
  expect(journey.text).toMatchSnapshot(snapshot(area.id, `check-and-sent.${mode(javaScriptEnabled)}.txt`));
  expectOnlyKnown(journey.problems, ['step-announced', 'change-named', 'reference-writable'], {
    javaScript: javaScriptEnabled,
  });
});

test.describe('with JavaScript', () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'these parts change only with JavaScript');

  test('each Continue moves focus to the next step, heard by its heading with "Step N of M"; then the check step', async ({
    page,
    reader,
    site,
    area,
  }) => {
    const settings = areaSettings(area.id);
    await openForm(page, site.origin, true);
    const journey = new Journey();
    for (const [index, step] of STEPS.entries()) {
      await answer(page, settings, step);
      const heard = journey.note(`Continue, after "${step}"`, await press(reader, continueButton(page)));
      const next = index + 2;
      const expected = next <= STEPS.length ? new RegExp(`^Step ${next} of ${STEPS.length}\\b`) : undefined;
      journey.problems.push(
        ...checkStepHeard(heard, await page.locator('[data-step-heading]:visible').innerText(), expected),
      );
    }
    expect(journey.text).toMatchSnapshot(snapshot(area.id, 'steps.js.txt'));
    expectOnlyKnown(journey.problems, ['step-announced'], { javaScript: true });
  });

  test('the danger help: choosing Yes shows it and says so politely, once, each time; focus stays on the answer', async ({
    page,
    reader,
    site,
    area,
  }) => {
    await openForm(page, site.origin, true);
    await answerSteps(page, areaSettings(area.id), 'risk');
    const question = group(page, DANGER_QUESTION);
    const helpHeading = 'If anyone is in danger, get help now';
    const help = page.getByRole('region', { name: helpHeading });
    const journey = new Journey();
    for (const [choice, shown] of [
      ['Yes', true],
      ['No', false],
      ['Yes', true],
    ] as const) {
      const heard = journey.note(
        `choose ${choice}`,
        await press(reader, question.getByLabel(choice, { exact: true }), 'Space'),
      );
      await expect(help).toBeVisible({ visible: shown });
      const moved = heard.filter((line) => line.kind === 'focus');
      if (moved.length > 0) journey.problems.push({ rule: 'focus-stays', message: `focus moves to ${moved[0]!.text}` });
      const told = heard.filter((line) => line.kind === 'live');
      const polite = told.filter((line) => line.text.startsWith('polite: ') && line.text.includes(helpHeading));
      if (shown && (told.length !== 1 || polite.length !== 1))
        journey.problems.push({
          rule: 'reveal-announced',
          message: `choosing ${choice} shows the danger help and is heard as: ${told.map((line) => line.text).join(' | ') || 'nothing'}`,
        });
    }
    expect(journey.text).toMatchSnapshot(snapshot(area.id, 'danger-help.js.txt'));
    expectOnlyKnown(journey.problems, ['reveal-announced', 'focus-stays'], { javaScript: true });
  });
});
