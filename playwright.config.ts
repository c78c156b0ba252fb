/**
 * Browser tests: every area × JavaScript on and off, in Debian's Chromium.
 * Each area's built server (run `npm run build` first) starts on its own port
 * with its own temporary DATA_DIR. `npm run test:e2e` makes sure Chromium is
 * installed, then runs `playwright test`.
 *
 * Environment: CHROME_PATH (Chromium binary), E2E_BASE_PORT (first port,
 * default 4510; area n uses E2E_BASE_PORT + n), E2E_REUSE_SERVER=1 (use
 * servers already listening on those ports instead of starting them; never on
 * CI), DSR_FAKE_NOW (fixes the servers' clock), CI (no test.only),
 * UPDATE_SNAPSHOTS=1 (rewrite the screen-reader snapshots in
 * tests/screen-reader/heard/; on CI a missing snapshot fails).
 */
import { defineConfig } from '@playwright/test';
import { listAreas } from './tests/support/areas.ts';
import { chromiumPath } from './tests/support/chromium.ts';
import type { AreaOptions } from './tests/support/fixtures.ts';

const CI = Boolean(process.env['CI']);
const basePort = Number(process.env['E2E_BASE_PORT'] || 4510);
// Reusing a server that happens to listen on the port could test another
// checkout's build, so it is opt-in, and never on CI.
const reuseServers = !CI && process.env['E2E_REUSE_SERVER'] === '1';
const areas = listAreas().map((area, index) => ({ area, port: basePort + index }));

export default defineConfig<AreaOptions>({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: CI,
  // A flaky test is a failing test: nothing is retried.
  retries: 0,
  // Two cores: two browsers, while the servers share the rest.
  workers: 2,
  // Each test walks every page of an area.
  timeout: 5 * 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  updateSnapshots: process.env['UPDATE_SNAPSHOTS'] === '1' ? 'all' : CI ? 'none' : 'missing',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath },
    viewport: { width: 1280, height: 720 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  projects: [
    ...areas.flatMap(({ area, port }) =>
      [true, false].map((javaScriptEnabled) => ({
        name: `${area.short}-${javaScriptEnabled ? 'js' : 'nojs'}`,
        use: { area, baseURL: `http://127.0.0.1:${port}`, javaScriptEnabled },
      })),
    ),
    // What a screen reader hears (tests/screen-reader), JavaScript on and off. Their names end in -js and
    // -nojs, so `npm run test:e2e` runs them with the other browser tests; `npm run test:sr` runs only them.
    ...areas.flatMap(({ area }) =>
      [true, false].map((javaScriptEnabled) => ({
        name: `${area.short}-sr-${javaScriptEnabled ? 'js' : 'nojs'}`,
        testDir: 'tests/screen-reader',
        snapshotPathTemplate: '{testDir}/heard/{arg}{ext}',
        use: { area, javaScriptEnabled },
      })),
    ),
    // tests/security/*.spec.ts (the rest of tests/security is node:test): `playwright test --project='*-security'`.
    ...areas.map(({ area, port }) => ({
      name: `${area.short}-security`,
      testDir: 'tests/security',
      testMatch: '*.spec.ts',
      use: { area, baseURL: `http://127.0.0.1:${port}`, javaScriptEnabled: true },
    })),
  ],
  webServer: areas.map(({ area, port }) => ({
    name: area.id,
    command: `"${process.execPath}" tests/support/serve-area.ts ${area.id} ${port}`,
    url: `http://127.0.0.1:${port}/sitemap.xml`,
    reuseExistingServer: reuseServers,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    // SIGTERM lets serve-area stop the server and remove its DATA_DIR.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  })),
});
