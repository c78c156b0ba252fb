/**
 * The self-referral form, heard by the screen reader with JavaScript on (one
 * topic a step) and off (one form, then the server's check page): errors,
 * each new step announced with its heading and "Step N of M", check your
 * answers with a Change button named for each question, the confirmation's
 * reference, and with JavaScript the parts that change as you answer (the
 * danger help, the character count). What each journey heard is kept in
 * heard/<area>/referral/.
 */
import type { Page } from '@playwright/test';
import type { Area } from '../../src/area/schema.ts';
import { areaSettings } from '../support/areas.ts';
import { expect, test } from './fixtures.ts';
import { checkStepHeard, type HeardRule } from './heard.ts';
import { characterCountHeard, confirmationHeard, errorsHeard, Journey, press, typeAnswer } from './journeys.ts';
import { expectOnlyKnown } from './known-issues.ts';
import { transcript } from './reader.ts';

const FORM = '/refer';
const DANGER_QUESTION = 'Is anyone in danger now, or in a mental health crisis?';

/** The area's first reason for referral, as the form shows it. */
function firstReason(settings: Area): string {
  const text = settings.reasons.list[0]!.text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
const STEPS = ['safety', 'who', 'person', 'diagnosis', 'support', 'consent', 'contact', 'needs'] as const;
type Step = (typeof STEPS)[number];

const group = (page: Page, legend: string) => page.getByRole('group', { name: legend, exact: true });
const continueButton = (page: Page) => page.getByRole('button', { name: 'Continue', exact: true });
const mode = (javaScript: boolean) => (javaScript ? 'js' : 'nojs');
const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** One answer per topic: an autistic adult asking for themselves, to be called. */
async function answer(page: Page, settings: Area, step: Step): Promise<void> {
  switch (step) {
    case 'safety':
      return group(page, DANGER_QUESTION).getByLabel('No', { exact: true }).check();
    case 'who':
      return group(page, 'Who is filling in this form?').getByLabel('I am asking for myself', { exact: true }).check();
    case 'person':
      await page.getByLabel("The person's full name", { exact: true }).fill('Alex Taylor');
      await page.getByLabel('Day', { exact: true }).fill('15');
      await page.getByLabel('Month', { exact: true }).fill('6');
      await page.getByLabel('Year', { exact: true }).fill('1990');
      await typeAnswer(page.getByLabel("The person's home address", { exact: true }), 'Flat 2\n3 High Street');
      await page.getByLabel('Postcode', { exact: true }).fill('CM1 1QH');
      // Areas with one place do not ask.
      if (settings.places.list.length > 1)
        await group(page, `Which ${settings.places.kind} does the person live in?`).getByRole('radio').first().check();
      return page.getByLabel('I do not know the GP surgery', { exact: true }).check();
    case 'diagnosis':
      return group(page, 'Does the person have a learning disability, or are they autistic?')
        .getByLabel('Autism (the person is autistic)', { exact: true })
        .check();
    case 'support':
      return group(page, 'Why might the person need extra support now?')
        .getByLabel(firstReason(settings), { exact: true })
        .check();
    case 'consent':
      return group(page, 'Does the person agree to be on the DSR?')
        .getByLabel('Yes, the person agrees', { exact: true })
        .check();
    case 'contact':
      await group(page, 'What is the best way to contact you?').getByLabel('Phone call', { exact: true }).check();
      return page.getByLabel('Your phone number', { exact: true }).fill('020 7946 0123');
    case 'needs':
      return group(page, 'Do you or the person need help to communicate with us?')
        .getByLabel('Easy read letters and papers', { exact: true })
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
  expect(journey.text).toMatchSnapshot([area.id, 'referral', `errors.${mode(javaScriptEnabled)}.txt`]);
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
  await openForm(page, site.origin, javaScriptEnabled);
  const journey = new Journey();
  if (javaScriptEnabled) {
    await answerSteps(page, areaSettings(area.id), 'check');
  } else {
    for (const step of STEPS) await answer(page, areaSettings(area.id), step);
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
      await page.waitForURL(/\/refer\/sent\?/);
    }),
  );
  await confirmationHeard(page, reader, journey);
  expect(journey.text).toMatchSnapshot([area.id, 'referral', `check-and-sent.${mode(javaScriptEnabled)}.txt`]);
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
    await openForm(page, site.origin, true);
    const journey = new Journey();
    for (const [index, step] of STEPS.entries()) {
      await answer(page, areaSettings(area.id), step);
      const heard = journey.note(`Continue, after "${step}"`, await press(reader, continueButton(page)));
      const next = index + 2;
      const expected = next <= STEPS.length ? new RegExp(`^Step ${next} of ${STEPS.length}\\b`) : undefined;
      journey.problems.push(
        ...checkStepHeard(heard, await page.locator('[data-step-heading]:visible').innerText(), expected),
      );
    }
    expect(journey.text).toMatchSnapshot([area.id, 'referral', 'steps.js.txt']);
    expectOnlyKnown(journey.problems, ['step-announced'], { javaScript: true });
  });

  test('the danger help: choosing Yes shows it and says so politely, once, each time; focus stays on the answer', async ({
    page,
    reader,
    site,
    area,
  }) => {
    await openForm(page, site.origin, true);
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
    expect(journey.text).toMatchSnapshot([area.id, 'referral', 'danger-help.js.txt']);
    expectOnlyKnown(journey.problems, ['reveal-announced', 'focus-stays'], { javaScript: true });
  });

  test('the character count is announced politely once typing pauses; focus stays in the box', async ({
    page,
    reader,
    site,
    area,
  }) => {
    await page.clock.install();
    await openForm(page, site.origin, true);
    await answerSteps(page, areaSettings(area.id), 'support');
    const journey = new Journey();
    const box = page.getByLabel('What is happening now? (optional)', { exact: true });
    await characterCountHeard(page, reader, box, journey);
    expect(journey.text).toMatchSnapshot([area.id, 'referral', 'character-count.js.txt']);
    expectOnlyKnown(journey.problems, ['live-polite-once', 'focus-stays'], { javaScript: true });
  });
});
