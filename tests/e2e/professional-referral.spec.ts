/**
 * The professionals' referral form (/professional-referral), in every area,
 * with JavaScript on (steps, a check step, Send referral by fetch) and off
 * (one form, the server's check page, a plain post).
 *
 * In an area whose settings offer it (`join.professionalForm`): journeys
 * that end with the message at a real SMTP server on loopback (consent by
 * the person; a 12-year-old with the consent the area's model names and
 * danger now; an adult who lacks capacity, by the area's model's route), no
 * consent (nothing sent), errors on every step, keyboard only, axe and HTML_CodeSniffer on every
 * state, and the links from the professionals and how-to-join pages.
 * In an area that does not offer it: the page says so, a post and the
 * confirmation page are 404, and no page links to it.
 *
 * Each worker starts its own built server with the SMTP server as its relay,
 * the clock fixed on Friday 20 November 2026 at 3pm.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Request } from '@playwright/test';
import { parse } from 'yaml';
import { ROOT } from '../support/areas.ts';
import { accessibilityProblems } from '../support/accessibility.ts';
import { expect, test as base } from '../support/fixtures.ts';
import { startMailServer, type Inbox } from '../support/mail-server.ts';
import { startAreaServer } from '../support/server.ts';

const NOW = '2026-11-20T15:00:00Z';
const FORM = '/professional-referral';
const TITLE = 'Refer someone to the DSR as a professional';
const CHECK_TITLE = 'Check your answers before sending';
const NO_CONSENT_TITLE = 'This referral cannot be sent without consent';
const DANGER_QUESTION = 'Is anyone in danger now, or is the person in a mental health crisis?';
const HEADINGS = [
  'Referrer',
  'The person',
  'Reason for referral',
  'Current risk',
  'Consent (basis)',
  'What has been tried',
  'Communication needs (Accessible Information Standard)',
];

const STEP_IDS = ['referrer', 'person', 'reasons', 'risk', 'consent', 'tried', 'needs'] as const;
type StepId = (typeof STEP_IDS)[number];
const STEP_TITLES: Record<StepId, string> = {
  referrer: 'About you',
  person: 'The person you are referring',
  reasons: 'Reason for referral',
  risk: 'Current risk',
  consent: 'Consent',
  tried: 'What has been tried',
  needs: 'Communication needs',
};

interface AreaSettings {
  name: string;
  mailbox: string;
  places: { kind: string; list: string[] };
  registers: { id: string; name: string }[];
  reply: { onlineForm?: { workingDays: number } };
  reasons: { list: { id: string; text: string }[] };
  consent: {
    ownDecision: { fromAge: number };
    younger: { decidedBy: string; gillick: boolean };
    cannotDecide: { decidedBy: string; assessment: boolean };
  };
  join: { professionalForm?: object };
}

interface Fixture {
  origin: string;
  inbox: Inbox;
  settings: AreaSettings;
  place: string;
  register: (id: 'children' | 'adults') => string;
}

const test = base.extend<object, { pro: Fixture }>({
  pro: [
    async ({ area }, use) => {
      const mail = await startMailServer();
      const server = await startAreaServer(area.id, {
        env: { SMTP_URL: mail.url, DSR_FAKE_NOW: NOW, QUEUE_MIN_BACKOFF: '1', RATE_LIMIT_POSTS: '100000' },
      });
      const s = areaSettings(area.id);
      await use({
        origin: server.origin,
        inbox: mail.inbox,
        settings: s,
        place: s.places.list[Math.min(2, s.places.list.length - 1)]!,
        register: (id) => (s.registers.length === 1 ? s.registers[0]! : s.registers.find((r) => r.id === id)!).name,
      });
      await server.stop();
      await mail.close();
    },
    { scope: 'worker' },
  ],
});

test.describe.configure({ timeout: 120_000 });

function areaSettings(id: string): AreaSettings {
  return parse(readFileSync(path.join(ROOT, 'content/areas', id, 'area.yaml'), 'utf8')) as AreaSettings;
}
const offeredIn = (id: string) => areaSettings(id).join.professionalForm !== undefined;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const firstReason = (pro: Fixture) => capitalise(pro.settings.reasons.list[0]!.text);

/** Who consents for someone else, as the settings' consent model names them (questions.ts, DECIDER_CONSENTS). */
const CONSENTS: Record<string, string> = {
  'parent-or-carer': 'their parent or carer consents',
  'parent-or-legal-guardian': 'their parents or legal guardians consent',
};

/** The consent answers in this area's words. */
function consentWords(pro: Fixture) {
  const { cannotDecide, younger } = pro.settings.consent;
  const bestInterests = cannotDecide.decidedBy === 'best-interests-meeting';
  return {
    adult: `Consent: the person is ${pro.settings.consent.ownDecision.fromAge} or older`,
    younger: `Consent: the person is under ${pro.settings.consent.ownDecision.fromAge}`,
    consents: 'The person has given their consent',
    lacksCapacity: bestInterests
      ? 'The person lacks capacity for this decision, and a best interests decision supports the referral'
      : `The person lacks capacity for this decision, and ${CONSENTS[cannotDecide.decidedBy]}`,
    detail: bestInterests
      ? 'Details of the capacity assessment and the best interests decision (optional)'
      : 'Who consented for the person (optional)',
    parent: `Yes, ${CONSENTS[younger.decidedBy]}`,
    noAdult: 'The person does not consent, and there is no other basis',
    bestInterests,
  };
}

interface Journey {
  dob: [string, string, string];
  name: string;
  danger?: boolean;
  consent: 'consents' | 'lacksCapacity' | 'parent' | 'noAdult';
  capacityDetail?: string;
  needs: string[];
  needsLanguage?: string;
  reasonsOther?: string;
}

const adultConsents: Journey = {
  name: 'Alex Taylor',
  dob: ['15', '6', '1990'],
  consent: 'consents',
  needs: ['An interpreter for another language'],
  needsLanguage: 'Polish',
  reasonsOther: 'Tenancy at risk',
};
const childInDanger: Journey = {
  name: 'Zoë Kowalska-Nowak',
  dob: ['5', '3', '2014'],
  danger: true,
  consent: 'parent',
  needs: ['Easy read information'],
};
const adultLacksCapacity: Journey = {
  name: "Siobhán O'Neill",
  dob: ['2', '9', '2000'],
  consent: 'lacksCapacity',
  capacityDetail: 'Assessed by the community nurse on 10 November.',
  needs: [],
};

const group = (page: Page, legend: string) => page.getByRole('group', { name: legend, exact: true });
const continueButton = (page: Page) => page.getByRole('button', { name: 'Continue', exact: true });
const stepHeading = (page: Page, title: string) => page.locator('[data-step-heading]:visible', { hasText: title });
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

async function answerStep(page: Page, pro: Fixture, step: StepId, j: Journey): Promise<void> {
  const words = consentWords(pro);
  switch (step) {
    case 'referrer':
      await field(page, 'Your full name').fill('Dr Priya Shah');
      await field(page, 'Your role').fill('Community learning disability nurse');
      await field(page, 'Your organisation').fill('Acacia NHS Trust');
      await field(page, 'Your work email address').fill('priya.shah@example.nhs.uk');
      await field(page, 'Your work phone number').fill('020 7946 0123');
      return;
    case 'person':
      await field(page, "The person's full name").fill(j.name);
      await field(page, 'Day').fill(j.dob[0]);
      await field(page, 'Month').fill(j.dob[1]);
      await field(page, 'Year').fill(j.dob[2]);
      await field(page, "The person's home address").fill('12 Acacia Road\nTown');
      await field(page, 'Postcode').fill('se1 7eh');
      if (pro.settings.places.list.length > 1)
        await group(page, `Which ${pro.settings.places.kind} does the person live in?`)
          .getByLabel(pro.place, { exact: true })
          .check();
      await field(page, "The person's GP surgery").fill('Acacia Road Surgery');
      await field(page, "The person's NHS number (optional)").fill('943 476 5919');
      return;
    case 'reasons':
      await group(page, 'Reason for referral').getByLabel(firstReason(pro), { exact: true }).check();
      if (j.reasonsOther) {
        await group(page, 'Reason for referral').getByLabel('Another reason', { exact: true }).check();
        await field(page, 'Describe the other reason').fill(j.reasonsOther);
      }
      return;
    case 'risk':
      await group(page, DANGER_QUESTION)
        .getByLabel(j.danger ? 'Yes' : 'No', { exact: true })
        .check();
      await field(page, 'Current risk').fill('Two incidents of self-harm this month & <b>escalating</b>.');
      return;
    case 'consent': {
      const legend = j.consent === 'parent' ? words.younger : words.adult;
      await group(page, legend).getByLabel(words[j.consent], { exact: true }).check();
      if (j.capacityDetail) await field(page, words.detail).fill(j.capacityDetail);
      return;
    }
    case 'tried':
      await field(page, 'What has been tried so far').fill('Positive behaviour support plan since June.');
      return;
    case 'needs': {
      const needs = group(page, "The person's communication needs");
      for (const need of j.needs) await needs.getByLabel(need, { exact: true }).check();
      if (j.needsLanguage) await field(page, 'Which language?').fill(j.needsLanguage);
      return;
    }
  }
}

async function openForm(page: Page, pro: Fixture, javaScript: boolean): Promise<void> {
  const response = await page.goto(pro.origin + FORM);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['cache-control']).toBe('no-store');
  await expect(page.locator('h1')).toHaveText(TITLE);
  await expect(page.locator('main')).toContainText(
    'It is written in plain English for professionals, not in easy read.',
  );
  await expect(page.locator('form[data-steps]')).toHaveCount(javaScript ? 1 : 0);
  if (javaScript) await expect(stepHeading(page, STEP_TITLES.referrer)).toContainText('Step 1 of 7');
}

/** Answers every step before `until` (with JavaScript, Continue after each); 'check' goes on to the check page. */
async function answerUpTo(page: Page, pro: Fixture, javaScript: boolean, j: Journey, until: StepId | 'check') {
  const last = until === 'check' ? STEP_IDS.length : STEP_IDS.indexOf(until);
  for (let index = 0; index < last; index++) {
    await answerStep(page, pro, STEP_IDS[index]!, j);
    if (!javaScript) continue;
    await continueButton(page).click();
    const next = STEP_IDS[index + 1];
    await expect(stepHeading(page, next ? STEP_TITLES[next] : CHECK_TITLE)).toBeFocused();
  }
  if (!javaScript && until === 'check') await continueButton(page).click();
  if (until === 'check') await expect(page.getByRole('heading', { name: CHECK_TITLE })).toBeVisible();
}

function recordPosts(page: Page): Request[] {
  const posts: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === FORM) posts.push(request);
  });
  return posts;
}

async function send(page: Page, pro: Fixture): Promise<string> {
  await page.getByRole('button', { name: 'Send referral' }).click();
  await expect(page).toHaveURL(/\/professional-referral\/sent\?ref=DSR-[0-9A-Z]{4}-[0-9A-Z]{4}(&by=\d{4}-\d\d-\d\d)?$/);
  const url = new URL(page.url());
  expect([...url.searchParams.keys()].sort()).toEqual(pro.settings.reply.onlineForm ? ['by', 'ref'] : ['ref']);
  await expect(page.locator('h1')).toHaveText('We have your referral');
  const reference = url.searchParams.get('ref')!;
  await expect(page.locator('.form-panel')).toContainText(reference);
  await expect(page.locator('main')).toContainText('The DSR team will reply to your work email address');
  return reference;
}

/** An answer as the email's plain text shows it: the label, then the answer indented on the next line. */
const answer = (label: string, value: string) => `${label}\n    ${value}`;

async function expectEmail(
  pro: Fixture,
  reference: string,
  register: 'children' | 'adults',
  j: Journey,
  danger = false,
) {
  const mail = await pro.inbox.waitFor(reference);
  expect(mail.to).toEqual([pro.settings.mailbox]);
  const subject = `${danger ? 'DANGER NOW: ' : ''}DSR professional referral ${reference}, ${pro.register(register)}, ${pro.place}`;
  expect(mail.subject).toBe(subject);
  expect(mail.subject).not.toContain(j.name);
  expect(mail.replyTo).toEqual(['priya.shah@example.nhs.uk']);
  const at = HEADINGS.map((heading) => mail.text.indexOf(`\n${heading}\n`));
  expect(
    at.every((index) => index > 0),
    mail.text,
  ).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  for (const line of [
    answer('Name', 'Dr Priya Shah'),
    answer('Role', 'Community learning disability nurse'),
    answer('Organisation', 'Acacia NHS Trust'),
    answer('Work email', 'priya.shah@example.nhs.uk'),
    answer('Full name', j.name),
    answer('Postcode', 'SE1 7EH'),
    answer('NHS number', '943 476 5919'),
    answer('Reasons', firstReason(pro)),
    answer('Current risk', 'Two incidents of self-harm this month & <b>escalating</b>.'),
    answer('What has been tried', 'Positive behaviour support plan since June.'),
    `Danger right now: ${danger ? 'YES' : 'No'}`,
  ])
    expect(mail.text).toContain(line);
  // What a person typed is escaped in the HTML.
  expect(mail.html).toContain('&lt;b&gt;escalating&lt;/b&gt;');
  if (pro.settings.reply.onlineForm) expect(mail.text).toContain('Reply by: ');
  else expect(mail.text).not.toContain('Reply by');
  return mail;
}

async function expectAccessible(page: Page, javaScriptEnabled: boolean, state: string): Promise<void> {
  expect(await accessibilityProblems(page, { javaScriptEnabled }), `axe and HTML_CodeSniffer: ${state}`).toEqual([]);
}

async function expectNothingStored(page: Page): Promise<void> {
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, '']);
}

test.describe('an area that offers the form', () => {
  test.skip(({ area }) => !offeredIn(area.id), 'the area does not offer the form');

  test('an adult who consents: check page, send, the grouped email at the SMTP server, axe and HTML_CodeSniffer on each state', async ({
    page,
    pro,
    javaScriptEnabled,
  }) => {
    // Axe and HTML_CodeSniffer run on every step, the check page and the confirmation: ten runs on a busy two-core machine.
    test.setTimeout(240_000);
    await openForm(page, pro, javaScriptEnabled);
    const posts = recordPosts(page);
    if (javaScriptEnabled) {
      for (const [index, step] of STEP_IDS.entries()) {
        await expectAccessible(page, true, `step ${step}`);
        await answerStep(page, pro, step, adultConsents);
        await continueButton(page).click();
        await expect(
          stepHeading(page, STEP_IDS[index + 1] ? STEP_TITLES[STEP_IDS[index + 1]!] : CHECK_TITLE),
        ).toBeFocused();
      }
    } else {
      await expectAccessible(page, false, 'the whole form');
      await answerUpTo(page, pro, false, adultConsents, 'check');
    }
    const check = page.locator('main');
    await expect(check).toContainText('Dr Priya Shah');
    await expect(check).toContainText(consentWords(pro).consents);
    await expect(check).toContainText('Polish');
    await expectAccessible(page, javaScriptEnabled, 'check');
    const reference = await send(page, pro);
    await expectAccessible(page, javaScriptEnabled, 'confirmation');
    const mail = await expectEmail(pro, reference, 'adults', adultConsents);
    expect(mail.text).toContain(answer('Basis', 'The person has given their own consent (recorded by the referrer).'));
    expect(mail.text).toContain(answer('Language', 'Polish'));
    expect(mail.text).toContain('Tenancy at risk');
    // No answer in an address, a cookie or storage.
    for (const post of posts) expect(post.url()).toBe(pro.origin + FORM);
    expect(page.url()).not.toContain('Taylor');
    await expectNothingStored(page);
    expect(pro.inbox.about(reference)).toHaveLength(1);
  });

  test('a 12-year-old, danger now: the crisis lines at once, the consent the area names, DANGER NOW in the subject', async ({
    page,
    pro,
    javaScriptEnabled,
  }) => {
    await openForm(page, pro, javaScriptEnabled);
    await answerUpTo(page, pro, javaScriptEnabled, childInDanger, 'risk');
    const help = page.locator('#danger-help-title');
    if (javaScriptEnabled) await expect(help).toBeHidden();
    await group(page, DANGER_QUESTION).getByLabel('Yes', { exact: true }).check();
    await expect(help).toBeVisible();
    await expect(page.locator('main')).toContainText('call 999');
    await expectAccessible(page, javaScriptEnabled, 'danger yes');
    if (javaScriptEnabled) {
      // Under the area's deciding age, only the younger person's consent question applies.
      await answerStep(page, pro, 'risk', childInDanger);
      await continueButton(page).click();
      await expect(group(page, consentWords(pro).adult)).toBeHidden();
      const choices = group(page, consentWords(pro).younger).getByRole('radio');
      await expect(choices).toHaveCount(pro.settings.consent.younger.gillick ? 3 : 2);
      await answerStep(page, pro, 'consent', childInDanger);
      await continueButton(page).click();
      await answerStep(page, pro, 'tried', childInDanger);
      await continueButton(page).click();
      await answerStep(page, pro, 'needs', childInDanger);
      await continueButton(page).click();
    } else {
      await answerStep(page, pro, 'risk', childInDanger);
      await answerStep(page, pro, 'consent', childInDanger);
      await answerStep(page, pro, 'tried', childInDanger);
      await answerStep(page, pro, 'needs', childInDanger);
      await continueButton(page).click();
    }
    await expect(page.getByRole('heading', { name: CHECK_TITLE })).toBeVisible();
    await expect(page.locator('#check-danger-title:visible, #step-check-danger-title:visible')).toHaveCount(1);
    const reference = await send(page, pro);
    const mail = await expectEmail(pro, reference, 'children', childInDanger, true);
    expect(mail.text).toContain(
      answer('Age band on the day of sending', `Under ${pro.settings.consent.ownDecision.fromAge}`),
    );
    expect(mail.text).toContain(answer('Basis', capitalise(CONSENTS[pro.settings.consent.younger.decidedBy]!)));
  });

  test('an adult who lacks capacity: the route the area’s consent model gives, and its details in the email', async ({
    page,
    pro,
    javaScriptEnabled,
  }) => {
    await openForm(page, pro, javaScriptEnabled);
    await answerUpTo(page, pro, javaScriptEnabled, adultLacksCapacity, 'check');
    const reference = await send(page, pro);
    const mail = await expectEmail(pro, reference, 'adults', adultLacksCapacity);
    const words = consentWords(pro);
    expect(mail.text).toContain(
      words.bestInterests
        ? 'a best interests decision under the Mental Capacity Act 2005 supports the referral'
        : `The person lacks capacity for this decision; ${CONSENTS[pro.settings.consent.cannotDecide.decidedBy]}`,
    );
    expect(mail.text).toContain('Assessed by the community nurse on 10 November.');
    expect(mail.text).toContain(answer('Needs', 'None given'));
  });

  test('no consent: a page says why, nothing is sent, and the answer can be changed', async ({
    page,
    pro,
    javaScriptEnabled,
  }) => {
    const before = pro.inbox.messages.length;
    await openForm(page, pro, javaScriptEnabled);
    const posts = recordPosts(page);
    const refused: Journey = { ...adultConsents, consent: 'noAdult' };
    await answerUpTo(page, pro, javaScriptEnabled, refused, 'consent');
    await answerStep(page, pro, 'consent', refused);
    if (!javaScriptEnabled) {
      await answerStep(page, pro, 'tried', refused);
      await answerStep(page, pro, 'needs', refused);
    }
    await continueButton(page).click();
    await expect(page.getByRole('heading', { name: NO_CONSENT_TITLE })).toBeVisible();
    await expect(page.locator('main')).toContainText('Nothing has been sent.');
    await expectAccessible(page, javaScriptEnabled, 'no consent');
    await page.getByRole('button', { name: 'Change the consent answer' }).click();
    await expect(group(page, consentWords(pro).adult)).toBeVisible();
    expect(posts.filter((post) => new URLSearchParams(post.postData() ?? '').get('confirm') === 'yes')).toHaveLength(0);
    expect(pro.inbox.messages.length).toBe(before);
  });

  test('errors on every step: GOV.UK summary takes focus, each message links to its question, axe and HTML_CodeSniffer clean', async ({
    page,
    pro,
    javaScriptEnabled,
  }) => {
    await openForm(page, pro, javaScriptEnabled);
    const summary = page.locator('[data-error-summary]');
    const placeError =
      pro.settings.places.list.length > 1
        ? [`Select the ${pro.settings.places.kind} the person lives in, or Not known`]
        : [];
    const expectErrors = async (messages: string[], state: string) => {
      await expect(summary.getByRole('heading', { level: 2 })).toHaveText('There is a problem');
      await expect(summary).toBeFocused();
      await expect(summary.getByRole('link')).toHaveText(messages);
      await expect(page).toHaveTitle(new RegExp(`^Error: ${TITLE} - `));
      await expectAccessible(page, javaScriptEnabled, state);
    };
    const expected: Record<StepId, string[]> = {
      referrer: [
        'Enter your full name',
        'Enter your role',
        'Enter your organisation',
        'Enter your work email address',
        'Enter your work phone number',
      ],
      person: [
        "Enter the person's full name",
        "Enter the person's date of birth",
        "Enter the person's home address",
        'Enter the postcode',
        ...placeError,
        'Enter the name of the GP surgery, or select I do not know',
      ],
      reasons: ['Select the reason for referral'],
      risk: ['Select yes if anyone is in danger now, or in a mental health crisis', 'Describe the current risk'],
      consent: ['Select the consent you have for this referral'],
      tried: ['Describe what has been tried so far'],
      needs: ['Enter the language'],
    };
    if (!javaScriptEnabled) {
      await continueButton(page).click();
      await expectErrors(
        STEP_IDS.filter((step) => step !== 'consent' && step !== 'needs').flatMap((step) => expected[step]),
        'the empty form',
      );
      await answerUpTo(page, pro, false, { ...adultConsents, consent: 'consents' }, 'needs');
      await field(page, 'Your work email address').fill('priya at example');
      await field(page, "The person's NHS number (optional)").fill('943 476 5918');
      await group(page, "The person's communication needs").getByLabel('Something else', { exact: true }).check();
      await continueButton(page).click();
      await expectErrors(
        [
          'Enter an email address in the correct format, like name@example.com',
          'NHS number is not right. Check each number',
          'Describe the other communication needs',
        ],
        'bad and follow-up answers',
      );
      await expect(field(page, 'Your work email address')).toHaveValue('priya at example');
      return;
    }
    for (const step of STEP_IDS) {
      if (step === 'needs')
        await group(page, "The person's communication needs").getByLabel('An interpreter for another language').check();
      if (step === 'consent') await expect(group(page, consentWords(pro).adult)).toBeVisible();
      await continueButton(page).click();
      await expectErrors(expected[step], `the ${step} step`);
      await answerStep(page, pro, step, {
        ...adultConsents,
        needs: [],
        needsLanguage: 'Polish',
        reasonsOther: undefined,
      });
      await continueButton(page).click();
      await expect(summary).toHaveCount(0);
    }
    await expect(page.getByRole('heading', { name: CHECK_TITLE })).toBeFocused();
  });

  test('keyboard only: every answer typed and chosen from the keyboard, then Send referral', async ({
    page,
    pro,
    javaScriptEnabled,
  }) => {
    await openForm(page, pro, javaScriptEnabled);
    const tabTo = async (target: ReturnType<Page['locator']>) => {
      for (let presses = 0; presses < 80; presses++) {
        await page.keyboard.press('Tab');
        if (await target.evaluate((element) => element === document.activeElement)) return;
      }
      throw new Error('could not reach the element with Tab');
    };
    const type = async (label: string, text: string) => {
      await tabTo(field(page, label));
      await page.keyboard.type(text);
    };
    const choose = async (legend: string, label: string) => {
      await tabTo(group(page, legend).getByLabel(label, { exact: true }));
      await page.keyboard.press('Space');
    };
    const pressContinue = async () => {
      if (!javaScriptEnabled) return;
      await tabTo(continueButton(page));
      await page.keyboard.press('Enter');
    };
    await type('Your full name', 'Dr Priya Shah');
    await type('Your role', 'Community learning disability nurse');
    await type('Your organisation', 'Acacia NHS Trust');
    await type('Your work email address', 'priya.shah@example.nhs.uk');
    await type('Your work phone number', '020 7946 0123');
    await pressContinue();
    await type("The person's full name", adultConsents.name);
    await type('Day', '15');
    await type('Month', '6');
    await type('Year', '1990');
    await type("The person's home address", '12 Acacia Road');
    await type('Postcode', 'SE1 7EH');
    if (pro.settings.places.list.length > 1)
      await choose(`Which ${pro.settings.places.kind} does the person live in?`, pro.place);
    await tabTo(field(page, 'I do not know the GP surgery'));
    await page.keyboard.press('Space');
    await pressContinue();
    await choose('Reason for referral', firstReason(pro));
    await pressContinue();
    await tabTo(group(page, DANGER_QUESTION).getByLabel('Yes', { exact: true }));
    await page.keyboard.press('ArrowDown');
    await expect(group(page, DANGER_QUESTION).getByLabel('No', { exact: true })).toBeChecked();
    await type('Current risk', 'Two incidents of self-harm this month & <b>escalating</b>.');
    await pressContinue();
    await choose(consentWords(pro).adult, consentWords(pro).consents);
    await pressContinue();
    await type('What has been tried so far', 'Positive behaviour support plan since June.');
    await pressContinue();
    await tabTo(continueButton(page));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: CHECK_TITLE })).toBeVisible();
    await tabTo(page.getByRole('button', { name: 'Send referral' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/professional-referral\/sent\?ref=/);
    const reference = new URL(page.url()).searchParams.get('ref')!;
    const mail = await pro.inbox.waitFor(reference);
    expect(mail.text).toContain(answer('GP surgery', 'Not known to the referrer'));
  });

  test('the professionals and how-to-join pages link to the form', async ({ page, pro }) => {
    for (const from of ['/professionals', '/how-to-join']) {
      await page.goto(pro.origin + from);
      await expect(page.locator(`main a[href="${FORM}"]`)).toHaveText('Refer someone as a professional');
    }
  });
});

test.describe('an area that does not offer the form', () => {
  test.skip(({ area }) => offeredIn(area.id), 'the area offers the form');

  test('the page says so and points to the other ways; a post and the confirmation page are 404; nothing links to it', async ({
    page,
    pro,
    request,
  }) => {
    const response = await page.goto(pro.origin + FORM);
    expect(response?.status()).toBe(200);
    await expect(page.locator('main')).toContainText(
      `In ${pro.settings.name}, you cannot refer someone as a professional on this website.`,
    );
    await expect(page.locator('main form')).toHaveCount(0);
    await expect(page.locator('main a[href="/how-to-join"]')).toBeVisible();
    const post = await request.post(pro.origin + FORM, {
      form: { proName: 'Dr Priya Shah' },
      headers: { Origin: pro.origin },
    });
    expect(post.status()).toBe(404);
    const sent = await request.get(`${pro.origin}${FORM}/sent?ref=DSR-7KQM-2XPT`);
    expect(sent.status()).toBe(404);
    for (const from of ['/professionals', '/how-to-join']) {
      await page.goto(pro.origin + from);
      await expect(page.locator(`a[href="${FORM}"]`)).toHaveCount(0);
    }
    expect(pro.inbox.messages).toHaveLength(0);
  });
});
