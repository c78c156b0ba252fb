/**
 * The callback request form (issue 4), with JavaScript on and off.
 *
 * In an area with a phone callback, each worker starts its own built server
 * with a real SMTP server on loopback (smtp-server) as its relay and the clock
 * fixed on a Friday afternoon, so the email's content and the call-by date
 * (Tuesday) can be checked. In an area without one, the page must say so and
 * refuse POSTs.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page, Request } from '@playwright/test';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';
import { parse } from 'yaml';
import { ROOT } from '../support/areas.ts';
import { accessibilityProblems } from '../support/accessibility.ts';
import { expect, test as base } from '../support/fixtures.ts';
import { startAreaServer } from '../support/server.ts';

/** Friday 20 November 2026, 3pm in London: 2 working days later is Tuesday 24 November. */
const FRIDAY_AFTERNOON = '2026-11-20T15:00:00Z';
const CALL_BY_ISO = '2026-11-24';
const CALL_BY = 'Tuesday 24 November 2026';
const FORM = '/ask-for-a-call';
const PHONE_FORMAT = 'Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192';

interface Mail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

class Inbox {
  readonly messages: Mail[] = [];

  async waitFor(subject: string, timeoutMs = 20_000): Promise<Mail> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.messages.find((mail) => mail.subject === subject);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(
      `no email "${subject}" within ${timeoutMs} ms; have: ${this.messages.map((m) => m.subject).join(', ')}`,
    );
  }

  count(subject: string): number {
    return this.messages.filter((mail) => mail.subject === subject).length;
  }
}

interface Callback {
  origin: string;
  inbox: Inbox;
  mailbox: string;
}

function areaSettings(id: string): { callback: boolean; mailbox: string } {
  const settings = parse(readFileSync(path.join(ROOT, 'content/areas', id, 'area.yaml'), 'utf8')) as {
    mailbox: string;
    join?: { phone?: { callback?: boolean } };
  };
  return { callback: settings.join?.phone?.callback === true, mailbox: settings.mailbox };
}

const test = base.extend<object, { callback: Callback }>({
  callback: [
    async ({ area }, use) => {
      const inbox = new Inbox();
      const smtp = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onData(stream, session, done) {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            PostalMime.parse(Buffer.concat(chunks))
              .then((mail) => {
                inbox.messages.push({
                  to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
                  subject: mail.subject ?? '',
                  text: mail.text ?? '',
                  html: mail.html ?? '',
                });
                done();
              })
              .catch(done);
          });
        },
      });
      await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
      const { port } = smtp.server.address() as AddressInfo;
      const server = await startAreaServer(area.id, {
        env: { SMTP_URL: `smtp://127.0.0.1:${port}`, DSR_FAKE_NOW: FRIDAY_AFTERNOON, QUEUE_MIN_BACKOFF: '1' },
      });
      await use({ origin: server.origin, inbox, mailbox: areaSettings(area.id).mailbox });
      await server.stop();
      await new Promise<void>((resolve) => smtp.close(resolve));
    },
    { scope: 'worker' },
  ],
});

/** The POSTs the page sends to the form's address. */
function recordPosts(page: Page): Request[] {
  const posts: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === FORM) posts.push(request);
  });
  return posts;
}

/** Opens the form; with JavaScript, waits until the enhancer has run. */
async function openForm(page: Page, callback: Callback, javaScript: boolean): Promise<void> {
  const response = await page.goto(callback.origin + FORM);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['cache-control']).toBe('no-store');
  await expect(page.locator('form[data-enhanced]')).toHaveCount(javaScript ? 1 : 0);
}

const group = (page: Page, legend: string) => page.getByRole('group', { name: legend });

async function fillGoodAnswers(page: Page): Promise<void> {
  await page.getByLabel('Your name').fill("Siobhán O'Neill-Łukasz");
  await page.getByLabel('Your phone number').fill('(07700) 900-982');
  await group(page, 'If you do not answer, can we leave a voicemail message?')
    .getByLabel('No', { exact: true })
    .check();
  await group(page, 'When is the best time for us to call?').getByLabel('In the afternoon').check();
  await page.getByLabel('Tell us more about when to call (optional)').fill('After 3pm & before 5pm');
  await group(page, 'Who is the call about?').getByLabel('My child').check();
  await page.getByLabel('Their first name (optional)').fill('Zoë');
  await page
    .getByLabel('Is there anything we should know before we call? (optional)')
    .fill('Needs a <b>Polish</b> interpreter.\nCalm mornings are best.');
}

// The project's default allows five minutes for tests that walk every page; these need far less.
test.describe.configure({ timeout: 90_000 });

test.describe('in an area without a phone callback', () => {
  test.skip(({ area }) => areaSettings(area.id).callback, 'this area offers a callback');

  test('the page says so in easy read and points to the other ways to ask; POST is 404', async ({ page, baseURL }) => {
    const response = await page.goto(FORM);
    expect(response?.status()).toBe(200);
    await expect(page.locator('form[data-form="callback"]')).toHaveCount(0);
    await expect(page.getByText('you cannot ask for a call on this website')).toBeVisible();
    await expect(page.getByRole('link', { name: 'See how to ask to join' })).toHaveAttribute('href', '/how-to-join');
    const post = await page.request.post(FORM, { form: { name: 'Ada' }, headers: { Origin: baseURL! } });
    expect(post.status()).toBe(404);
    expect((await page.request.get(`${FORM}/sent?ref=DSR-7KQM-2XPT`)).status()).toBe(404);
  });
});

test.describe('the callback form', () => {
  test.skip(({ area }) => !areaSettings(area.id).callback, 'this area has no phone callback');

  test('happy path: the confirmation page, then the email at the SMTP server with every answer and the call-by date', async ({
    page,
    callback,
    javaScriptEnabled,
  }) => {
    await openForm(page, callback, javaScriptEnabled);
    const posts = recordPosts(page);
    await fillGoodAnswers(page);
    await page.getByRole('button', { name: 'Send request' }).click();

    await expect(page).toHaveURL(/\/ask-for-a-call\/sent\?ref=DSR-[0-9A-Z]{4}-[0-9A-Z]{4}&by=2026-11-24$/);
    expect(posts).toHaveLength(1);
    const url = new URL(page.url());
    expect(url.search, 'no personal data in the address').not.toMatch(/Siobh|07700|Zo|Polish/i);
    await expect(page.locator('h1')).toHaveText('We have your request');
    const reference = url.searchParams.get('ref')!;
    await expect(page.locator('.form-panel')).toContainText(reference);
    // South East London's call-back promise is this website's own (its settings' `own`), and says so.
    await expect(page.getByText(`This website promises you a call by ${CALL_BY}.`)).toBeVisible();
    await expect(page).toHaveTitle(/^We have your request - /);
    await expect(page.getByRole('link', { name: 'See all crisis lines and when they are open' })).toBeVisible();

    const mail = await callback.inbox.waitFor(`Callback request ${reference}`);
    expect(mail.to).toEqual([callback.mailbox]);
    for (const line of [
      `Call by: ${CALL_BY} (2 working days, this website's promise to the person)`,
      `Reference: ${reference}`,
      'Received: Friday 20 November 2026 at 3pm',
      "Siobhán O'Neill-Łukasz",
      '(07700) 900-982 (as typed)',
      '+447700900982 (to dial)',
      'Can we leave a voicemail?\n    No',
      'Best time to call\n    In the afternoon',
      'After 3pm & before 5pm',
      'Who the call is about\n    My child',
      'Their first name\n    Zoë',
      'Needs a <b>Polish</b> interpreter.\n    Calm mornings are best.',
    ]) {
      expect(mail.text).toContain(line);
    }
    expect(mail.html).toContain('Needs a &lt;b&gt;Polish&lt;/b&gt; interpreter.');
    expect(mail.html).not.toContain('<b>Polish');
    expect(mail.html).toContain(CALL_BY);
    expect(mail.subject).not.toMatch(/Siobh|07700|Zo/);

    // Nothing kept in the browser.
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([
      0,
      0,
      '',
    ]);

    // Refresh sends nothing more; the page is a plain GET.
    await page.reload();
    await expect(page.locator('h1')).toHaveText('We have your request');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(callback.inbox.count(`Callback request ${reference}`)).toBe(1);
    expect(posts).toHaveLength(1);
  });

  test('the person the call is about: their first name appears only with JavaScript when someone else is chosen', async ({
    page,
    callback,
    javaScriptEnabled,
  }) => {
    await openForm(page, callback, javaScriptEnabled);
    const firstName = page.getByLabel('Their first name (optional)');
    if (!javaScriptEnabled) {
      await expect(firstName).toBeVisible();
      return;
    }
    await expect(firstName).toBeHidden();
    await group(page, 'Who is the call about?').getByLabel('Someone I care for').check();
    await expect(firstName).toBeVisible();
    await group(page, 'Who is the call about?').getByLabel('Me', { exact: true }).check();
    await expect(firstName).toBeHidden();
  });

  test('an empty form: every message, in order, in the summary and by each field; title and focus', async ({
    page,
    callback,
    javaScriptEnabled,
  }) => {
    await openForm(page, callback, javaScriptEnabled);
    const enhanced = javaScriptEnabled;
    const posts = recordPosts(page);
    const reply = enhanced ? undefined : page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Send request' }).click();
    if (reply) expect((await reply).status()).toBe(422);

    const expected = [
      ['name', 'Enter your name'],
      ['phone', 'Enter your phone number'],
      ['voicemail', 'Select yes if we can leave a voicemail message'],
      ['bestTime', 'Select the best time for us to call'],
      ['about', 'Select who the call is about'],
    ];
    const summary = page.locator('[data-error-summary]');
    await expect(summary.getByRole('heading', { level: 2 })).toHaveText('There is a problem');
    await expect(summary).toBeFocused();
    await expect(page).toHaveTitle(/^Error: Ask us to call you - /);
    const links = summary.getByRole('link');
    await expect(links).toHaveText(expected.map(([, message]) => message!));
    for (const [index, [field, message]] of expected.entries()) {
      await expect(links.nth(index)).toHaveAttribute('href', `#${field}`);
      const inline = page.locator(`#${field}-error`);
      await expect(inline).toHaveText(`Error: ${message}`);
      await expect(inline.locator('.visually-hidden')).toHaveText('Error:');
      const describedBy = await page
        .locator(`[data-field="${field}"] [data-described]`)
        .first()
        .getAttribute('aria-describedby');
      expect(describedBy?.split(' ')).toContain(`${field}-error`);
    }
    expect(posts, enhanced ? 'checked in the browser: nothing sent' : 'one plain POST').toHaveLength(enhanced ? 0 : 1);
    expect(
      await accessibilityProblems(page, { javaScriptEnabled }),
      'axe and HTML_CodeSniffer on the error state',
    ).toEqual([]);
  });

  test('bad values: the describing messages, and every answer kept', async ({ page, callback, javaScriptEnabled }) => {
    await openForm(page, callback, javaScriptEnabled);
    await page.getByLabel('Your name').fill('R2D2');
    await page.getByLabel('Your phone number').fill('+33 1 23 45 67 89');
    await group(page, 'If you do not answer, can we leave a voicemail message?')
      .getByLabel('Yes', { exact: true })
      .check();
    await group(page, 'When is the best time for us to call?').getByLabel('Any time').check();
    await page.getByLabel('Tell us more about when to call (optional)').fill('x'.repeat(101));
    await group(page, 'Who is the call about?').getByLabel('Someone I support at work').check();
    await page.getByLabel('Their first name (optional)').fill('Sam 2');
    const notes = `Line one <i>&</i>\n${'y'.repeat(500)}`;
    await page.getByLabel('Is there anything we should know before we call? (optional)').fill(notes);
    await page.getByRole('button', { name: 'Send request' }).click();

    const summary = page.locator('[data-error-summary]');
    await expect(summary.getByRole('link')).toHaveText([
      'Your name must only include letters, spaces, hyphens, full stops and apostrophes',
      'Enter a UK phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
      'When to call must be 100 characters or fewer',
      'Their first name must only include letters, spaces, hyphens, full stops and apostrophes',
      'What we should know must be 500 characters or fewer',
    ]);
    await expect(summary).toBeFocused();
    await expect(page.getByLabel('Your name')).toHaveValue('R2D2');
    await expect(page.getByLabel('Your phone number')).toHaveValue('+33 1 23 45 67 89');
    await expect(
      group(page, 'If you do not answer, can we leave a voicemail message?').getByLabel('Yes', { exact: true }),
    ).toBeChecked();
    await expect(group(page, 'When is the best time for us to call?').getByLabel('Any time')).toBeChecked();
    await expect(group(page, 'Who is the call about?').getByLabel('Someone I support at work')).toBeChecked();
    await expect(page.getByLabel('Their first name (optional)')).toHaveValue('Sam 2');
    await expect(page.getByLabel('Is there anything we should know before we call? (optional)')).toHaveValue(notes);

    // A phone number that cannot be a UK number, once the rest is right.
    await page.getByLabel('Your name').fill('Ada');
    await page.getByLabel('Your phone number').fill('07700 90098');
    await page.getByLabel('Tell us more about when to call (optional)').fill('');
    await page.getByLabel('Their first name (optional)').fill('');
    await page.getByLabel('Is there anything we should know before we call? (optional)').fill('');
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(summary.getByRole('link')).toHaveText([PHONE_FORMAT]);
    await expect(page.locator('#phone-error')).toHaveText(`Error: ${PHONE_FORMAT}`);
  });

  test('each summary link moves focus to its field (radios: the first option)', async ({
    page,
    callback,
    javaScriptEnabled,
  }) => {
    await openForm(page, callback, javaScriptEnabled);
    await page.getByRole('button', { name: 'Send request' }).click();
    const links = page.locator('[data-error-summary] a');
    await expect(links).toHaveCount(5);
    for (const target of ['name', 'phone', 'voicemail', 'bestTime', 'about']) {
      await page.locator(`[data-error-summary] a[href="#${target}"]`).click();
      await expect(page.locator(`#${target}`)).toBeFocused();
    }
  });

  test('keyboard only: errors, a summary link, then the whole form and Send', async ({
    page,
    callback,
    javaScriptEnabled,
  }) => {
    await openForm(page, callback, javaScriptEnabled);
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    const tabTo = async (id: string) => {
      for (let i = 0; i < 60 && (await focusedId()) !== id; i++) await page.keyboard.press('Tab');
      expect(await focusedId(), `Tab reaches #${id}`).toBe(id);
    };
    await tabTo('name');
    // Send the empty form from the keyboard: Tab to the button, Enter.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.matches('button[type="submit"]'))) break;
    }
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-error-summary]')).toBeFocused();
    // The first link in the summary takes focus to the name box.
    await page.keyboard.press('Tab');
    await expect(page.locator('[data-error-summary] a').first()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#name')).toBeFocused();

    await page.keyboard.type('Dara Ó Briain');
    await page.keyboard.press('Tab');
    await page.keyboard.type('020 7946 0123');
    await tabTo('voicemail'); // the first radio of an unanswered group
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('bestTime');
    await page.keyboard.press('ArrowDown'); // In the afternoon
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('bestTimeDetail');
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('about');
    await page.keyboard.press('ArrowDown'); // My child: their first name shows (with JavaScript) and is next
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('aboutName');
    await page.keyboard.type('Ciarán');
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('notes');
    await page.keyboard.type('A calm time of day, please.');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'how we use your information' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Send request' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/ask-for-a-call\/sent\?ref=DSR-/);
    const reference = new URL(page.url()).searchParams.get('ref')!;
    const mail = await callback.inbox.waitFor(`Callback request ${reference}`);
    expect(mail.text).toContain('Dara Ó Briain');
    expect(mail.text).toContain('+442079460123 (to dial)');
    expect(mail.text).toContain('Best time to call\n    In the afternoon');
    expect(mail.text).toContain('Their first name\n    Ciarán');
  });

  test('axe and HTML_CodeSniffer: the empty form and the confirmation page', async ({
    page,
    callback,
    javaScriptEnabled,
  }) => {
    await openForm(page, callback, javaScriptEnabled);
    expect(
      await accessibilityProblems(page, { javaScriptEnabled }),
      'axe and HTML_CodeSniffer on the empty form',
    ).toEqual([]);
    await page.getByLabel('Your name').fill('Ada');
    await page.getByLabel('Your phone number').fill('07700 900 983');
    await group(page, 'If you do not answer, can we leave a voicemail message?')
      .getByLabel('Yes', { exact: true })
      .check();
    await group(page, 'When is the best time for us to call?').getByLabel('Any time').check();
    await group(page, 'Who is the call about?').getByLabel('Me', { exact: true }).check();
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.locator('h1')).toHaveText('We have your request');
    expect(
      await accessibilityProblems(page, { javaScriptEnabled }),
      'axe and HTML_CodeSniffer on the confirmation page',
    ).toEqual([]);
  });

  test('the form page has the accessible basics: autocomplete, novalidate, no required, legends, 44px targets', async ({
    page,
    callback,
    javaScriptEnabled,
  }) => {
    await openForm(page, callback, javaScriptEnabled);
    const form = page.locator('form[data-form="callback"]');
    await expect(form).toHaveAttribute('novalidate', '');
    await expect(form.locator('[required]')).toHaveCount(0);
    await expect(page.getByLabel('Your name')).toHaveAttribute('autocomplete', 'name');
    await expect(page.getByLabel('Your name')).toHaveAttribute('spellcheck', 'false');
    await expect(page.getByLabel('Your phone number')).toHaveAttribute('autocomplete', 'tel');
    await expect(page.getByLabel('Your phone number')).toHaveAttribute('type', 'tel');
    for (const legend of [
      'If you do not answer, can we leave a voicemail message?',
      'When is the best time for us to call?',
      'Who is the call about?',
    ]) {
      await expect(group(page, legend)).toHaveCount(1);
    }
    await expect(page.getByText('This is not for emergencies')).toBeVisible();
    // The form's own emergency lines; the not-sent help (hidden until a post fails) has its own.
    const emergency = page.locator('.form-emergency:not([data-not-sent] *)');
    await expect(emergency.locator('a[href="tel:999"]')).toHaveCount(1);
    await expect(emergency.locator('a[href="tel:111"]')).toHaveCount(1);
    await expect(emergency.locator('a[href="/crisis"]')).toHaveCount(1);

    // A radio's target is its whole row: the (invisible) native input and its label.
    const small = await page.evaluate(() =>
      [
        ...document.querySelectorAll(
          'form input:not([type="hidden"]):not(.form-choice__input), form textarea, form button, .form-choice',
        ),
      ]
        .filter((el) => !(el as HTMLElement).closest('[hidden]'))
        .map((el) => ({ id: el.id || el.textContent?.trim(), box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.height < 44 || box.width < 44)
        .map(({ id, box }) => `${id}: ${Math.round(box.width)}x${Math.round(box.height)}`),
    );
    expect(small, 'targets smaller than 44 by 44 pixels').toEqual([]);
  });

  test('at 320px wide and with text at 200%, nothing scrolls sideways', async ({
    page,
    callback,
    javaScriptEnabled,
  }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await openForm(page, callback, javaScriptEnabled);
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.locator('[data-error-summary]')).toBeVisible();
    for (const zoom of ['100%', '200%']) {
      await page.evaluate((size) => (document.documentElement.style.fontSize = size), zoom);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `sideways scroll at text ${zoom}`).toBeLessThanOrEqual(0);
    }
  });
});

test.describe('with JavaScript', () => {
  test.skip(
    ({ area, javaScriptEnabled }) => !javaScriptEnabled || !areaSettings(area.id).callback,
    'needs JavaScript and a callback area',
  );

  test('the browser shows the same error markup as the server', async ({ page, callback, javaScriptEnabled }) => {
    await openForm(page, callback, javaScriptEnabled);
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.locator('[data-error-summary]')).toBeFocused();
    const served = await page.request.post(callback.origin + FORM, {
      form: { name: '' },
      headers: { Origin: callback.origin },
    });
    expect(served.status()).toBe(422);
    const same = await page.evaluate(
      (html) => {
        const server = new DOMParser().parseFromString(html, 'text/html');
        // The same elements, attributes (in any order) and text.
        const pick = (doc: Document, selector: string) => {
          const copy = doc.querySelector(selector)?.cloneNode(true) as Element | undefined;
          if (!copy) return undefined;
          // Listen's sentence marks are added to the page the server sends, not to the form's markup.
          for (const mark of copy.querySelectorAll('span[data-s]')) mark.replaceWith(...mark.childNodes);
          for (const marked of [copy, ...copy.querySelectorAll('[data-s]')]) marked.removeAttribute('data-s');
          copy.normalize();
          for (const element of [copy, ...copy.querySelectorAll('*')]) {
            const attributes = [...element.attributes]
              .map((a) => [a.name, a.value] as const)
              .sort(([a], [b]) => a.localeCompare(b));
            for (const [name] of attributes) element.removeAttribute(name);
            for (const [name, value] of attributes) element.setAttribute(name, value);
          }
          return copy.outerHTML.replace(/\s+/g, ' ');
        };
        return [
          '[data-error-summary]',
          '[data-field="name"]',
          '[data-field="phone"]',
          '[data-field="voicemail"]',
          '[data-field="bestTime"]',
        ].map((selector) => ({ selector, browser: pick(document, selector), server: pick(server, selector) }));
      },
      await served.text(),
    );
    for (const { selector, browser, server } of same) expect(browser, selector).toBe(server);
  });

  test('the character count shows as you type, counted as the server counts', async ({
    page,
    callback,
    javaScriptEnabled,
  }) => {
    await openForm(page, callback, javaScriptEnabled);
    const notes = page.getByLabel('Is there anything we should know before we call? (optional)');
    const status = page.locator('.form-character-count__status');
    await expect(status).toHaveText('You have 500 characters remaining');
    await notes.fill('Hello\nthere');
    await expect(status).toHaveText('You have 489 characters remaining');
    await notes.fill('z'.repeat(501));
    await expect(status).toHaveText('You have 1 character too many');
    await expect(page.locator('.form-character-count [aria-live="polite"]')).toHaveText(
      'You have 1 character too many',
    );
  });

  test('sending: one request however often Send is pressed, and the button stays focusable', async ({
    page,
    callback,
    javaScriptEnabled,
  }) => {
    await openForm(page, callback, javaScriptEnabled);
    await page.getByLabel('Your name').fill('Ada');
    await page.getByLabel('Your phone number').fill('07700 900 984');
    await group(page, 'If you do not answer, can we leave a voicemail message?')
      .getByLabel('Yes', { exact: true })
      .check();
    await group(page, 'When is the best time for us to call?').getByLabel('Any time').check();
    await group(page, 'Who is the call about?').getByLabel('Me', { exact: true }).check();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**${FORM}`, async (route) => {
      if (route.request().method() === 'POST') await held;
      await route.continue();
    });
    const posts = recordPosts(page);
    const button = page.getByRole('button', { name: 'Send request' });
    await button.click();
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(button).toBeFocused();
    // Playwright waits for an aria-disabled button to be enabled, so press it as a person would regardless.
    await button.click({ force: true });
    await page.keyboard.press('Enter');
    release();
    await expect(page).toHaveURL(/\/ask-for-a-call\/sent\?ref=DSR-/);
    expect(posts).toHaveLength(1);
  });

  test('no connection: the answers stay and the page says they were not sent; the retry carries the same token', async ({
    page,
    callback,
    javaScriptEnabled,
  }) => {
    await openForm(page, callback, javaScriptEnabled);
    await page.getByLabel('Your name').fill('Ada');
    await page.getByLabel('Your phone number').fill('07700 900 985');
    await group(page, 'If you do not answer, can we leave a voicemail message?')
      .getByLabel('No', { exact: true })
      .check();
    await group(page, 'When is the best time for us to call?').getByLabel('In the morning').check();
    await group(page, 'Who is the call about?').getByLabel('Me', { exact: true }).check();
    const tokens: string[] = [];
    let fail = true;
    await page.route(`**${FORM}`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      tokens.push(new URLSearchParams(route.request().postData() ?? '').get('token') ?? '');
      if (fail) return route.abort('internetdisconnected');
      return route.continue();
    });
    await page.getByRole('button', { name: 'Send request' }).click();
    const summary = page.locator('[data-error-summary]');
    await expect(summary).toContainText('Your answers have not been sent');
    await expect(summary).toBeFocused();
    await expect(page.getByLabel('Your name')).toHaveValue('Ada');
    fail = false;
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page).toHaveURL(/\/ask-for-a-call\/sent\?ref=DSR-/);
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).toBe(tokens[1]);
  });

  test('if the script does not load, the plain form still works', async ({ page, callback }) => {
    await page.route('**/_astro/**/*.js', (route) => route.abort());
    await page.goto(callback.origin + FORM);
    const reply = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Send request' }).click();
    expect((await reply).status()).toBe(422);
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.locator('[data-error-summary]')).toBeFocused();
  });

  test('if the script throws while sending, the plain form posts instead', async ({
    page,
    callback,
    javaScriptEnabled,
  }) => {
    await openForm(page, callback, javaScriptEnabled);
    await page.evaluate(() => {
      window.FormData = function broken() {
        throw new Error('broken FormData');
      } as unknown as typeof FormData;
    });
    await page.getByLabel('Your name').fill('Ada');
    await page.getByLabel('Your phone number').fill('07700 900 986');
    await group(page, 'If you do not answer, can we leave a voicemail message?')
      .getByLabel('No', { exact: true })
      .check();
    await group(page, 'When is the best time for us to call?').getByLabel('In the morning').check();
    await group(page, 'Who is the call about?').getByLabel('Me', { exact: true }).check();
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page).toHaveURL(new RegExp(`/ask-for-a-call/sent\\?ref=DSR-[0-9A-Z-]+&by=${CALL_BY_ISO}$`));
  });

  test('print: a button that prints, shown only with JavaScript', async ({ page, callback }) => {
    await page.goto(`${callback.origin}${FORM}/sent?ref=DSR-7KQM-2XPT&by=${CALL_BY_ISO}`);
    const print = page.getByRole('button', { name: 'Print this page' });
    await expect(print).toBeVisible();
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await print.click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  });
});

test.describe('without JavaScript', () => {
  test.skip(
    ({ area, javaScriptEnabled }) => javaScriptEnabled || !areaSettings(area.id).callback,
    'needs JavaScript off and a callback area',
  );

  test('Post/Redirect/Get: a 303 to the confirmation page; no print button', async ({
    page,
    callback,
    javaScriptEnabled,
  }) => {
    await openForm(page, callback, javaScriptEnabled);
    await page.getByLabel('Your name').fill('Ada');
    await page.getByLabel('Your phone number').fill('07700 900 987');
    await group(page, 'If you do not answer, can we leave a voicemail message?')
      .getByLabel('No', { exact: true })
      .check();
    await group(page, 'When is the best time for us to call?').getByLabel('In the morning').check();
    await group(page, 'Who is the call about?').getByLabel('Me', { exact: true }).check();
    const reply = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Send request' }).click();
    expect((await reply).status()).toBe(303);
    await expect(page).toHaveURL(/\/ask-for-a-call\/sent\?ref=DSR-/);
    await expect(page.getByRole('button', { name: 'Print this page' })).toBeHidden();
  });
});
