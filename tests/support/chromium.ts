/**
 * The Chromium every browser test uses: Debian's /usr/bin/chromium, or
 * CHROME_PATH. No test tool may download its own browser.
 * `tests/support/ensure-chromium.sh` installs it on a fresh machine.
 */
export const chromiumPath = process.env['CHROME_PATH'] || '/usr/bin/chromium';

/** Flags for tools that launch Chromium themselves (pa11y-ci, Puppeteer). */
export const chromiumArgs = [
  // Chromium refuses to start as root with its sandbox on.
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
