/**
 * pa11y-ci for the form pages in the states that matter: the empty form,
 * the error state (the empty form sent), the confirmation page (a real
 * request sent through the form) and its "While you wait" card. The server must serve an area with a phone
 * callback (South East London). Run with:
 *
 *   PA11Y_BASE_URL=http://127.0.0.1:4510 npx pa11y-ci --config tests/a11y/pa11y-forms.cjs
 *
 * PA11Y_BASE_URL defaults to the first Playwright area server; CHROME_PATH
 * overrides Debian's /usr/bin/chromium. Runners: axe and HTML_CodeSniffer, WCAG 2 AA.
 */
// Only South East London offers a phone callback; other areas show a page that points elsewhere.
const offered = !process.env.PA11Y_AREA || process.env.PA11Y_AREA === 'south-east-london';
const base = (process.env.PA11Y_BASE_URL || 'http://127.0.0.1:4510').replace(/\/$/, '');
const form = `${base}/ask-for-a-call`;

/** Answers a person could give, typed and chosen as a person would. */
const fillGoodAnswers = [
  'set field #name to Ada Lovelace',
  'set field #phone to 07700 900 982',
  'check field #voicemail',
  'check field #bestTime-2',
  'check field #about-2',
  'set field #aboutName to Byron',
  'set field #notes to A calm time of day is better.',
];

module.exports = {
  defaults: {
    standard: 'WCAG2AA',
    runners: ['axe', 'htmlcs'],
    timeout: 60000,
    chromeLaunchConfig: {
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: [...(process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : []), '--disable-gpu'],
    },
  },
  urls: !offered
    ? []
    : [
        form,
        {
          url: `${form}#error-state`,
          actions: [
            'click element form[data-form="callback"] button[type="submit"]',
            'wait for element [data-error-summary] to be visible',
          ],
        },
        {
          url: `${form}#confirmation`,
          actions: [
            ...fillGoodAnswers,
            'click element form[data-form="callback"] button[type="submit"]',
            'wait for path to be /ask-for-a-call/sent',
          ],
        },
        {
          url: `${form}#while-you-wait`,
          actions: [
            ...fillGoodAnswers,
            'click element form[data-form="callback"] button[type="submit"]',
            'wait for path to be /ask-for-a-call/sent',
            'click element a[href^="/ask-for-a-call/while-you-wait"]',
            'wait for path to be /ask-for-a-call/while-you-wait',
          ],
        },
      ],
};
