/**
 * pa11y-ci for the referral form (/refer) in the states that matter, with
 * JavaScript on (pa11y's browser always runs scripts; the states without
 * JavaScript are checked with both of its engines, axe and HTML_CodeSniffer, in tests/e2e/referral.spec.ts): the first
 * step, each of the 8 steps reached by answering the ones before, the error
 * state of the first step and of the person step, the check step, the
 * no-consent view, the confirmation page (a real referral sent through
 * the form) and its "While you wait" card. Works for any area. Run against a built server, for example:
 *
 *   PA11Y_BASE_URL=http://127.0.0.1:4510 npx pa11y-ci --config tests/a11y/pa11y-referral.cjs
 *
 * PA11Y_BASE_URL defaults to the first Playwright area server; CHROME_PATH
 * overrides Debian's /usr/bin/chromium. Runners: axe and HTML_CodeSniffer, WCAG 2 AA.
 * The server's post limit (RATE_LIMIT_POSTS, default 20 in 5 minutes) is
 * enough: only the confirmation state posts.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- pa11y-ci loads its config as CommonJS */
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { parse } = require('yaml');
/* eslint-enable @typescript-eslint/no-require-imports */

const base = (process.env.PA11Y_BASE_URL || 'http://127.0.0.1:4510').replace(/\/$/, '');
// The form follows the area's settings (PA11Y_AREA, set by run-pa11y.ts): a one-place area is not asked
// where the person lives, and an area without Gillick competence offers no young person's own yes.
const area = parse(
  readFileSync(
    path.join(__dirname, '../../content/areas', process.env.PA11Y_AREA || 'south-east-london', 'area.yaml'),
    'utf8',
  ),
);
const asksPlace = area.places.list.length > 1;
const underSixteenNo = area.consent.younger.gillick ? '#consentUnder16-3' : '#consentUnder16-2';
const form = `${base}/refer`;
const button = 'form[data-form="referral"] button[type="submit"]';

/** Each step: its id (the heading is #step-<id>-title) and the answers a parent of a 12-year-old gives. */
const steps = [
  { id: 'safety', answers: ['check field #danger-2'] },
  { id: 'who', answers: ['check field #filler-2'] },
  {
    id: 'person',
    answers: [
      'set field #name to Zoe Smith',
      'set field #dob-day to 5',
      'set field #dob-month to 3',
      'set field #dob-year to 2014',
      'set field #address to 1 Acacia Road',
      'set field #postcode to SE1 7EH',
      ...(asksPlace ? ['check field #place'] : []),
      'check field #gpUnknown',
    ],
  },
  { id: 'diagnosis', answers: ['check field #diagnosis-2'] },
  { id: 'support', answers: ['check field #reasons', 'set field #happening to Things are hard at home.'] },
  // The first option in every area: yes, by who decides for an under-16.
  { id: 'consent', answers: ['check field #consentUnder16'] },
  {
    id: 'contact',
    answers: [
      'set field #fillerName to Ann Smith',
      'set field #relationship to Mum',
      'check field #contactMethod-3',
      'set field #email to ann@example.com',
    ],
  },
  { id: 'needs', answers: ['check field #needs'] },
];

const waitFor = (id) => `wait for element #step-${id}-title to be visible`;

/** Answers the first `count` steps, pressing Continue after each and waiting for the next. */
function answerSteps(count, changes = {}) {
  return steps
    .slice(0, count)
    .flatMap((step, index) => [
      ...(changes[step.id] ?? step.answers),
      `click element ${button}`,
      waitFor(steps[index + 1]?.id ?? 'check'),
    ]);
}

module.exports = {
  defaults: {
    standard: 'WCAG2AA',
    runners: ['axe', 'htmlcs'],
    timeout: 90000,
    chromeLaunchConfig: {
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: [...(process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : []), '--disable-gpu'],
    },
  },
  urls: [
    { url: form, actions: [waitFor('safety')] },
    {
      url: `${form}#danger-yes`,
      actions: ['check field #danger', 'wait for element #danger-help-title to be visible'],
    },
    {
      url: `${form}#error-step-1`,
      actions: [`click element ${button}`, 'wait for element [data-error-summary] to be visible'],
    },
    ...steps
      .slice(1)
      .map((step, index) => ({ url: `${form}#step-${index + 2}-${step.id}`, actions: answerSteps(index + 1) })),
    {
      url: `${form}#error-step-3-person`,
      actions: [...answerSteps(2), `click element ${button}`, 'wait for element [data-error-summary] to be visible'],
    },
    { url: `${form}#check`, actions: answerSteps(steps.length) },
    {
      url: `${form}#no-consent`,
      actions: [
        ...answerSteps(5),
        `check field ${underSixteenNo}`,
        `click element ${button}`,
        'wait for element #step-no-consent-title to be visible',
      ],
    },
    {
      url: `${form}#confirmation`,
      actions: [...answerSteps(steps.length), `click element ${button}`, 'wait for path to be /refer/sent'],
    },
    {
      url: `${form}#while-you-wait`,
      actions: [
        ...answerSteps(steps.length),
        `click element ${button}`,
        'wait for path to be /refer/sent',
        'click element a[href^="/refer/while-you-wait"]',
        'wait for path to be /refer/while-you-wait',
      ],
    },
  ],
};
