/**
 * Parts of a form journey heard by the screen reader, shared by the form
 * specs. Every action is done the way a screen-reader user does it: move to
 * the control first, then press a key, so only what the key causes is heard.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import {
  checkFieldHeard,
  checkReferenceWritable,
  checkSummaryOnce,
  maskReference,
  type HeardProblem,
} from './heard.ts';
import { questionTexts } from './in-page.ts';
import { transcript, type HeardLine, type ScreenReader } from './reader.ts';

/** What a journey heard, for its snapshot, and the problems found on the way. */
export class Journey {
  readonly lines: string[] = [];
  readonly problems: HeardProblem[] = [];

  /** Adds what was heard after `what` (a short description of the action) to the transcript. */
  note(what: string, heard: readonly HeardLine[]): readonly HeardLine[] {
    this.lines.push(`# ${what}`, ...transcript(heard), '');
    return heard;
  }

  get text(): string {
    return `${this.lines.join('\n').trimEnd()}\n`;
  }
}

/**
 * Types an answer into a box, then pauses as a person does: where the box
 * counts characters (with JavaScript), its count is announced before the
 * next action, so that announcement is never heard as part of the next one.
 */
export async function typeAnswer(box: Locator, text: string): Promise<void> {
  await box.fill(text);
  const status = box.locator('xpath=following-sibling::*[@data-count-status][1]');
  const counted = (await status.count()) > 0 ? (await status.textContent())?.trim() : '';
  if (!counted) return;
  await expect(box.locator('xpath=following-sibling::*[@data-count-live][1]')).toHaveText(counted);
}

/** Presses Enter on `control` (moved to first) and returns what is heard. */
export async function press(reader: ScreenReader, control: Locator, key = 'Enter'): Promise<readonly HeardLine[]> {
  await control.focus();
  return reader.hear(() => control.page().keyboard.press(key));
}

/**
 * Sends the form with `button` so that it shows errors, then follows every
 * link in the error summary: the summary must be heard once, each link must
 * move focus to its question's answer box, heard with its question, hint and
 * error.
 */
export async function errorsHeard(page: Page, reader: ScreenReader, button: Locator, journey: Journey): Promise<void> {
  const summary = page.locator('[data-error-summary]');
  await button.focus();
  const shown = journey.note(
    `${await button.innerText()}, with answers missing`,
    await reader.hear(async () => {
      await page.keyboard.press('Enter');
      await expect(summary).toBeVisible();
    }),
  );
  journey.problems.push(...checkSummaryOnce(shown));
  const links = await summary.getByRole('link').all();
  expect(links.length, 'links in the error summary').toBeGreaterThan(0);
  for (const link of links) {
    const message = (await link.innerText()).trim();
    const id = (await link.getAttribute('href'))?.replace(/^#/, '') ?? '';
    const heard = journey.note(`the summary link "${message}"`, await press(reader, link));
    const target = page.locator(`[id="${id}"]`);
    const focused = await target.evaluate((element) => element === document.activeElement);
    if (!focused) {
      journey.problems.push({ rule: 'focus-moves-to-field', message: `"${message}" does not move focus to #${id}` });
      continue;
    }
    const question = await target.evaluate(questionTexts);
    journey.problems.push(...checkFieldHeard(heard, { ...question, error: message }));
  }
}

/**
 * The confirmation page, read from the top: its transcript (with the
 * reference masked) and whether the reference can be written down.
 */
export async function confirmationHeard(page: Page, reader: ScreenReader, journey: Journey): Promise<void> {
  const reference = new URL(page.url()).searchParams.get('ref');
  expect(reference, 'the confirmation page has a reference in its address').toMatch(/^DSR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const walk = await reader.walk();
  const phrases = walk.entries.map((entry) => entry.phrase);
  journey.problems.push(...checkReferenceWritable(phrases, reference!));
  journey.lines.push('# the confirmation page, read from the top', ...maskReference(phrases, reference!), '');
}

/**
 * Typing in a box with a character count: nothing is announced while typing,
 * then the count once, politely, when typing pauses (the page's clock is
 * moved on by hand: call `page.clock.install()` before the page loads), and
 * focus stays in the box.
 */
export async function characterCountHeard(
  page: Page,
  reader: ScreenReader,
  box: Locator,
  journey: Journey,
): Promise<void> {
  await page.clock.pauseAt(Date.now() + 60_000);
  await box.focus();
  const typing = journey.note('typing "Hello there"', await reader.hear(() => box.pressSequentially('Hello there')));
  const paused = journey.note('a second after typing stops', await reader.hear(() => page.clock.runFor(1_000)));
  const later = journey.note('ten seconds later', await reader.hear(() => page.clock.runFor(10_000)));
  const live = [...typing, ...paused, ...later].filter((line) => line.kind === 'live');
  const polite = paused.filter((line) => line.kind === 'live' && line.text.startsWith('polite: '));
  if (live.length !== 1 || polite.length !== 1)
    journey.problems.push({
      rule: 'live-polite-once',
      message: `the character count is announced ${live.length} times (${polite.length} politely, after the pause): ${live.map((line) => line.text).join(' | ')}`,
    });
  const moved = [...typing, ...paused, ...later].filter((line) => line.kind === 'focus');
  if (moved.length > 0)
    journey.problems.push({ rule: 'focus-stays', message: `focus moves while typing: ${moved[0]!.text}` });
}
