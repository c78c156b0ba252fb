/**
 * Every error page helps: 404, 413 (the plain page the server sends before
 * reading a big body), 429, and 500 (the site's own page when a page fails
 * to render, and the plain one when even that fails) each show 999 and NHS
 * 111 option 2 as links to call, the area's crisis lines open now, and how
 * to contact the team. Rendering is made to fail with DSR_TEST_FAIL_RENDER,
 * which the server ignores when NODE_ENV=production.
 */
import type { Page } from '@playwright/test';
import { startAreaServer, type RunningServer } from '../support/server.ts';
import { expect, test } from '../support/fixtures.ts';

/** A Wednesday at 6pm in London: every South East London line is open. */
const SIX_PM = '2026-11-25T18:00:00Z';
const CONTACT: Record<string, { email: string; phone?: string }> = {
  'south-east-london': { email: 'SELDSRAdmin@selondonics.nhs.uk', phone: 'tel:+442081765565' },
  essex: { email: 'Essex.DSR@essex.gov.uk' },
};
const AREA_LINES: Record<string, string[]> = {
  'south-east-london': ['tel:+442032285980', 'tel:+448003308590', 'tel:+448007312864'],
  essex: [],
};

test.describe.configure({ timeout: 120_000, mode: 'serial' });
test.skip(({ javaScriptEnabled }) => javaScriptEnabled, 'server-rendered; checked without JavaScript');

/** What every error page must hold, in the page's main content (plain pages have only that). */
async function expectHelp(page: Page, areaId: string, what: string) {
  const main = page.locator('main');
  await expect(main.locator('a[href="tel:999"]').first(), `${what}: 999`).toBeVisible();
  await expect(main.locator('a[href="tel:999"]').first(), `${what}: 999 shows its number`).toContainText('999');
  await expect(main.locator('a[href="tel:111"]').first(), `${what}: 111`).toBeVisible();
  await expect(main, `${what}: option 2`).toContainText('option 2');
  for (const href of AREA_LINES[areaId]!) {
    await expect(main.locator(`a[href="${href}"]`).first(), `${what}: open area line ${href}`).toBeVisible();
  }
  const contact = CONTACT[areaId]!;
  await expect(main.locator(`a[href="mailto:${contact.email}"]`).first(), `${what}: team email`).toBeVisible();
  if (contact.phone)
    await expect(main.locator(`a[href="${contact.phone}"]`).first(), `${what}: team phone`).toBeVisible();
}

/** Shows a response's HTML in the browser, to check it as a person would see it. */
async function show(page: Page, origin: string, html: string) {
  await page.route(`${origin}/shown`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(`${origin}/shown`);
}

test.describe('when pages fail to render', () => {
  let server: RunningServer;
  test.beforeAll(async ({ area }) => {
    server = await startAreaServer(area.id, {
      env: { DSR_FAKE_NOW: SIX_PM, DSR_TEST_FAIL_RENDER: 'pages', RATE_LIMIT_POSTS: '1' },
    });
  });
  test.afterAll(async () => server?.stop());

  test('404: the page is not found', async ({ page, area }) => {
    const response = await page.goto(`${server.origin}/no-such-page`);
    expect(response!.status()).toBe(404);
    await expect(page.locator('h1')).toHaveText('Page not found');
    await expectHelp(page, area.id, '404');
  });

  test('500: a page failed to render; the site shows its own error page', async ({ page, area }) => {
    const response = await page.goto(`${server.origin}/what-is-the-dsr`);
    expect(response!.status()).toBe(500);
    await expect(page.locator('h1')).toHaveText('Something went wrong');
    await expect(page.getByRole('complementary', { name: 'Need help now?' })).toBeVisible();
    await expectHelp(page, area.id, '500');
  });

  test('429: too many forms from one connection', async ({ page, area }) => {
    const post = () =>
      page.request.post(`${server.origin}/ask-for-a-call`, {
        headers: { origin: server.origin },
        form: { name: '' },
        maxRedirects: 0,
      });
    await post();
    const response = await post();
    expect(response.status()).toBe(429);
    await show(page, server.origin, await response.text());
    await expect(page.locator('h1')).toHaveText('Wait a few minutes');
    await expectHelp(page, area.id, '429');
  });

  test('413: what was sent is too big, answered before it is read', async ({ page, area }) => {
    const response = await page.request.post(`${server.origin}/refer`, {
      headers: { origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' },
      data: `name=${'x'.repeat(70 * 1024)}`,
    });
    expect(response.status()).toBe(413);
    await show(page, server.origin, await response.text());
    await expect(page.locator('h1')).toHaveText('Too much to send');
    await expectHelp(page, area.id, '413');
  });
});

test.describe('when even the error page fails', () => {
  let server: RunningServer;
  test.beforeAll(async ({ area }) => {
    server = await startAreaServer(area.id, { env: { DSR_FAKE_NOW: SIX_PM, DSR_TEST_FAIL_RENDER: 'everything' } });
  });
  test.afterAll(async () => server?.stop());

  test('500: the plain page still gives the lines to call and the team', async ({ page, area }) => {
    const response = await page.goto(`${server.origin}/consent`);
    expect(response!.status()).toBe(500);
    await expect(page.locator('h1')).toHaveText('Something went wrong');
    await expectHelp(page, area.id, 'plain 500');
  });
});

test('the switch that breaks rendering is ignored in production', async ({ page, area }) => {
  const server = await startAreaServer(area.id, {
    env: {
      DSR_TEST_FAIL_RENDER: 'everything',
      NODE_ENV: 'production',
      SPOOL_KEY: Buffer.alloc(32, 7).toString('base64'),
    },
  });
  try {
    const response = await page.goto(`${server.origin}/consent`);
    expect(response!.status()).toBe(200);
  } finally {
    await server.stop();
  }
});
