/**
 * "Listen to this page" (issue 11, part 1), with the browser's speech
 * replaced by a fake that records what it is asked to say
 * (tests/support/speech.ts). The button shows only where speech works; it
 * reads one sentence at a time in British English, highlights and announces
 * the sentence, pauses, carries on, skips, slows down and stops, by keyboard
 * too; and it never reads what a person typed into a form.
 */
import type { Page } from '@playwright/test';
import { accessibilityProblems } from '../support/accessibility.ts';
import { expect, open, test } from '../support/fixtures.ts';
import { sidewaysOverflow } from '../support/overflow.ts';
import { endUtterance, fakeSpeech, noSpeech, speechLog, VOICES, type FakeSpeechOptions } from '../support/speech.ts';

const PAGE = '/what-is-the-dsr';

const listen = (page: Page) => page.getByRole('button', { name: 'Listen to this page' });
const status = (page: Page) => page.locator('.listen [role="status"]');
const speaking = (page: Page) => page.locator('main [data-s].speaking');

/** Starts reading (each utterance ends by itself) and waits for the end: speech cancelled after the last sentence. */
async function readToEnd(page: Page): Promise<string[]> {
  const before = (await speechLog(page)).spoken.length;
  await listen(page).click();
  await expect
    .poll(
      async () => {
        const { spoken, calls } = await speechLog(page);
        return spoken.length > before && calls.at(-1) === 'cancel';
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  await expect(status(page)).toHaveText('');
  return (await speechLog(page)).spoken.slice(before).map((spoken) => spoken.text);
}

async function withSpeech(page: Page, options: FakeSpeechOptions): Promise<void> {
  await page.addInitScript(fakeSpeech, options);
}

test.describe('with JavaScript', () => {
  test.beforeEach(({ javaScriptEnabled }) => {
    test.skip(!javaScriptEnabled, 'speech needs JavaScript');
  });

  test('reads one sentence at a time, in order, in a British voice, highlighting and announcing each', async ({
    page,
  }) => {
    await withSpeech(page, { voices: VOICES });
    await open(page, PAGE);
    await expect(listen(page)).toBeVisible();
    await listen(page).click();

    await expect(speaking(page)).toHaveText('What is the DSR?');
    await expect(status(page)).toHaveText(/^Reading sentence 1 of \d+$/);
    const count = Number((await status(page).innerText()).match(/of (\d+)/)![1]);
    expect(count).toBeGreaterThan(10);
    let log = await speechLog(page);
    expect(log.spoken).toEqual([{ text: 'What is the DSR?', lang: 'en-GB', voice: 'UK English here', rate: 1 }]);

    await endUtterance(page);
    await expect(status(page)).toHaveText(`Reading sentence 2 of ${count}`);
    await expect(speaking(page)).toHaveText('What the DSR is');
    await endUtterance(page);
    await expect(speaking(page)).toHaveText('DSR is short for Dynamic Support Register.');
    await endUtterance(page);
    await expect(speaking(page)).toHaveText('The DSR lists people who may need extra support.');
    await expect(speaking(page)).toHaveCount(1);
    // Yellow, and not by colour alone.
    const look = await speaking(page).evaluate((element) => {
      const style = getComputedStyle(element);
      return { background: style.backgroundColor, underline: style.textDecorationLine };
    });
    expect(look).toEqual({ background: 'rgb(255, 221, 0)', underline: 'underline' });

    log = await speechLog(page);
    expect(log.spoken.map((spoken) => spoken.text)).toEqual([
      'What is the DSR?',
      'What the DSR is',
      'DSR is short for Dynamic Support Register.',
      'The DSR lists people who may need extra support.',
    ]);
  });

  test('reads the whole page to the end, one sentence per utterance, then stops', async ({ page }) => {
    await withSpeech(page, { voices: VOICES, autoEnd: true });
    await open(page, PAGE);
    await readToEnd(page);
    await expect(listen(page)).toBeVisible();
    const { spoken } = await speechLog(page);
    const marked = await page
      .locator('main [data-s]')
      .evaluateAll((all) =>
        all.filter((element) => element.getClientRects().length > 0).map((element) => element.textContent!.trim()),
      );
    expect(spoken.length).toBe(marked.length);
    for (const { text, lang } of spoken) {
      expect(lang).toBe('en-GB');
      // One sentence: no sentence ending inside it.
      expect(text, text).not.toMatch(/[.!?] +[A-Z0-9]/);
    }
    await expect(speaking(page)).toHaveCount(0);
  });

  test('pause, carry on, next, back, slower and stop', async ({ page }) => {
    await withSpeech(page, { voices: VOICES });
    await open(page, PAGE);
    await listen(page).click();
    await expect(status(page)).toHaveText(/^Reading sentence 1 of/);

    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(status(page)).toHaveText(/^Paused at sentence 1 of/);
    await page.getByRole('button', { name: 'Carry on' }).click();
    await expect(status(page)).toHaveText(/^Reading sentence 1 of/);
    expect((await speechLog(page)).calls.slice(-2)).toEqual(['pause', 'resume']);

    await page.getByRole('button', { name: 'Next sentence' }).click();
    await page.getByRole('button', { name: 'Next sentence' }).click();
    await expect(status(page)).toHaveText(/^Reading sentence 3 of/);
    await expect(speaking(page)).toHaveText('DSR is short for Dynamic Support Register.');
    await page.getByRole('button', { name: 'Back one sentence' }).click();
    await expect(status(page)).toHaveText(/^Reading sentence 2 of/);
    await expect(speaking(page)).toHaveText('What the DSR is');

    const slower = page.getByRole('button', { name: 'Read slower' });
    await expect(slower).toHaveAttribute('aria-pressed', 'false');
    await slower.click();
    await expect(slower).toHaveAttribute('aria-pressed', 'true');
    // The sentence starts again, slower.
    expect((await speechLog(page)).spoken.at(-1)).toMatchObject({ text: 'What the DSR is', rate: 0.8 });
    await endUtterance(page);
    await expect(speaking(page)).toHaveText('DSR is short for Dynamic Support Register.');
    expect((await speechLog(page)).spoken.at(-1)?.rate).toBe(0.8);

    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(status(page)).toHaveText('');
    await expect(speaking(page)).toHaveCount(0);
    await expect(listen(page)).toBeFocused();
    await expect(page.getByRole('button', { name: 'Next sentence' })).toHaveCount(0);
    expect((await speechLog(page)).calls.at(-1)).toBe('cancel');
  });

  test('on Android, pause stops and carry on starts the sentence again', async ({ page }) => {
    await withSpeech(page, { voices: VOICES, android: true });
    await open(page, PAGE);
    await listen(page).click();
    await expect(speaking(page)).toHaveText('What is the DSR?');
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(status(page)).toHaveText(/^Paused at sentence 1 of/);
    await page.getByRole('button', { name: 'Carry on' }).click();
    await expect(status(page)).toHaveText(/^Reading sentence 1 of/);
    const log = await speechLog(page);
    expect(log.calls).not.toContain('pause');
    expect(log.spoken.map((spoken) => spoken.text)).toEqual(['What is the DSR?', 'What is the DSR?']);
  });

  test('works with the keyboard alone', async ({ page }) => {
    await withSpeech(page, { voices: VOICES });
    await open(page, PAGE);
    await expect(listen(page)).toBeVisible();
    for (
      let press = 0;
      press < 40 && !(await listen(page).evaluate((button) => button === document.activeElement));
      press++
    )
      await page.keyboard.press('Tab');
    await expect(listen(page)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(status(page)).toHaveText(/^Reading sentence 1 of/);
    // The same button now pauses, and keeps the focus.
    await expect(page.getByRole('button', { name: 'Pause' })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(status(page)).toHaveText(/^Paused at sentence 1 of/);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Stop' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(status(page)).toHaveText('');
    await expect(listen(page)).toBeFocused();
  });

  test('at 320 px and at 200% zoom with the biggest text, the controls fit and the sentence read is in view', async ({
    page,
  }) => {
    await withSpeech(page, { voices: VOICES });
    // 1280 px at 200% zoom lays out as 640 CSS pixels.
    for (const width of [320, 640]) {
      await page.setViewportSize({ width, height: 720 });
      await open(page, `${PAGE}?text=biggest`);
      await listen(page).click();
      await expect(status(page)).toHaveText(/^Reading sentence 1 of/);
      for (const name of ['Pause', 'Stop', 'Back one sentence', 'Next sentence', 'Read slower'])
        await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
      expect(await sidewaysOverflow(page), `${width} px`).toEqual({ scrollWidth: width, culprits: [] });
      for (let next = 0; next < 5; next++) await page.getByRole('button', { name: 'Next sentence' }).click();
      await expect(speaking(page)).toBeInViewport();
    }
  });

  test('while reading, axe and HTML_CodeSniffer find nothing, on white and on the dark background', async ({
    page,
  }) => {
    await withSpeech(page, { voices: VOICES });
    for (const query of ['', '?background=dark&text=biggest&pictures=off']) {
      // The home page: its sentences have links to hard words.
      await open(page, `/${query}`);
      await listen(page).click();
      await page.getByRole('button', { name: 'Read slower' }).click();
      await expect(speaking(page)).toHaveCount(1);
      expect(await accessibilityProblems(page), query || 'white').toEqual([]);
      // And a sentence with a link in it: the link's colour is on the yellow too.
      for (let next = 0; next < 40 && (await speaking(page).locator('a').count()) === 0; next++)
        await page.getByRole('button', { name: 'Next sentence' }).click();
      await expect(speaking(page).locator('a').first()).toBeVisible();
      expect(await accessibilityProblems(page), `${query || 'white'}, a link read`).toEqual([]);
    }
  });

  test('reading stops when the person leaves the page', async ({ page }) => {
    await withSpeech(page, { voices: VOICES });
    await open(page, PAGE);
    await listen(page).click();
    await expect(status(page)).toHaveText(/^Reading sentence 1 of/);
    await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide')));
    expect((await speechLog(page)).calls.at(-1)).toBe('cancel');
    await expect(status(page)).toHaveText('');
  });

  test('no button where the browser has no English voice', async ({ page }) => {
    await withSpeech(page, { voices: [{ name: 'French', lang: 'fr-FR', localService: true }] });
    await open(page, PAGE);
    await page.waitForTimeout(500);
    await expect(listen(page)).toBeHidden();
  });

  test('no button where the browser lists no voices', async ({ page }) => {
    await withSpeech(page, { voices: [] });
    await open(page, PAGE);
    await page.waitForTimeout(500);
    await expect(listen(page)).toBeHidden();
  });

  test('nothing shows where the browser cannot speak', async ({ page }) => {
    await page.addInitScript(noSpeech);
    await open(page, PAGE);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => 'speechSynthesis' in window)).toBe(false);
    await expect(page.locator('.listen')).toBeHidden();
    expect(await page.locator('.listen').evaluate((element) => element.getBoundingClientRect().height)).toBe(0);
  });

  test('never reads what a person typed into the referral form, on its questions or when checking the answers', async ({
    page,
  }) => {
    const typed = {
      name: 'Alexandra Quinnell-Thorpe',
      address: '3 Juniper Mews',
      postcode: 'CM1 1QH',
      phone: '020 7946 0123',
    };
    await withSpeech(page, { voices: VOICES, autoEnd: true });
    await open(page, '/refer');
    const heard: string[] = [];
    const readAll = async () => heard.push(...(await readToEnd(page)));
    const next = () => page.getByRole('button', { name: 'Continue', exact: true }).click();
    const group = (legend: string) => page.getByRole('group', { name: legend, exact: true });

    await group('Is anyone in danger now, or in a mental health crisis?').getByLabel('No', { exact: true }).check();
    await next();
    await group('Who is filling in this form?').getByLabel('I am asking for myself', { exact: true }).check();
    await next();
    await page.getByLabel("The person's full name", { exact: true }).fill(typed.name);
    await page.getByLabel("The person's home address", { exact: true }).fill(typed.address);
    await page.getByLabel('Postcode', { exact: true }).fill(typed.postcode);
    await readAll();
    expect(heard).toContain("The person's full name");
    // With an error the step shows again, its answers still in their boxes.
    await next();
    await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await readAll();

    await page.getByLabel('Day', { exact: true }).fill('15');
    await page.getByLabel('Month', { exact: true }).fill('6');
    await page.getByLabel('Year', { exact: true }).fill('1990');
    const place = page.getByRole('group', { name: /^Which .* does the person live in\?$/ });
    if (await place.isVisible()) await place.getByRole('radio').first().check();
    await page.getByLabel('I do not know the GP surgery', { exact: true }).check();
    await next();
    await group('Does the person have a learning disability, or are they autistic?')
      .getByLabel('Autism (the person is autistic)', { exact: true })
      .check();
    await next();
    await group('Why might the person need extra support now?').getByRole('checkbox').first().check();
    await next();
    await group('Does the person agree to be on the DSR?')
      .getByLabel('Yes, the person agrees', { exact: true })
      .check();
    await next();
    await group('What is the best way to contact you?').getByLabel('Phone call', { exact: true }).check();
    await page.getByLabel('Your phone number', { exact: true }).fill(typed.phone);
    await readAll();
    await next();
    await group('Do you or the person need help to communicate with us?')
      .getByLabel('Easy read letters and papers', { exact: true })
      .check();
    await next();
    await expect(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
    await expect(page.locator('main')).toContainText(typed.name);
    await readAll();
    expect(heard).toContain('Check your answers before sending');

    for (const value of Object.values(typed)) {
      expect(heard.filter((text) => text.includes(value) || text.includes(value.replace(/ /g, '')))).toEqual([]);
    }
    // Nothing marked for reading holds a form control or sits in a part not to be read.
    expect(await page.locator('[data-no-listen] [data-s], [data-no-listen][data-s]').count()).toBe(0);
    expect(await page.locator('input[data-s], textarea[data-s], select[data-s], button[data-s]').count()).toBe(0);
  });
});

test('nothing shows without JavaScript', async ({ page, javaScriptEnabled }) => {
  test.skip(javaScriptEnabled, 'the JavaScript-off projects');
  await withSpeech(page, { voices: VOICES });
  await open(page, PAGE);
  await expect(page.locator('.listen')).toBeHidden();
  await expect(listen(page)).toBeHidden();
  // Sentences are marked all the same, and look no different.
  expect(await page.locator('main [data-s]').count()).toBeGreaterThan(10);
});
