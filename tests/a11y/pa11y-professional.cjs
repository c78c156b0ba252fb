/**
 * pa11y-ci for the professionals' referral form (/professional-referral) in
 * the states that matter, with JavaScript on (the states without it are
 * checked with both of its engines, axe and HTML_CodeSniffer, in tests/e2e/professional-referral.spec.ts): the first
 * step, each of the 7 steps reached by answering the ones before, the error
 * state of the first step and of the person step, danger yes, the check
 * step, the no-consent view, the confirmation page (a real referral sent
 * through the form) and its "While you wait" card. In an area whose settings do not offer the form, the
 * page that says so. Run against a built server, for example:
 *
 *   PA11Y_BASE_URL=http://127.0.0.1:4510 PA11Y_AREA=essex npx pa11y-ci --config tests/a11y/pa11y-professional.cjs
 *
 * PA11Y_BASE_URL defaults to the first Playwright area server; CHROME_PATH
 * overrides Debian's /usr/bin/chromium. Runners: axe and HTML_CodeSniffer, WCAG 2 AA.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- pa11y-ci loads its config as CommonJS */
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { parse } = require('yaml');
/* eslint-enable @typescript-eslint/no-require-imports */

const base = (process.env.PA11Y_BASE_URL || 'http://127.0.0.1:4510').replace(/\/$/, '');
const area = parse(
  readFileSync(
    path.join(__dirname, '../../content/areas', process.env.PA11Y_AREA || 'south-east-london', 'area.yaml'),
    'utf8',
  ),
);
const offered = area.join.professionalForm !== undefined;
const asksPlace = area.places.list.length > 1;
const form = `${base}/professional-referral`;
const button = 'form[data-form="professional"] button[type="submit"]';

/** Each step: its id (the heading is #step-<id>-title) and the answers for an adult who consents. */
const steps = [
  {
    id: 'referrer',
    answers: [
      'set field #proName to Priya Shah',
      'set field #proRole to Community nurse',
      'set field #proOrganisation to Acacia NHS Trust',
      'set field #proEmail to priya@example.nhs.uk',
      'set field #proPhone to 020 7946 0123',
    ],
  },
  {
    id: 'person',
    answers: [
      'set field #name to Alex Taylor',
      'set field #dob-day to 15',
      'set field #dob-month to 6',
      'set field #dob-year to 1990',
      'set field #address to 1 Acacia Road',
      'set field #postcode to SE1 7EH',
      ...(asksPlace ? ['check field #place'] : []),
      'check field #gpUnknown',
    ],
  },
  { id: 'reasons', answers: ['check field #reasons'] },
  { id: 'risk', answers: ['check field #danger-2', 'set field #risk to Rising risk of admission.'] },
  { id: 'consent', answers: ['check field #consentAdult'] },
  { id: 'tried', answers: ['set field #tried to Positive behaviour support.'] },
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

const states = [
  { url: form, actions: [waitFor('referrer')] },
  {
    url: `${form}#error-step-1`,
    actions: [`click element ${button}`, 'wait for element [data-error-summary] to be visible'],
  },
  ...steps
    .slice(1)
    .map((step, index) => ({ url: `${form}#step-${index + 2}-${step.id}`, actions: answerSteps(index + 1) })),
  {
    url: `${form}#error-step-2-person`,
    actions: [...answerSteps(1), `click element ${button}`, 'wait for element [data-error-summary] to be visible'],
  },
  {
    url: `${form}#danger-yes`,
    actions: [...answerSteps(3), 'check field #danger', 'wait for element #danger-help-title to be visible'],
  },
  { url: `${form}#check`, actions: answerSteps(steps.length) },
  {
    url: `${form}#no-consent`,
    actions: [
      ...answerSteps(4),
      'check field #consentAdult-3',
      `click element ${button}`,
      'wait for element #step-no-consent-title to be visible',
    ],
  },
  {
    url: `${form}#confirmation`,
    actions: [
      ...answerSteps(steps.length),
      `click element ${button}`,
      'wait for path to be /professional-referral/sent',
    ],
  },
  {
    url: `${form}#while-you-wait`,
    actions: [
      ...answerSteps(steps.length),
      `click element ${button}`,
      'wait for path to be /professional-referral/sent',
      'click element a[href^="/professional-referral/while-you-wait"]',
      'wait for path to be /professional-referral/while-you-wait',
    ],
  },
];

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
  // An area that does not offer the form: the page that says so.
  urls: offered ? states : [form],
};
