/**
 * The enhancement JavaScript of each form page: at most 10 KB compressed in
 * total, counting every script the page loads (its own chunk and the chunks
 * it shares with other pages) and any inline script, but for the reading-help
 * islands, which have their own budget below: at most 8 KB each, Preact
 * included, loaded only once the page is idle, and moving nothing when they
 * load. "Compressed" here is
 * brotli at its best quality (11), how content-hashed files are compressed
 * once and kept (as a CDN or a build step would); the test also notes the
 * gzip sizes. Nor may any chunk hold a Node built-in the bundler stubbed out
 * (src/forms/kit/ code that is server-only).
 */
import zlib from 'node:zlib';
import { FORM_PAGES } from '../support/areas.ts';
import { expect, open, test } from '../support/fixtures.ts';
import { islandsOf, isReadingHelpInline } from '../support/islands.ts';

const BUDGET = 10 * 1024;

const brotli = (body: Buffer) =>
  zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gzip = (body: Buffer) => zlib.gzipSync(body, { level: 9 }).length;

for (const path of FORM_PAGES) {
  test(`${path}: its enhancement JavaScript is at most 10 KB with brotli, and holds nothing server-only`, async ({
    page,
    javaScriptEnabled,
  }) => {
    test.skip(!javaScriptEnabled, 'only meaningful with JavaScript on');
    const scripts = new Map<string, Promise<Buffer>>();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.set(response.url(), response.body());
    });
    await open(page, path, 'networkidle');
    const inline = (
      await page.evaluate(() =>
        [...document.querySelectorAll('script:not([src])')]
          .filter((script) => !/json/.test(script.getAttribute('type') ?? ''))
          .map((script) => script.textContent ?? ''),
      )
    ).filter((text) => !isReadingHelpInline(text));
    const islandModules = new Set((await islandsOf(page)).flatMap((island) => [...island.modules.keys()]));
    const own = [...scripts].filter(([url]) => !islandModules.has(url));
    const bodies = [
      ...(await Promise.all(own.map(async ([url, body]) => ({ name: url, body: await body })))),
      ...inline.map((text, index) => ({ name: `inline script ${index + 1}`, body: Buffer.from(text) })),
    ];

    const sizes = bodies.map(({ name, body }) => ({ name, raw: body.length, brotli: brotli(body), gzip: gzip(body) }));
    const total = sizes.reduce((sum, size) => sum + size.brotli, 0);
    test.info().annotations.push({
      type: 'JavaScript size',
      description: `${path}: ${(total / 1024).toFixed(2)} KB brotli, ${(sizes.reduce((sum, size) => sum + size.gzip, 0) / 1024).toFixed(2)} KB gzip: ${sizes.map((size) => `${size.name.replace(/^.*\//, '')} ${size.raw} raw, ${size.brotli} br, ${size.gzip} gz`).join('; ')}`,
    });
    expect(total, `${path}: ${JSON.stringify(sizes)}`).toBeLessThanOrEqual(BUDGET);

    for (const { name, body } of bodies) {
      const text = body.toString('utf8');
      expect(text, `${name}: a server-only module the bundler stubbed out`).not.toContain('__vite-browser-external');
      expect(text, `${name}: a Node built-in`).not.toMatch(/from\s*["']node:|import\(\s*["']node:/);
    }
  });
}

test('each reading-help island is at most 8 KB with brotli, Preact included, loads when the page is idle, and moves nothing', async ({
  page,
  javaScriptEnabled,
}) => {
  test.skip(!javaScriptEnabled, 'only meaningful with JavaScript on');
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { shifts: number[] }).shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  for (const path of ['/', ...FORM_PAGES.slice(0, 1)]) {
    await open(page, path, 'networkidle');
    await expect(page.locator('astro-island[ssr]'), `${path}: every island has loaded`).toHaveCount(0);
    const islands = await islandsOf(page);
    expect(islands.length, `${path}: islands`).toBeGreaterThan(0);
    for (const island of islands) {
      const sizes = [...island.modules].map(([url, body]) => ({
        name: url.replace(/^.*\//, ''),
        brotli: brotli(body),
      }));
      const total = sizes.reduce((sum, size) => sum + size.brotli, 0);
      test.info().annotations.push({
        type: 'Island size',
        description: `${path} ${island.component}: ${(total / 1024).toFixed(2)} KB brotli: ${sizes.map((size) => `${size.name} ${size.brotli}`).join('; ')}`,
      });
      expect(total, `${path} ${island.component}: ${JSON.stringify(sizes)}`).toBeLessThanOrEqual(8 * 1024);
    }
    const directives = await page
      .locator('astro-island')
      .evaluateAll((all) => all.map((el) => el.getAttribute('client')));
    expect(
      directives.filter((directive) => directive !== 'idle' && directive !== 'visible'),
      path,
    ).toEqual([]);
    const shifted = await page.evaluate(() =>
      (window as unknown as { shifts: number[] }).shifts.reduce((a, b) => a + b, 0),
    );
    // 0 when the machine is idle; under load Chromium has once scored 0.00006, a few pixels' nudge of a
    // small box, not yet traced. A visible shift (a row appearing or a control moving) scores 0.01 and more.
    expect(shifted, `${path}: layout shift while the page and its islands loaded`).toBeLessThan(0.001);
  }
});
