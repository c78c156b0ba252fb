/**
 * Nothing to steal in the browser (Playwright, Chromium, JavaScript on, every
 * area): loading any page (every page in /sitemap.xml, the form pages, the
 * confirmation and error pages) requests only the site's own origin, sets no
 * cookie, stores nothing, and writes nothing to the console; filling in and
 * sending a form puts none of its answers in an address, the console or
 * browser storage. The honeypot stays out of the way of keyboards and
 * assistive technology, and passes axe.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { FORM_PAGES } from '../support/areas.ts';
import { describeViolations, runAxe } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';
import { HONEYPOT_FIELD, HONEYPOT_LABEL } from '../../src/forms/kit/honeypot.ts';

interface Watch {
  foreign: string[];
  failed: string[];
  consoleLines: string[];
  urls: string[];
}

/**
 * What Chromium itself may say: its note that a page was not found (for the
 * pages visited on purpose to see the 404 page) and that it did not autofocus
 * twice. Nothing personal can be in them; anything else on the console fails.
 */
const BROWSER_NOTES = [
  /^error: Failed to load resource: the server responded with a status of 404 \(Not Found\) \(\S+\/(no-such-page|ask-for-a-call\/sent\?ref=DSR-7KQM-2XPT)\)$/,
  /^info: Autofocus processing was blocked because a document already has a focused element\./,
];

/** Records every request, failed request and console line of the page. */
function watch(page: Page, origin: string): Watch {
  const seen: Watch = { foreign: [], failed: [], consoleLines: [], urls: [] };
  page.on('request', (request) => {
    const url = request.url();
    seen.urls.push(url);
    if (new URL(url).origin !== origin) seen.foreign.push(`${request.resourceType()} ${url} (from ${page.url()})`);
  });
  page.on('requestfailed', (request) => seen.failed.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on('console', (message) => {
    const line = `${message.type()}: ${message.text()} (${page.url()})`;
    if (!BROWSER_NOTES.some((note) => note.test(line))) seen.consoleLines.push(line);
  });
  page.on('pageerror', (error) => seen.consoleLines.push(`pageerror: ${error.message} (${page.url()})`));
  return seen;
}

/** Cookies, storage and the cookie string as the page sees them: all must be empty. */
async function stored(page: Page, context: BrowserContext): Promise<string[]> {
  const found = (await context.cookies()).map((cookie) => `cookie ${cookie.name}`);
  const inPage = await page.evaluate(async () => {
    const out: string[] = [];
    if (document.cookie) out.push(`document.cookie ${document.cookie}`);
    for (let i = 0; i < localStorage.length; i++) out.push(`localStorage ${localStorage.key(i)}`);
    for (let i = 0; i < sessionStorage.length; i++) out.push(`sessionStorage ${sessionStorage.key(i)}`);
    const databases = (await indexedDB.databases?.()) ?? [];
    for (const db of databases) out.push(`indexedDB ${db.name}`);
    const caches_ = 'caches' in self ? await caches.keys() : [];
    for (const name of caches_) out.push(`cache ${name}`);
    const workers = (await navigator.serviceWorker?.getRegistrations()) ?? [];
    if (workers.length) out.push(`${workers.length} service workers`);
    return out;
  });
  return [...found, ...inPage];
}

test.describe('nothing to steal in the browser', () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'with JavaScript on: the most a page can do');

  test('every page: own origin only, no cookies or storage, a silent console', async ({
    page,
    context,
    pagePaths,
    baseURL,
  }) => {
    const origin = new URL(baseURL!).origin;
    const seen = watch(page, origin);
    const paths = [
      ...new Set([...pagePaths, ...FORM_PAGES, '/no-such-page', '/ask-for-a-call/sent?ref=DSR-7KQM-2XPT']),
    ];
    for (const path of paths) {
      await test.step(path, async () => {
        const response = await page.goto(path, { waitUntil: 'networkidle' });
        expect.soft(response?.status(), `${path}: status`).toBeLessThan(500);
        // Scroll to the end, so anything loaded lazily is loaded too.
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await page.waitForLoadState('networkidle');
        expect.soft(await stored(page, context), `${path}: cookies and storage`).toEqual([]);
      });
    }
    expect(seen.foreign, 'requests to other origins').toEqual([]);
    expect(seen.failed, 'failed requests').toEqual([]);
    expect(seen.consoleLines, 'console output (a CSP violation would show here)').toEqual([]);
  });

  test('sending a form: the answers never reach an address, the console or storage', async ({
    page,
    context,
    baseURL,
  }) => {
    const origin = new URL(baseURL!).origin;
    const seen = watch(page, origin);
    const markers = {
      name: 'Qzorblax Quennet',
      phone: '07700 900461',
      notes: 'Qwibbleton needs a quiet room',
      when: 'after Qfrondle on Tuesdays',
    };
    for (const path of FORM_PAGES) {
      await test.step(path, async () => {
        const response = await page.goto(path, { waitUntil: 'networkidle' });
        if (!response || response.status() !== 200 || (await page.locator('form[method="post"]').count()) === 0) return;
        if (path === '/ask-for-a-call') {
          await page.getByLabel('Your name').fill(markers.name);
          await page.getByLabel('Your phone number').fill(markers.phone);
          await page
            .getByRole('group', { name: 'If you do not answer, can we leave a voicemail message?' })
            .getByLabel('Yes', { exact: true })
            .check();
          await page
            .getByRole('group', { name: 'When is the best time for us to call?' })
            .getByLabel('Any time')
            .check();
          await page.getByLabel('Tell us more about when to call (optional)').fill(markers.when);
          await page.getByRole('group', { name: 'Who is the call about?' }).getByLabel('Me', { exact: true }).check();
          await page.getByLabel('Is there anything we should know before we call? (optional)').fill(markers.notes);
          await page.getByRole('button', { name: 'Send request' }).click();
          await expect(page.locator('h1')).toHaveText('We have your request');
          expect(new URL(page.url()).pathname).toBe('/ask-for-a-call/sent');
          expect([...new URL(page.url()).searchParams.keys()].sort()).toEqual(expect.arrayContaining(['ref']));
        } else {
          // Any other form: type into every visible text box of the first part and go on (its checks run in the browser).
          const boxes = page.locator(
            'form[method="post"] input[type="text"]:visible, form[method="post"] input[type="email"]:visible, form[method="post"] input[type="tel"]:visible, form[method="post"] textarea:visible',
          );
          const count = await boxes.count();
          for (let i = 0; i < count; i++) await boxes.nth(i).fill(i % 2 ? markers.notes : markers.name);
          await page.locator('form[method="post"] button[type="submit"]:visible').first().click();
          await page.waitForLoadState('networkidle');
        }
        expect.soft(await stored(page, context), `${path}: cookies and storage after sending`).toEqual([]);
      });
    }
    const values = [...Object.values(markers), markers.phone.replace(/\s/g, ''), 'Qzorblax', 'Qwibbleton', 'Qfrondle'];
    const inUrls = seen.urls.filter((url) =>
      values.some((value) => decodeURIComponent(url).includes(value) || url.includes(encodeURIComponent(value))),
    );
    expect(inUrls, 'answers in a request address').toEqual([]);
    expect(
      seen.consoleLines.filter((line) => values.some((value) => line.includes(value))),
      'answers in the console',
    ).toEqual([]);
    expect(seen.consoleLines, 'console output').toEqual([]);
    expect(seen.foreign, 'requests to other origins').toEqual([]);
  });

  test('the honeypot: not reachable by Tab, not in the accessibility tree, off-screen, and axe passes', async ({
    page,
  }) => {
    for (const path of FORM_PAGES) {
      await test.step(path, async () => {
        const response = await page.goto(path);
        if (!response || response.status() !== 200 || (await page.locator(`[name="${HONEYPOT_FIELD}"]`).count()) === 0)
          return;
        const trap = page.locator(`[name="${HONEYPOT_FIELD}"]`).first();
        await expect(trap).toHaveAttribute('tabindex', '-1');
        await expect(trap).toHaveAttribute('autocomplete', 'off');
        // Hidden from assistive technology: no role query finds it.
        await expect(page.getByRole('textbox', { name: HONEYPOT_LABEL })).toHaveCount(0);
        // Off-screen, not hidden: robots see an ordinary field.
        const box = await trap.boundingBox();
        expect(box && box.x + box.width <= 0, `${path}: off the left of the page (${JSON.stringify(box)})`).toBe(true);
        await expect(trap).not.toHaveAttribute('hidden', /.*/);
        // The keyboard never lands on it.
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        for (let i = 0; i < 80; i++) {
          await page.keyboard.press('Tab');
          const name = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');
          expect(name, `${path}: Tab ${i + 1} lands on the honeypot`).not.toBe(HONEYPOT_FIELD);
        }
        // axe reads a focused link's focus style (no underline, on yellow) as a link told apart by colour alone: blur first.
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        expect(describeViolations(await runAxe(page)), `${path}: axe`).toEqual([]);
      });
    }
  });
});
