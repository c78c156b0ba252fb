/**
 * What a person can take away (issue 11, parts 3 and 4), in every area, with
 * JavaScript on and off: the "While you wait" card behind each confirmation
 * page (its words, the area's crisis lines as its crisis page shows them, one
 * A4 page in Chromium's print-to-PDF), and the copy of answers on the
 * referral's check page (the answers and the warning on paper). No answer
 * may reach an address the browser visits or the server's log.
 *
 * Each worker starts its own built server, its clock fixed on Friday
 * 20 November 2026 at 3pm, so the reply-by date is known; form messages go
 * to its temporary mailbox.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { ROOT } from '../support/areas.ts';
import { accessibilityProblems } from '../support/accessibility.ts';
import { expect, test as base } from '../support/fixtures.ts';
import { tabTo } from '../support/keyboard.ts';
import { sidewaysOverflow } from '../support/overflow.ts';
import { startAreaServer, type RunningServer } from '../support/server.ts';

const NOW = '2026-11-20T15:00:00Z';
/** Two working days after NOW: the date the confirmation's address carries. */
const BY = '2026-11-24';
const BY_TEXT = 'Tuesday 24 November 2026';
const REFERENCE = 'DSR-7KQM-2XPT';

interface AreaSettings {
  name: string;
  places: { kind: string; list: string[] };
  crisisLines: { name: string }[];
  reasons: { list: { text: string }[] };
  join: { phone?: { callback?: boolean }; professionalForm?: unknown };
}

const settingsOf = (id: string) =>
  parse(readFileSync(path.join(ROOT, 'content/areas', id, 'area.yaml'), 'utf8')) as AreaSettings;

const test = base.extend<object, { server: RunningServer; settings: AreaSettings }>({
  server: [
    async ({ area }, use) => {
      const server = await startAreaServer(area.id, { env: { DSR_FAKE_NOW: NOW, RATE_LIMIT_POSTS: '100000' } });
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  settings: [async ({ area }, use) => use(settingsOf(area.id)), { scope: 'worker' }],
});

test.describe.configure({ timeout: 120_000 });

const FORMS = [
  { path: '/refer', offered: () => true },
  { path: '/ask-for-a-call', offered: (settings: AreaSettings) => Boolean(settings.join.phone?.callback) },
  { path: '/professional-referral', offered: (settings: AreaSettings) => Boolean(settings.join.professionalForm) },
];

/** Chromium's PDF of the page, as A4 with the page's own print styles. */
async function a4Pages(page: Page): Promise<number> {
  const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
  // A page object, not the /Pages tree that lists them.
  return pdf.match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
}

/** Each crisis line its crisis page lists after 999 and NHS 111 (the area's own, then Samaritans, Shout): name, number, who for, hours. */
async function crisisPageLines(page: Page, origin: string) {
  await page.goto(`${origin}/crisis`);
  const shown = [];
  for (const line of (await page.locator('li.crisis-line').all()).slice(2)) {
    shown.push({
      name: await line.getByRole('heading', { level: 3 }).innerText(),
      call: (await line.locator('a.crisis-line__call').allInnerTexts()).map((text) =>
        text.replace(/^(Call|Text) /, ''),
      ),
      who: (await line.locator('p', { hasText: /^For / }).innerText()).replace(/\.$/, ''),
      hours: await line.locator('.crisis-line__hours li').allInnerTexts(),
    });
  }
  return shown;
}

test.describe('the While you wait card', () => {
  for (const form of FORMS) {
    test(`${form.path}: from the confirmation page, with the reference, the date, who calls and every crisis line`, async ({
      page,
      server,
      settings,
      javaScriptEnabled,
    }) => {
      const sent = `${server.origin}${form.path}/sent?ref=${REFERENCE}&by=${BY}`;
      const card = `${server.origin}${form.path}/while-you-wait?ref=${REFERENCE}&by=${BY}`;
      if (!form.offered(settings)) {
        expect((await page.goto(card))?.status()).toBe(404);
        return;
      }
      const lines = await crisisPageLines(page, server.origin);
      // The area's own lines and at least Samaritans.
      expect(lines.length).toBeGreaterThan(settings.crisisLines.length);
      for (const { name } of settings.crisisLines) expect(lines.map((line) => line.name)).toContain(name);

      await page.goto(sent);
      // The date, or "within …" where the area promises no date: the card says what the confirmation says.
      const when = (
        await page
          .locator('main p')
          .filter({ hasText: /\bby \w+day \d|within \d+ working day|as soon as they can/ })
          .first()
          .innerText()
      ).trim();
      const dated = when.includes(BY_TEXT);
      await page.getByRole('link', { name: 'Get a "While you wait" card to print or save' }).click();
      // The confirmation page's address: a reply-by date only where the area promises one.
      await expect(page).toHaveURL(dated ? card : card.replace(`&by=${BY}`, ''));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('While you wait');
      const text = (await page.locator('.wait-card').innerText()).replace(/\s+/g, ' ');
      expect(text).toContain(`Your reference number ${REFERENCE}`);
      expect(text).toContain(when.replace(/\s+/g, ' '));
      if (dated) expect(text).toContain(`by ${BY_TEXT}.`);
      expect(text).toContain(`The ${settings.name} DSR team will contact you.`);
      expect(text).toContain("If someone's life is at risk, call 999.");
      expect(text).toContain('In a mental health crisis, call NHS 111 and choose option 2.');
      for (const line of lines) {
        const item = (await page.locator('.wait-card__lines li', { hasText: line.name }).innerText()).replace(
          /\s+/g,
          ' ',
        );
        for (const call of line.call) expect(item).toContain(call);
        expect(item).toContain(line.who);
        for (const hours of line.hours) expect(item).toContain(hours.replace(/\.$/, ''));
      }
      // Not "open now": on paper that would be wrong tomorrow.
      expect(text).not.toMatch(/open now|closed now/i);
      await expect(page.getByRole('heading', { name: `Contact the ${settings.name} DSR team` })).toBeVisible();
      await expect(page.getByText('To print, press the Ctrl and P keys together.')).toBeVisible();
      expect(await accessibilityProblems(page, { javaScriptEnabled }), 'axe and HTML_CodeSniffer: the card').toEqual(
        [],
      );
    });
  }

  test('the card is one A4 page in print, without the site around it', async ({ page, server, javaScriptEnabled }) => {
    await page.goto(`${server.origin}/refer/while-you-wait?ref=${REFERENCE}&by=${BY}`);
    await expect(page.getByRole('button', { name: 'Print this card' })).toBeVisible({ visible: javaScriptEnabled });
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.wait-card')).toBeVisible();
    await expect(page.locator('.crisis-help')).toBeHidden();
    await expect(page.getByText('To print, press the Ctrl and P keys together.')).toBeHidden();
    expect(await a4Pages(page)).toBe(1);
  });

  test('with a keyboard alone and at 200% zoom (640 CSS pixels wide): reached, read and printed', async ({
    page,
    server,
    javaScriptEnabled,
  }) => {
    await page.setViewportSize({ width: 640, height: 720 });
    await page.goto(`${server.origin}/refer/sent?ref=${REFERENCE}&by=${BY}`);
    expect(await sidewaysOverflow(page), 'the confirmation page').toEqual({ scrollWidth: 640, culprits: [] });
    const cardLink = page.getByRole('link', { name: 'Get a "While you wait" card to print or save' });
    await tabTo(page, cardLink);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('While you wait');
    expect(await sidewaysOverflow(page), 'the card').toEqual({ scrollWidth: 640, culprits: [] });
    if (javaScriptEnabled) {
      const print = page.getByRole('button', { name: 'Print this card' });
      await tabTo(page, print);
      await expect(print).toBeInViewport();
    }
  });

  test('a long page is more than one A4 page, so the count can fail', async ({ page, server }) => {
    await page.goto(`${server.origin}/crisis`);
    expect(await a4Pages(page)).toBeGreaterThan(1);
  });

  test('a card without a real reference is not found', async ({ page, server }) => {
    expect((await page.goto(`${server.origin}/refer/while-you-wait?ref=nobody`))?.status()).toBe(404);
  });
});

/** A person asking for themselves: the fewest questions the referral asks. */
const ME = {
  name: 'Alexandra Quinnell-Thorpe',
  address: '3 Juniper Mews',
  postcode: 'CM1 1QH',
  phone: '020 7946 0123',
};

const group = (page: Page, legend: string) => page.getByRole('group', { name: legend, exact: true });

/** Answers the referral, step by step with JavaScript, and reaches "Check your answers". */
async function reachCheck(page: Page, origin: string, settings: AreaSettings, javaScript: boolean): Promise<void> {
  await page.goto(`${origin}/refer`);
  const next = async () => {
    if (javaScript) await page.getByRole('button', { name: 'Continue', exact: true }).click();
  };
  await group(page, 'Is anyone in danger now, or in a mental health crisis?').getByLabel('No', { exact: true }).check();
  await next();
  await group(page, 'Who is filling in this form?').getByLabel('I am asking for myself', { exact: true }).check();
  await next();
  await page.getByLabel("The person's full name", { exact: true }).fill(ME.name);
  await page.getByLabel('Day', { exact: true }).fill('15');
  await page.getByLabel('Month', { exact: true }).fill('6');
  await page.getByLabel('Year', { exact: true }).fill('1990');
  await page.getByLabel("The person's home address", { exact: true }).fill(ME.address);
  await page.getByLabel('Postcode', { exact: true }).fill(ME.postcode);
  if (settings.places.list.length > 1)
    await group(page, `Which ${settings.places.kind} does the person live in?`)
      .getByLabel(settings.places.list[0]!, { exact: true })
      .check();
  await page.getByLabel('I do not know the GP surgery', { exact: true }).check();
  await next();
  await group(page, 'Does the person have a learning disability, or are they autistic?')
    .getByLabel('Autism (the person is autistic)', { exact: true })
    .check();
  await next();
  const reason = settings.reasons.list[0]!.text;
  await group(page, 'Why might the person need extra support now?')
    .getByLabel(reason.charAt(0).toUpperCase() + reason.slice(1), { exact: true })
    .check();
  await next();
  await group(page, 'Does the person agree to be on the DSR?')
    .getByLabel('Yes, the person agrees', { exact: true })
    .check();
  await next();
  await group(page, 'What is the best way to contact you?').getByLabel('Phone call', { exact: true }).check();
  await page.getByLabel('Your phone number', { exact: true }).fill(ME.phone);
  await next();
  await group(page, 'Do you or the person need help to communicate with us?')
    .getByLabel('Easy read letters and papers', { exact: true })
    .check();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
}

const PERSONAL = [ME.name, ME.address, ME.postcode, ME.phone];
const looksPersonal = (text: string) => {
  const plain = decodeURIComponent(text.replace(/\+/g, ' ')).toLowerCase();
  return PERSONAL.some(
    (value) => plain.includes(value.toLowerCase()) || plain.includes(value.toLowerCase().replace(/ /g, '')),
  );
};

test.describe('a copy of your answers', () => {
  test('the check page offers a copy on this device, with a warning; on paper it shows the answers and the warning', async ({
    page,
    server,
    settings,
    javaScriptEnabled,
  }) => {
    const visited: string[] = [];
    page.on('request', (request) => visited.push(request.url()));

    await reachCheck(page, server.origin, settings, javaScriptEnabled);
    const copy = page.getByRole('region', { name: 'Print or save a copy of your answers' });
    await expect(copy).toBeVisible();
    await expect(copy).toContainText('A copy of your answers has private information. Keep it safe.');
    await expect(copy).toContainText('We do not send copies by email.');
    await expect(copy.getByText('To print, press the Ctrl and P keys together.')).toBeVisible();
    expect(
      await accessibilityProblems(page, { javaScriptEnabled }),
      'axe and HTML_CodeSniffer: the check page',
    ).toEqual([]);

    await page.setViewportSize({ width: 640, height: 720 });
    expect(await sidewaysOverflow(page), 'the check page at 200% zoom').toEqual({ scrollWidth: 640, culprits: [] });
    await page.setViewportSize({ width: 1280, height: 720 });

    await page.emulateMedia({ media: 'print' });
    const main = page.locator('main');
    await expect(main.getByText('A copy of your answers has private information. Keep it safe.')).toBeVisible();
    for (const value of [ME.name, ME.postcode, ME.phone]) await expect(main.getByText(value).first()).toBeVisible();
    // On paper, no buttons and no instructions for the screen.
    await expect(copy.getByText('To print, press the Ctrl and P keys together.')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Send referral' })).toBeHidden();
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('button', { name: 'Send referral' }).click();
    await expect(page).toHaveURL(/\/refer\/sent\?ref=DSR-[0-9A-Z]{4}-[0-9A-Z]{4}(&by=\d{4}-\d\d-\d\d)?$/);
    await page.getByRole('link', { name: 'Get a "While you wait" card to print or save' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('While you wait');
    await expect(page.locator('main')).not.toContainText(ME.name);

    expect(visited.length).toBeGreaterThan(3);
    expect(visited.filter(looksPersonal)).toEqual([]);
    const log = server.output();
    expect(log, 'the server log is read').toContain('DSR portal for');
    expect(looksPersonal(log), `the server log: ${log}`).toBe(false);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([
      0,
      0,
      '',
    ]);
  });
});
