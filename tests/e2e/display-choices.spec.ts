/**
 * "Change how this page looks" (issue 11, part 2), in every area. Without
 * JavaScript each choice is a link whose address carries it, and the choice
 * stays as the person moves between pages. With JavaScript a choice shows at
 * once, is said, is kept on the device only after it is made, shows before
 * the first paint of the next page, and can be undone. Every combination of
 * pictures off, biggest text and dark background passes axe and
 * HTML_CodeSniffer, and the biggest text reflows at 320 px and at 200% zoom.
 */
import type { Page } from '@playwright/test';
import { accessibilityProblems } from '../support/accessibility.ts';
import { expect, forEachPage, open, test } from '../support/fixtures.ts';
import { tabTo } from '../support/keyboard.ts';
import { sidewaysOverflow } from '../support/overflow.ts';

const STORAGE_KEY = 'dsr-display';

const panel = (page: Page) => page.locator('details.looks');
const option = (page: Page, group: string, name: string) =>
  panel(page).getByRole('group', { name: group }).getByRole('link', { name, exact: true });
const menuLink = (page: Page, index: number) =>
  page.getByRole('navigation', { name: 'Main menu' }).getByRole('link').nth(index);

async function openPanel(page: Page): Promise<void> {
  if (!(await panel(page).evaluate((details: HTMLDetailsElement) => details.open)))
    await panel(page).locator('summary').click();
  await expect(panel(page)).toHaveAttribute('open', '');
}

/** Open the choices if they are closed (a new page), then choose. */
async function choose(page: Page, group: string, name: string): Promise<void> {
  await openPanel(page);
  await option(page, group, name).click();
}

/** The islands have loaded (Astro removes `ssr` once an island has hydrated). */
async function hydrated(page: Page): Promise<void> {
  await expect(page.locator('astro-island')).not.toHaveCount(0);
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

const shownAs = (page: Page) => page.evaluate(() => ({ ...document.documentElement.dataset }));

/** Pictures in main a sighted person can see. */
const visiblePictures = (page: Page) =>
  page.evaluate(
    () => [...document.querySelectorAll('main img')].filter((img) => img.getClientRects().length > 0).length,
  );

const kept = (page: Page) => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);

test.describe('without JavaScript', () => {
  test.beforeEach(({ javaScriptEnabled }) => test.skip(javaScriptEnabled, 'the links without JavaScript'));

  test('each choice is a link; the choices stay as the person moves between pages and can be undone', async ({
    page,
  }) => {
    await open(page, '/');
    expect(await visiblePictures(page), 'pictures at the start').toBeGreaterThan(0);
    await openPanel(page);
    await option(page, 'Pictures', 'Off').click();
    await expect(page).toHaveURL(/\?pictures=off$/);
    expect(await shownAs(page)).toEqual({ pictures: 'off' });
    expect(await visiblePictures(page), 'pictures after Off').toBe(0);

    await openPanel(page);
    await expect(option(page, 'Pictures', 'Off')).toHaveAttribute('aria-current', 'true');
    await choose(page, 'Text size', 'Biggest');
    await choose(page, 'Background colour', 'Dark');
    await choose(page, 'Space between lines', 'More');
    const all = { pictures: 'off', text: 'biggest', spacing: 'more', background: 'dark' };
    expect(await shownAs(page)).toEqual(all);

    await menuLink(page, 1).click();
    expect(new URL(page.url()).pathname).not.toBe('/');
    expect(await shownAs(page), `after following the menu to ${page.url()}`).toEqual(all);
    const formAddresses = await page
      .locator('form[action^="/"]')
      .evaluateAll((forms) => forms.map((form) => form.getAttribute('action')));
    for (const action of formAddresses) expect(action).toContain('pictures=off');

    await open(page, `/refer?${new URLSearchParams(all)}`);
    await page
      .getByRole('button', { name: /continue|start/i })
      .first()
      .click();
    expect(await shownAs(page), `after sending a form step, at ${page.url()}`).toEqual(all);

    await openPanel(page);
    await panel(page).getByRole('link', { name: 'Go back to how it looked at the start' }).click();
    expect(await shownAs(page)).toEqual({});
    expect(new URL(page.url()).search).not.toMatch(/pictures|text|spacing|background/);
  });
});

test.describe('with JavaScript', () => {
  test.beforeEach(({ javaScriptEnabled }) => test.skip(!javaScriptEnabled, 'the island'));

  test('a choice made with the keyboard shows at once, is said, and is kept only once made', async ({ page }) => {
    await open(page, '/');
    await hydrated(page);
    expect(await kept(page), 'nothing kept before a choice').toBeNull();

    const summary = panel(page).locator('summary');
    await tabTo(page, summary);
    await page.keyboard.press('Enter');
    await expect(panel(page)).toHaveAttribute('open', '');
    const off = option(page, 'Pictures', 'Off');
    await tabTo(page, off);
    await page.keyboard.press('Enter');

    await expect(page.getByRole('status').filter({ hasText: 'Pictures: Off.' })).toBeVisible();
    await expect(off).toBeFocused();
    await expect(off).toHaveAttribute('aria-current', 'true');
    expect(new URL(page.url()).search, 'the address does not change').toBe('');
    expect(await shownAs(page)).toEqual({ pictures: 'off' });
    expect(await visiblePictures(page)).toBe(0);
    expect(JSON.parse((await kept(page)) ?? 'null')).toEqual({ pictures: 'off' });

    const biggest = option(page, 'Text size', 'Biggest');
    await tabTo(page, biggest);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toHaveText('Text size: Biggest.');
    expect(JSON.parse((await kept(page)) ?? 'null')).toEqual({ pictures: 'off', text: 'biggest' });
  });

  test('kept across pages and reloads, shown before the first paint, and reset', async ({ page }) => {
    // What <html> says when the first frame is drawn: a choice applied later would flash.
    await page.addInitScript(() => {
      requestAnimationFrame(() => {
        (window as unknown as { atFirstFrame: object }).atFirstFrame = { ...document.documentElement.dataset };
      });
    });
    const atFirstFrame = () => page.evaluate(() => (window as unknown as { atFirstFrame?: object }).atFirstFrame);

    await open(page, '/');
    await hydrated(page);
    await choose(page, 'Background colour', 'Dark');
    await choose(page, 'Space between lines', 'More');
    const chosen = { background: 'dark', spacing: 'more' };
    expect(await shownAs(page)).toEqual(chosen);

    await menuLink(page, 1).click();
    await page.waitForLoadState('load');
    await expect.poll(atFirstFrame, 'on the next page, at the first frame').toEqual(chosen);
    expect(new URL(page.url()).search, 'nothing in the address').toBe('');

    await page.reload();
    await expect.poll(atFirstFrame, 'after a reload, at the first frame').toEqual(chosen);
    await hydrated(page);
    await openPanel(page);
    await expect(option(page, 'Background colour', 'Dark')).toHaveAttribute('aria-current', 'true');

    await panel(page).getByRole('link', { name: 'Go back to how it looked at the start' }).click();
    await expect(page.getByRole('status')).toHaveText('The page looks as it did at the start.');
    expect(await shownAs(page)).toEqual({});
    expect(await kept(page), 'nothing kept after the reset').toBeNull();
    await page.reload();
    await expect.poll(atFirstFrame, 'after the reset and a reload').toEqual({});
  });
});

/** Pictures off, biggest text, dark background: each alone and together (2³ - 1 combinations). */
const COMBINATIONS = [1, 2, 3, 4, 5, 6, 7].map((bits) => ({
  ...(bits & 1 ? { pictures: 'off' } : {}),
  ...(bits & 2 ? { text: 'biggest' } : {}),
  ...(bits & 4 ? { background: 'dark' } : {}),
}));

test('axe and HTML_CodeSniffer find nothing in any combination, with the choices open', async ({
  page,
  pagePaths,
  javaScriptEnabled,
}) => {
  test.setTimeout(10 * 60_000);
  // With JavaScript off only the form differs (its questions are all on one page); the CSS is the same.
  const contentPage = pagePaths.find((path) => path !== '/' && !path.startsWith('/refer')) ?? '/';
  const paths = javaScriptEnabled ? ['/', contentPage, '/refer'] : ['/refer'];
  for (const combination of COMBINATIONS) {
    const query = new URLSearchParams(combination).toString();
    await forEachPage(
      paths.map((path) => `${path}?${query}`),
      async (address) => {
        await open(page, address);
        if (javaScriptEnabled) await hydrated(page);
        await openPanel(page);
        expect.soft(await accessibilityProblems(page, { javaScriptEnabled }), address).toEqual([]);
      },
    );
  }
});

test('the biggest text reflows at 320 px and at 200% zoom, with the choices open', async ({ page, pagePaths }) => {
  test.setTimeout(10 * 60_000);
  // 1280 px at 200% zoom lays out as 640 CSS pixels.
  for (const width of [320, 640]) {
    await page.setViewportSize({ width, height: 720 });
    await forEachPage(pagePaths, async (path) => {
      await open(page, `${path}?text=biggest&spacing=more`);
      await openPanel(page);
      expect
        .soft(await sidewaysOverflow(page), `${path} at ${width} px with the biggest text`)
        .toEqual({ scrollWidth: width, culprits: [] });
    });
  }
});
