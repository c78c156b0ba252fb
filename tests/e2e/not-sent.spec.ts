/**
 * When the queue cannot take a message (here: its database cannot be
 * reached), the person is told plainly that nothing was sent, keeps their
 * answers, and gets the phone route and the crisis lines: with JavaScript on
 * and off, and with no accessibility faults in that state.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../support/areas.ts';
import { accessibilityProblems } from '../support/accessibility.ts';
import { expect, test as base } from '../support/fixtures.ts';
import { freePort, startAreaServer } from '../support/server.ts';

const FORM = '/ask-for-a-call';

const offersCallback = (area: string): boolean =>
  (
    parse(readFileSync(path.join(ROOT, 'content/areas', area, 'area.yaml'), 'utf8')) as {
      join: { phone?: { callback?: boolean } };
    }
  ).join.phone?.callback === true;

const test = base.extend<object, { refusing: string }>({
  refusing: [
    async ({ area }, use) => {
      // A database nobody answers on: the server starts, and every post is refused.
      const queueUrl = `postgres://portal@127.0.0.1:${await freePort()}/dsr`;
      const server = await startAreaServer(area.id, { env: { QUEUE_URL: queueUrl } });
      await use(server.origin);
      await server.stop();
    },
    { scope: 'worker' },
  ],
});

test('the queue refuses: not sent, answers kept, the phone route and crisis lines', async ({
  page,
  area,
  refusing,
  javaScriptEnabled,
}) => {
  test.skip(!offersCallback(area.id), 'this area has no callback form');
  await page.goto(refusing + FORM);
  const help = page.getByRole('region', { name: 'We could not send your answers' });
  await expect(help).toBeHidden();
  await page.getByLabel('Your name').fill('Ada Lovelace');
  await page.getByLabel('Your phone number').fill('07700 900 985');
  await page
    .getByRole('group', { name: 'If you do not answer, can we leave a voicemail message?' })
    .getByLabel('No', { exact: true })
    .check();
  await page.getByRole('group', { name: 'When is the best time for us to call?' }).getByLabel('In the morning').check();
  await page.getByRole('group', { name: 'Who is the call about?' }).getByLabel('Me', { exact: true }).check();
  const reply = page.waitForResponse((r) => r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Send request' }).click();
  expect((await reply).status()).toBe(503);

  await expect(page.locator('[data-error-summary]')).toContainText('Your answers have not been sent');
  await expect(page.locator('[data-error-summary]')).toBeFocused();
  await expect(help).toBeVisible();
  await expect(help).toContainText('Nothing was sent. Your answers are still in the form.');
  await expect(help.getByRole('link', { name: /^\d/ }).first()).toHaveAttribute('href', /^tel:\+44/);
  await expect(help.getByRole('link', { name: 'call 999' })).toBeVisible();
  await expect(help.getByRole('link', { name: 'See all crisis lines and when they are open' })).toBeVisible();
  await expect(page.getByLabel('Your name')).toHaveValue('Ada Lovelace');
  expect(
    await accessibilityProblems(page, { javaScriptEnabled }),
    'axe and HTML_CodeSniffer on the not-sent state',
  ).toEqual([]);
});
