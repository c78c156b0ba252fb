/**
 * Every page in the served area's sitemap, in every project (each area with
 * JavaScript on and off). Each test walks all pages and reports every page
 * that fails, not just the first.
 */
import http from 'node:http';
import zlib from 'node:zlib';
import type { Page } from '@playwright/test';
import { FORM_PAGES, REQUIRED_SLUGS } from '../support/areas.ts';
import { describeViolations, runAxe } from '../support/axe.ts';
import { expect, forEachPage, open, test } from '../support/fixtures.ts';
import { islandsOf, isReadingHelpInline, withoutIslands } from '../support/islands.ts';
import { sidewaysOverflow } from '../support/overflow.ts';
import { slugOf } from '../support/sitemap.ts';

const CRISIS_REGION = 'Need help now?';
const MAIN_MENU = 'nav[aria-label="Main menu"]';
/** A `tel:` link dials a UK number in E.164, or one of these short numbers. */
const TEL_HREF = /^tel:(\+44[1-9]\d{6,9}|999|111|116123)$/;

test('the sitemap lists the home page and every required page', async ({ pagePaths }) => {
  const slugs = pagePaths.map(slugOf);
  expect(slugs).toContain('');
  expect(
    REQUIRED_SLUGS.filter((slug) => !slugs.includes(slug)),
    'required pages missing from the sitemap',
  ).toEqual([]);
});

test('every page has one h1, the language, the title and the landmarks', async ({ page, pagePaths, area }) => {
  await forEachPage(pagePaths, async (path) => {
    await open(page, path);
    expect.soft(await page.locator('h1').count(), `${path}: number of h1 elements`).toBe(1);
    expect.soft(await page.locator('html').getAttribute('lang'), `${path}: <html lang>`).toBe('en-GB');
    const title = await page.title();
    expect.soft(title.endsWith(area.siteName), `${path}: title "${title}" ends with "${area.siteName}"`).toBe(true);
    expect
      .soft(title.length, `${path}: title has its own words before the site name`)
      .toBeGreaterThan(area.siteName.length);

    const crisis = page.getByRole('complementary', { name: CRISIS_REGION, exact: true });
    expect.soft(await crisis.count(), `${path}: one "${CRISIS_REGION}" region (aside labelled by its heading)`).toBe(1);
    expect
      .soft(await crisis.locator('h2').first().textContent(), `${path}: the crisis region's h2`)
      .toBe(CRISIS_REGION);
    // 999 and NHS 111 option 2 are always the first two, visible; Samaritans and Shout are on /crisis.
    for (const href of ['tel:999', 'tel:111']) {
      await expect
        .soft(crisis.locator(`a[href="${href}"]`).first(), `${path}: crisis region links ${href}`)
        .toBeVisible();
    }
    expect
      .soft(await crisis.locator('a[href^="tel:"]').first().getAttribute('href'), `${path}: the first line to call`)
      .toBe('tel:999');
    await expect
      .soft(crisis, `${path}: the bar says the DSR is not a crisis service`)
      .toContainText('The DSR is not a crisis service.');
    expect.soft(await crisis.locator('a[href="/crisis"]').count(), `${path}: crisis region links /crisis`).toBe(1);

    expect.soft(await page.locator(MAIN_MENU).count(), `${path}: one main menu`).toBe(1);
    expect
      .soft(await page.locator('nav[aria-label="Main menu"] a[href]').count(), `${path}: menu links`)
      .toBeGreaterThan(1);
    expect.soft(await page.locator('main').count(), `${path}: one <main>`).toBe(1);
    expect.soft(await page.locator('main#main').count(), `${path}: <main id="main">`).toBe(1);
    expect.soft(await page.getByRole('contentinfo').count(), `${path}: one footer`).toBe(1);
  });
});

test('axe finds no WCAG 2.2 A or AA violations', async ({ page, pagePaths, javaScriptEnabled }) => {
  // Without JavaScript each page is checked in a copy (checkable-page.ts): slower than the other walks.
  test.setTimeout(10 * 60_000);
  await forEachPage(pagePaths, async (path) => {
    await open(page, path);
    const violations = await runAxe(page, { javaScriptEnabled });
    expect.soft(describeViolations(violations), `axe violations on ${path}`).toEqual([]);
  });
});

test('keyboard: Tab reaches the skip link, then the crisis links, then the main menu', async ({ page, pagePaths }) => {
  await forEachPage(pagePaths, async (path) => {
    await open(page, path);
    const targets = await page.evaluate(
      ({ crisisName, menu }) => {
        const ids = new Map([...document.querySelectorAll('*')].map((el, index) => [el, index]));
        const crisis = [...document.querySelectorAll('aside')].find(
          (aside) =>
            document.getElementById(aside.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() === crisisName,
        );
        const key = (el: Element) => ids.get(el) ?? -1;
        // Links inside the closed "More crisis lines" are one tap away: the summary is the tab stop.
        const tabStops = (root: Element) =>
          [...root.querySelectorAll('a[href], summary')].filter((el) => el.checkVisibility());
        return {
          crisis: crisis ? tabStops(crisis).map(key) : [],
          menu: [...(document.querySelector(menu)?.querySelectorAll('a[href]') ?? [])].map(key),
        };
      },
      { crisisName: CRISIS_REGION, menu: MAIN_MENU },
    );
    expect(targets.crisis.length, `${path}: crisis region links`).toBeGreaterThan(0);
    expect(targets.menu.length, `${path}: main menu links`).toBeGreaterThan(0);

    // The skip link, the site name, the crisis links, the menu, and a little slack.
    const limit = 1 + 1 + targets.crisis.length + targets.menu.length + 2;
    const reachedAt = new Map<number, number>();
    for (let press = 1; press <= limit; press++) {
      await page.keyboard.press('Tab');
      const focused = await focusedElement(page);
      if (press === 1) {
        expect.soft(focused.text, `${path}: the first Tab reaches the skip link`).toBe('Skip to main content');
        expect.soft(focused.href, `${path}: the skip link's target`).toBe('#main');
      }
      const box = focused.box;
      const visible =
        box !== null &&
        box.width > 0 &&
        box.height > 0 &&
        box.x >= -0.5 &&
        box.y >= -0.5 &&
        box.x + box.width <= focused.viewport.width + 0.5 &&
        box.y + box.height <= focused.viewport.height + 0.5;
      expect
        .soft(
          visible,
          `${path}: Tab ${press} focuses ${focused.description}, which must be visible in the viewport (box ${JSON.stringify(box)})`,
        )
        .toBe(true);
      if (!reachedAt.has(focused.key)) reachedAt.set(focused.key, press);
      if (targets.menu.every((key) => reachedAt.has(key))) break;
    }
    const missed = (keys: number[]) => keys.filter((key) => !reachedAt.has(key)).length;
    expect.soft(missed(targets.crisis), `${path}: crisis links not reached within ${limit} Tabs`).toBe(0);
    expect.soft(missed(targets.menu), `${path}: menu links not reached within ${limit} Tabs`).toBe(0);
    const lastCrisis = Math.max(...targets.crisis.map((key) => reachedAt.get(key) ?? Infinity));
    const firstMenu = Math.min(...targets.menu.map((key) => reachedAt.get(key) ?? Infinity));
    expect.soft(lastCrisis < firstMenu, `${path}: every crisis link comes before the menu in Tab order`).toBe(true);
  });
});

test('keyboard: Enter on the skip link moves focus to main', async ({ page, pagePaths }) => {
  await forEachPage(pagePaths, async (path) => {
    await open(page, path);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to main content', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect.soft(page.locator('main#main'), `${path}: focus after Enter on the skip link`).toBeFocused();
  });
});

test('nothing scrolls sideways at 320 px wide', async ({ page, pagePaths }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await forEachPage(pagePaths, async (path) => {
    await open(page, path);
    const overflow = await sidewaysOverflow(page);
    expect
      .soft(overflow, `${path} at 320 px: scrollWidth and what sticks out`)
      .toEqual({ scrollWidth: 320, culprits: [] });
  });
});

test('nothing scrolls sideways with text at 200%', async ({ page, pagePaths }) => {
  for (const width of [1280, 640]) {
    await page.setViewportSize({ width, height: 720 });
    await forEachPage(pagePaths, async (path) => {
      await open(page, path);
      await page.evaluate(() => {
        document.documentElement.style.fontSize = '200%';
      });
      const overflow = await sidewaysOverflow(page);
      expect
        .soft(overflow, `${path} at ${width} px with 200% text: scrollWidth and what sticks out`)
        .toEqual({ scrollWidth: width, culprits: [] });
    });
  }
});

test('pages load nothing from other origins', async ({ page, pagePaths, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await forEachPage(pagePaths, async (path) => {
    requested.length = 0;
    await open(page, path, 'networkidle');
    // Lazy pictures load when seen: scroll to the end and wait for the network again.
    await page.keyboard.press('End');
    await page.waitForLoadState('networkidle');
    const foreign = requested.filter((url) => isForeign(url, origin));
    expect.soft(foreign, `${path}: requests to other origins`).toEqual([]);
    const referenced = (await resourceUrls(page)).filter((url) => isForeign(url, origin));
    expect.soft(referenced, `${path}: resources referenced from other origins`).toEqual([]);
  });
});

test('content pages load no JavaScript but the reading-help islands', async ({
  page,
  pagePaths,
  javaScriptEnabled,
}) => {
  test.skip(!javaScriptEnabled, 'only meaningful with JavaScript on');
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  const contentPages = pagePaths.filter((path) => !FORM_PAGES.includes(path));
  await forEachPage(contentPages, async (path) => {
    scripts.length = 0;
    const response = await open(page, path, 'networkidle');
    const islandModules = new Set((await islandsOf(page)).flatMap((island) => [...island.modules.keys()]));
    expect
      .soft(
        scripts.filter((url) => !islandModules.has(url)),
        `${path}: script requests`,
      )
      .toEqual([]);
    const html = await response.text();
    const scriptTags = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)]
      .filter(([, text]) => !isReadingHelpInline(text ?? ''))
      .map((match) => match[0].slice(0, 80))
      .filter((tag) => !/\btype\s*=\s*["']?application\/(ld\+)?json/i.test(tag));
    expect.soft(scriptTags, `${path}: <script> elements in the HTML`).toEqual([]);
    const inline = await page.evaluate(() =>
      [...document.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes]
          .filter(
            (attr) =>
              /^on/i.test(attr.name) ||
              (/^(href|src|action|formaction)$/i.test(attr.name) && /^\s*javascript:/i.test(attr.value)),
          )
          .map((attr) => `<${el.localName} ${attr.name}="${attr.value.slice(0, 60)}">`),
      ),
    );
    expect.soft(inline, `${path}: inline event handlers or javascript: URLs`).toEqual([]);
  });
});

test('phone links dial E.164 or short numbers, and show the number they dial', async ({ page, pagePaths }) => {
  await forEachPage(pagePaths, async (path) => {
    await open(page, path);
    const links = await page.evaluate((crisisName) => {
      const crisis = [...document.querySelectorAll('aside')].find(
        (aside) =>
          document.getElementById(aside.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() === crisisName,
      );
      return [...document.querySelectorAll('a[href^="tel:" i], a[href^="sms:" i]')].map((a) => ({
        href: a.getAttribute('href') ?? '',
        // A link inside the closed "More crisis lines" has no rendered text yet: read its words.
        text: ((a as HTMLElement).innerText || a.textContent || '').replace(/\s+/g, ' ').trim(),
        inCrisisRegion: Boolean(crisis?.contains(a)),
      }));
    }, CRISIS_REGION);

    const badTel = links
      .filter((link) => /^tel:/i.test(link.href) && !TEL_HREF.test(link.href))
      .map((link) => link.href);
    expect.soft(badTel, `${path}: tel: links that are neither E.164 (+44…) nor 999, 111 or 116123`).toEqual([]);

    const mismatched = links
      .filter((link) => link.inCrisisRegion)
      .map((link) => ({ ...link, problem: numberProblem(link.href, link.text) }))
      .filter((link) => link.problem);
    expect
      .soft(mismatched, `${path}: crisis region links whose visible number differs from what they dial`)
      .toEqual([]);

    // Anywhere else, a link that shows a full phone number must dial that number.
    const elsewhere = links
      .filter((link) => !link.inCrisisRegion && /^tel:/i.test(link.href) && /\d[\d ]{5,}\d/.test(link.text))
      .map((link) => ({ ...link, problem: numberProblem(link.href, link.text) }))
      .filter((link) => link.problem);
    expect.soft(elsewhere, `${path}: phone links whose visible number differs from what they dial`).toEqual([]);
  });
});

test('the crisis page says whether each line is open now', async ({ page, pagePaths }) => {
  expect(pagePaths, 'the sitemap lists /crisis').toContain('/crisis');
  await open(page, '/crisis');
  const { lines, barLinks } = await page.evaluate((crisisName) => {
    const crisis = [...document.querySelectorAll('aside')].find(
      (aside) =>
        document.getElementById(aside.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() === crisisName,
    );
    const main = document.querySelector('main');
    const phoneLinks = 'a[href^="tel:" i], a[href^="sms:" i]';
    // A line is an outermost list item in main holding a phone or text link.
    const items = [...(main?.querySelectorAll('li') ?? [])].filter(
      (li) => li.querySelector(phoneLinks) && !li.parentElement?.closest('li')?.querySelector(phoneLinks),
    );
    return {
      lines: items.map((li) => {
        const texts = [...li.querySelectorAll('*')]
          .map((el) => (el as HTMLElement).innerText?.replace(/\s+/g, ' ').trim() ?? '')
          .filter(Boolean);
        return {
          name: li.querySelector('h2, h3, h4')?.textContent?.trim() ?? li.innerText.slice(0, 60),
          hrefs: [...li.querySelectorAll(phoneLinks)].map((a) => a.getAttribute('href') ?? ''),
          status: texts.find((text) => /^(Open now|Closed now)\b/.test(text)) ?? null,
        };
      }),
      barLinks: [...(crisis?.querySelectorAll(phoneLinks) ?? [])].map((a) => a.getAttribute('href') ?? ''),
    };
  }, CRISIS_REGION);

  expect(lines.length, 'crisis lines listed on /crisis').toBeGreaterThanOrEqual(barLinks.length);
  expect
    .soft(
      lines.filter((line) => line.status === null).map((line) => line.name),
      'lines with no "Open now" or "Closed now" text',
    )
    .toEqual([]);
  const listed = lines.flatMap((line) => line.hrefs);
  expect
    .soft(
      barLinks.filter((href) => !listed.includes(href)),
      '"Need help now?" lines missing from /crisis',
    )
    .toEqual([]);
});

test('header, crisis, menu and footer targets are at least 44 px', async ({ page, pagePaths }) => {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 720 });
    await forEachPage(pagePaths, async (path) => {
      await open(page, path);
      const small = await page.evaluate(
        ({ crisisName, menu }) => {
          const crisis = [...document.querySelectorAll('aside')].find(
            (aside) =>
              document.getElementById(aside.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() === crisisName,
          );
          const regions: [string, Element | null | undefined][] = [
            [
              'header',
              [...document.querySelectorAll('header')].find((el) => !el.closest('main, article, section, aside')),
            ],
            ['crisis region', crisis],
            ['main menu', document.querySelector(menu)],
            [
              'footer',
              [...document.querySelectorAll('footer')].find((el) => !el.closest('main, article, section, aside')),
            ],
          ];
          const problems: string[] = [];
          for (const [region, root] of regions) {
            if (!root) {
              problems.push(`no ${region}`);
              continue;
            }
            for (const target of root.querySelectorAll('a[href], button, input, select, textarea, summary')) {
              const rect = target.getBoundingClientRect();
              // Not rendered, or inside a closed <details> ("More crisis lines"): not a target until opened.
              if ((rect.width === 0 && rect.height === 0) || !target.checkVisibility()) continue;
              const text = (target as HTMLElement).innerText.replace(/\s+/g, ' ').trim();
              // The inline exception (WCAG 2.5.5): a link inside a sentence.
              let block = target.parentElement;
              while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
              const sentence = block?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
              const inline = getComputedStyle(target).display === 'inline' && sentence.length > text.length;
              const needsHeight = region !== 'header' || !inline;
              const tooShort = needsHeight && rect.height < 44;
              const tooNarrow = !inline && rect.width < 44;
              if (tooShort || tooNarrow) {
                problems.push(
                  `${region}: "${text.slice(0, 50)}" is ${rect.width.toFixed(1)}×${rect.height.toFixed(1)} px`,
                );
              }
            }
          }
          return problems;
        },
        { crisisName: CRISIS_REGION, menu: MAIN_MENU },
      );
      expect.soft(small, `${path} at ${width} px: targets under 44×44 px`).toEqual([]);
    });
  }
});

interface Focused {
  key: number;
  description: string;
  text: string;
  href: string | null;
  box: { x: number; y: number; width: number; height: number } | null;
  viewport: { width: number; height: number };
}

/** What has focus now, where it is, and a key that names it within this page load. */
async function focusedElement(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement;
    const all = [...document.querySelectorAll('*')];
    const viewport = { width: window.innerWidth, height: window.innerHeight };
    if (!el || el === document.body) {
      return { key: -1, description: 'nothing (body)', text: '', href: null, box: null, viewport };
    }
    const rect = el.getBoundingClientRect();
    const text = ((el as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim();
    return {
      key: all.indexOf(el),
      description: `<${el.localName}${el.id ? `#${el.id}` : ''}> "${text.slice(0, 50)}"`,
      text,
      href: el.getAttribute('href'),
      box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
      viewport,
    };
  });
}

/** Every URL the page's markup and styles would load. */
async function resourceUrls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const urls: string[] = [];
    const add = (value: string | null) => {
      if (value) urls.push(new URL(value, document.baseURI).href);
    };
    const addSrcset = (value: string | null) => {
      for (const part of (value ?? '').split(',')) add(part.trim().split(/\s+/)[0] ?? null);
    };
    document.querySelectorAll('[src]').forEach((el) => add(el.getAttribute('src')));
    document.querySelectorAll('[srcset]').forEach((el) => addSrcset(el.getAttribute('srcset')));
    document.querySelectorAll('video[poster]').forEach((el) => add(el.getAttribute('poster')));
    document.querySelectorAll('object[data]').forEach((el) => add(el.getAttribute('data')));
    document.querySelectorAll('form[action]').forEach((el) => add(el.getAttribute('action')));
    document.querySelectorAll('link[href]').forEach((el) => {
      if (!/\b(canonical|alternate)\b/i.test(el.getAttribute('rel') ?? '')) add(el.getAttribute('href'));
    });
    const css = [...document.querySelectorAll('style')].map((style) => style.textContent ?? '');
    document.querySelectorAll('[style]').forEach((el) => css.push(el.getAttribute('style') ?? ''));
    for (const text of css) {
      for (const match of text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]/g)) {
        add(match[1] ?? match[2] ?? null);
      }
    }
    return urls;
  });
}

function isForeign(url: string, origin: string): boolean {
  const { protocol } = new URL(url);
  if (['data:', 'blob:', 'about:'].includes(protocol)) return false;
  return new URL(url).origin !== origin;
}

/** What is wrong with a link whose text shows a number, or null when the text shows what the link dials. */
function numberProblem(href: string, text: string): string | null {
  const tel = /^tel:(.+)$/i.exec(href);
  if (tel) {
    const shown = /\b(?:call|phone|ring)\s+(\+?\d[\d ]*\d|\d)/i.exec(text) ?? /(\+?\d[\d ]{5,}\d)/.exec(text);
    if (!shown?.[1]) return 'the link text shows no number to call';
    const digits = shown[1].replace(/\D/g, '');
    const dialled = digits.startsWith('0') ? `+44${digits.slice(1)}` : shown[1].startsWith('+') ? `+${digits}` : digits;
    return dialled === tel[1] ? null : `shows ${shown[1]} (dials as ${dialled}) but the link dials ${tel[1]}`;
  }
  const sms = /^sms:([^?]+)(?:\?(.*))?$/i.exec(href);
  if (sms) {
    const shown = /\bto\s+(\d[\d ]*\d)/i.exec(text);
    if (!shown?.[1]) return 'the link text shows no number to text';
    if (shown[1].replace(/\D/g, '') !== sms[1]) return `shows ${shown[1]} but the link texts ${sms[1]}`;
    const word = /\btext\s+(\S+)\s+to\b/i.exec(text)?.[1];
    const body = new URLSearchParams(sms[2] ?? '').get('body');
    if (word && body !== null && body !== word) return `says to text ${word} but the message says ${body}`;
    return null;
  }
  return `not a phone link: ${href}`;
}

/** Bytes of a response as sent over the wire, compressed as a browser would ask. */
const brotliSize = (html: string) =>
  zlib.brotliCompressSync(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 7 } }).length;

function compressedSize(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve(bytes));
      })
      .on('error', reject);
  });
}

test('each page fits one round trip (HTML and CSS at most 14 KB compressed, without the islands) and its pictures 30 KB more', async ({
  page,
  pagePaths,
  javaScriptEnabled,
}) => {
  test.skip(!javaScriptEnabled, 'sizes do not depend on JavaScript; measured once per area');
  await forEachPage(pagePaths, async (path) => {
    const response = await open(page, path);
    // Without the islands' scripts, as src/server.ts compresses a page it makes for each request (quality 7).
    const html = brotliSize(withoutIslands(await response.text()));
    expect.soft(html, `${path}: HTML with its inline CSS, compressed bytes`).toBeLessThanOrEqual(14 * 1024);
    const pictures = await page
      .locator('img')
      .evaluateAll((imgs) => [...new Set(imgs.map((img) => (img as HTMLImageElement).src))]);
    let pictureBytes = 0;
    for (const src of pictures) pictureBytes += await compressedSize(src);
    expect.soft(pictureBytes, `${path}: pictures, compressed bytes`).toBeLessThanOrEqual(30 * 1024);
  });
});
