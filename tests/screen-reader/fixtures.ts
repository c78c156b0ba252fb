/**
 * Fixtures for the screen-reader tests. Each worker starts its own built
 * server for the project's area with the clock fixed (so opening times and
 * dates, and so the snapshots, do not change with the time of day) and a post
 * limit high enough for many journeys; each test gets a reader for its page.
 */
import { expect, test as base } from '../support/fixtures.ts';
import { listPages } from '../support/sitemap.ts';
import { startAreaServer } from '../support/server.ts';
import { ScreenReader } from './reader.ts';

/** Friday 20 November 2026, 3pm in London: some crisis lines are open, some closed. */
const NOW = '2026-11-20T15:00:00Z';

interface Site {
  origin: string;
  /** Every page path in the sitemap. */
  pages: string[];
}

export const test = base.extend<{ reader: ScreenReader }, { site: Site }>({
  site: [
    async ({ area }, use) => {
      const server = await startAreaServer(area.id, { env: { DSR_FAKE_NOW: NOW, RATE_LIMIT_POSTS: '100000' } });
      await use({ origin: server.origin, pages: await listPages(server.origin) });
      await server.stop();
    },
    { scope: 'worker' },
  ],
  reader: async ({ page }, use) => {
    await use(await ScreenReader.attach(page));
  },
});

export { expect };
