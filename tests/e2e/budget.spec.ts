/**
 * The enhancement JavaScript of each form page: at most 10 KB compressed in
 * total, counting every script the page loads (its own chunk and the chunks
 * it shares with other pages) and any inline script. "Compressed" here is
 * brotli at its best quality (11), how content-hashed files are compressed
 * once and kept (as a CDN or a build step would); the test also notes the
 * gzip sizes. Nor may any chunk hold a Node built-in the bundler stubbed out
 * (src/forms/kit/ code that is server-only).
 */
import zlib from 'node:zlib';
import { FORM_PAGES } from '../support/areas.ts';
import { expect, open, test } from '../support/fixtures.ts';

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
    const inline = await page.evaluate(() =>
      [...document.querySelectorAll('script:not([src])')]
        .filter((script) => !/json/.test(script.getAttribute('type') ?? ''))
        .map((script) => script.textContent ?? ''),
    );
    const bodies = [
      ...(await Promise.all([...scripts].map(async ([url, body]) => ({ name: url, body: await body })))),
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
