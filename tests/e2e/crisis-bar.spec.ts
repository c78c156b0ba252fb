/**
 * The crisis bar ("Need help now?") at set times, on a phone's first
 * screen, and on paper. Expected words are written out here, from the area
 * pages' hours, not worked out by the code under test.
 */
import type { Locator, Page } from '@playwright/test';
import { startAreaServer, type RunningServer } from '../support/server.ts';
import { expect, forEachPage, open, test } from '../support/fixtures.ts';

const BAR = 'Need help now?';

const bar = (page: Page): Locator => page.getByRole('complementary', { name: BAR, exact: true });

/** The text of each line in the bar, in order, after opening "More crisis lines". */
async function barLines(page: Page): Promise<string[]> {
  const more = bar(page).locator('summary');
  if ((await more.count()) > 0) await more.click();
  return bar(page)
    .locator('.crisis-help__screen li')
    .evaluateAll((items) => items.map((li) => (li as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
}

const ALWAYS = 'Open now, day and night.';
const EMERGENCY = `Call 999 For anyone whose life is at risk now. ${ALWAYS}`;
const NHS_111 = `Call 111 Then choose option 2. For people of any age in a mental health crisis. ${ALWAYS}`;
const OXLEAS = `Oxleas Crisis Line For adults in Bexley, Bromley and Greenwich. ${ALWAYS} Call 0800 330 8590`;
const SLAM = `South London and Maudsley Crisis Support For adults in Lambeth, Lewisham and Southwark. ${ALWAYS} Call 0800 731 2864, choose option 1`;
const camhsOpen = (until: string) =>
  `CAMHS Crisis Line for Children For children. Open now until ${until}. Call 020 3228 5980`;
const camhsClosed = (opens: string) =>
  `CAMHS Crisis Line for Children For children. Closed now. Opens ${opens}. Until then, call 111, choose option 2. Its own number is 020 3228 5980.`;

/** London times: a Wednesday in November (GMT), a Saturday, and the August bank holiday Monday (BST). */
const TIMES = [
  { name: 'a weekday at 2pm', now: '2026-11-25T14:00:00Z', camhs: camhsClosed('today at 5pm'), camhsOpen: false },
  { name: 'a weekday at 6pm', now: '2026-11-25T18:00:00Z', camhs: camhsOpen('11pm'), camhsOpen: true },
  { name: 'a Saturday at 8:30am', now: '2026-11-28T08:30:00Z', camhs: camhsClosed('today at 9am'), camhsOpen: false },
  { name: 'a bank holiday at 10am', now: '2026-08-31T09:00:00Z', camhs: camhsOpen('11pm'), camhsOpen: true },
  {
    name: 'a weekday at 11:30pm',
    now: '2026-11-25T23:30:00Z',
    camhs: camhsClosed('tomorrow at 5pm'),
    camhsOpen: false,
  },
];

test.describe('the bar at set times', () => {
  test.describe.configure({ timeout: 120_000 });
  // The bar is rendered on the server: once per area is enough.
  test.skip(({ javaScriptEnabled }) => javaScriptEnabled, 'server-rendered; checked without JavaScript');

  for (const time of TIMES) {
    test(`every line says who it is for and whether it is open, on ${time.name}`, async ({ page, area }) => {
      let server: RunningServer | undefined;
      try {
        server = await startAreaServer(area.id, { env: { DSR_FAKE_NOW: time.now } });
        await page.goto(`${server.origin}/`);
        const lines = await barLines(page);
        if (area.id === 'south-east-london') {
          // Open lines first: a closed line is never the first to call.
          const local = time.camhsOpen ? [time.camhs, OXLEAS, SLAM] : [OXLEAS, SLAM, time.camhs];
          expect(lines).toEqual([EMERGENCY, NHS_111, ...local]);
          const camhs = bar(page).locator('li', { hasText: 'CAMHS Crisis Line for Children' });
          if (!time.camhsOpen) {
            // Closed: its number is not a link; NHS 111 option 2 is offered for the same children.
            await expect(camhs.locator('a[href="tel:+442032285980"]')).toHaveCount(0);
            await expect(camhs.locator('a[href="tel:111"]')).toBeVisible();
          } else {
            await expect(camhs.locator('a[href="tel:+442032285980"]')).toBeVisible();
          }
          await expect(bar(page).locator('summary')).toHaveText(
            `More crisis lines: ${time.camhsOpen ? 3 : 2} of 3 open now`,
          );
        } else {
          expect(lines).toEqual([EMERGENCY, NHS_111]);
        }
        expect(await bar(page).locator('a[href^="tel:"]').first().getAttribute('href')).toBe('tel:999');
      } finally {
        await server?.stop();
      }
    });
  }
});

test('on a 390 x 844 phone the main heading starts in the first screen, with 999 and 111 option 2', async ({
  page,
  pagePaths,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await forEachPage(pagePaths, async (path) => {
    await open(page, path);
    const h1 = await page.locator('h1').boundingBox();
    expect.soft(h1, `${path}: h1`).not.toBeNull();
    expect.soft(h1!.y, `${path}: the top of the main heading`).toBeLessThan(844);
    for (const href of ['tel:999', 'tel:111']) {
      const link = await bar(page).locator(`a[href="${href}"]`).first().boundingBox();
      expect.soft(link!.y + link!.height, `${path}: the bottom of ${href}`).toBeLessThanOrEqual(844);
    }
  });
});

test('screen readers hear the bar as one short landmark with a heading', async ({ page }) => {
  await open(page, '/');
  await expect(page.getByRole('complementary')).toHaveCount(1);
  await expect(bar(page).getByRole('heading', { level: 2, name: BAR })).toBeVisible();
  // Short: the two urgent lines, the "More crisis lines" button and the link to all lines (besides hard-word links).
  const stops = await bar(page)
    .locator('a[href]:not(.hard-word), summary')
    .evaluateAll((els) => els.filter((el) => el.checkVisibility()).length);
  expect(stops).toBeLessThanOrEqual(4);
});

test('on paper the bar shows each line with its hours, not whether it is open now', async ({ page, area }) => {
  await open(page, '/');
  await page.emulateMedia({ media: 'print' });
  const printed = await bar(page).evaluate((el) => (el as HTMLElement).innerText);
  expect(printed).not.toContain('Open now');
  expect(printed).not.toContain('Closed now');
  expect(printed).toContain(
    'Emergency services: call 999. For anyone whose life is at risk now. Open every day, day and night.',
  );
  expect(printed).toContain('NHS 111 for a mental health crisis: call 111, choose option 2.');
  if (area.id === 'south-east-london') {
    expect(printed).toContain(
      'CAMHS Crisis Line for Children: call 020 3228 5980. For children. Monday to Friday: 5pm to 11pm. Saturday and Sunday: 9am to 11pm. Bank holidays: 9am to 11pm.',
    );
  }
});
