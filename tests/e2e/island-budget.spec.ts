/**
 * "Listen to this page" (src/reading/listen/Listen.tsx) is on every page, so
 * its JavaScript, Preact included, must stay at most 8 KB with brotli at its
 * best quality (11), as tests/e2e/budget.spec.ts measures the forms. Counted
 * from the built site: the chunks the island's `component-url` and
 * `renderer-url` name, and every chunk they import statically (what the
 * browser must fetch before the island works; a dynamic import is fetched
 * only when used).
 */
import zlib from 'node:zlib';
import type { APIRequestContext } from '@playwright/test';
import { expect, open, test } from '../support/fixtures.ts';

const BUDGET = 8 * 1024;

const brotli = (body: Buffer) =>
  zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** `import ... from "x"` and `import "x"`, not `import("x")`. */
const STATIC_IMPORT = /\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;

/** Each chunk once, with the chunks it imports statically. */
async function withImports(request: APIRequestContext, urls: string[]): Promise<Map<string, Buffer>> {
  const chunks = new Map<string, Buffer>();
  const waiting = [...urls];
  for (let url = waiting.pop(); url; url = waiting.pop()) {
    if (chunks.has(url)) continue;
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    const body = await response.body();
    chunks.set(url, body);
    for (const [, path] of body.toString('utf8').matchAll(STATIC_IMPORT)) waiting.push(new URL(path!, url).href);
  }
  return chunks;
}

test("Listen's JavaScript, Preact included, is at most 8 KB with brotli", async ({ page, javaScriptEnabled }) => {
  test.skip(!javaScriptEnabled, 'measured once per area');
  await open(page, '/what-is-the-dsr');
  const island = page.locator('astro-island', { has: page.locator('.listen') });
  await expect(island).toHaveCount(1);
  const urls = await island.evaluate((element) =>
    ['component-url', 'renderer-url'].map((name) => new URL(element.getAttribute(name)!, location.href).href),
  );
  const chunks = await withImports(page.request, urls);
  // Preact itself is among them: the count is real.
  expect(chunks.size).toBeGreaterThanOrEqual(3);

  const sizes = [...chunks].map(([url, body]) => ({
    chunk: url.replace(/^.*\//, ''),
    raw: body.length,
    brotli: brotli(body),
  }));
  const total = sizes.reduce((sum, size) => sum + size.brotli, 0);
  test.info().annotations.push({
    type: 'Listen JavaScript size',
    description: `${(total / 1024).toFixed(2)} KB brotli: ${sizes.map((size) => `${size.chunk} ${size.raw} raw, ${size.brotli} br`).join('; ')}`,
  });
  expect(total, JSON.stringify(sizes)).toBeLessThanOrEqual(BUDGET);
});
