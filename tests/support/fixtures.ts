/**
 * Playwright fixtures shared by the browser tests: the area a project serves
 * and the pages its sitemap lists.
 */
import { test as base, expect, type Page, type Response } from '@playwright/test';
import type { AreaInfo } from './areas.ts';
import { listPages } from './sitemap.ts';

export interface AreaOptions {
  /** Set per project in playwright.config.ts. */
  area: AreaInfo;
}

interface WorkerFixtures extends AreaOptions {
  /** Every page path in the served area's /sitemap.xml, read once per worker. */
  pagePaths: string[];
}

export const test = base.extend<object, WorkerFixtures>({
  // No default: every project in playwright.config.ts sets its area.
  area: [undefined as unknown as AreaInfo, { option: true, scope: 'worker' }],
  pagePaths: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for from its first argument.
    async ({}, use, workerInfo) => {
      const origin = workerInfo.project.use.baseURL;
      if (!origin) throw new Error(`project ${workerInfo.project.name} has no baseURL`);
      await use(await listPages(origin));
    },
    { scope: 'worker' },
  ],
});

export { expect };

/**
 * Run `check` for every page, each in its own step. An error on one page is
 * recorded as a failure and the next page is still checked, so one run shows
 * every broken page.
 */
export async function forEachPage(paths: string[], check: (path: string) => Promise<void>): Promise<void> {
  expect(paths.length, 'the sitemap lists no pages').toBeGreaterThan(0);
  for (const path of paths) {
    await test.step(path, async () => {
      try {
        await check(path);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        expect.soft(message, `${path}: the check stopped with an error`).toBe('no error');
      }
    });
  }
}

/** Go to a page and insist that it loaded. */
export async function open(page: Page, path: string, waitUntil: 'load' | 'networkidle' = 'load'): Promise<Response> {
  const response = await page.goto(path, { waitUntil });
  if (!response) throw new Error(`${path}: no response`);
  expect(response.status(), `${path}: HTTP status`).toBe(200);
  return response;
}
