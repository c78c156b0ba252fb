/**
 * The self-referral form (issue 5), in every area, with JavaScript on (one
 * topic per step, a check step, Send referral by fetch) and off (one form,
 * the server's check page, Change buttons, Send referral by a plain post).
 *
 * Each worker starts its own built server with a real SMTP server on
 * loopback (smtp-server) as its relay, the clock fixed on Friday 20 November
 * 2026 at 3pm (so ages, registers and the reply-by date are known) and a
 * post limit high enough for many journeys from one address.
 *
 * Journeys: a parent referring a 12-year-old who agrees for themselves
 * (Gillick), an autistic adult referring themselves, a carer for an adult
 * who may not be able to decide (mental capacity), a refusal of consent
 * (nothing sent), and the danger branch. Each that sends ends with the
 * message at the SMTP server, with the right register and headings.
 * Then: keyboard only, errors on every step, changing an answer from the
 * check page, Back and refresh, and axe and HTML_CodeSniffer on every step, error state, check
 * page, no-consent page and confirmation.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page, Request } from '@playwright/test';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';
import { parse } from 'yaml';
import { ROOT } from '../support/areas.ts';
import { accessibilityProblems } from '../support/accessibility.ts';
import { expect, test as base } from '../support/fixtures.ts';
import { startAreaServer } from '../support/server.ts';

/** Friday 20 November 2026, 3pm in London. */
const NOW = '2026-11-20T15:00:00Z';
const FORM = '/refer';
const HEADINGS = [
  'Safety',
  'Who filled this in',
  'The person',
  'Diagnosis',
  'Why extra support is needed now',
  'Consent (basis)',
  'How to contact',
  'Communication needs (Accessible Information Standard)',
];

interface Mail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  replyTo: string[];
}

class Inbox {
  readonly messages: Mail[] = [];

  async waitFor(reference: string, timeoutMs = 20_000): Promise<Mail> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.messages.find((mail) => mail.subject.includes(`DSR referral ${reference},`));
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(
      `no email for ${reference} within ${timeoutMs} ms; have: ${this.messages.map((m) => m.subject).join(', ')}`,
    );
  }

  count(reference: string): number {
    return this.messages.filter((mail) => mail.subject.includes(`DSR referral ${reference},`)).length;
  }
}

interface AreaSettings {
  name: string;
  mailbox: string;
  places: { kind: string; list: string[] };
  registers: { id: string; name: string }[];
  reply: { onlineForm?: { workingDays: number; source: { own?: string } } };
  reasons: { list: { id: string; text: string }[] };
  consent: {
    younger: { decidedBy: string; gillick: boolean };
    cannotDecide: { decidedBy: string; assessment: boolean };
    keepingSafe?: object;
  };
  crisisLines: { name: string; phone?: string }[];
  join: { phone?: { callback?: boolean } };
}

function areaSettings(id: string): AreaSettings {
  return parse(readFileSync(path.join(ROOT, 'content/areas', id, 'area.yaml'), 'utf8')) as AreaSettings;
}

interface Referral {
  origin: string;
  inbox: Inbox;
  settings: AreaSettings;
  /** The place every journey chooses. */
  place: string;
  register: (id: 'children' | 'adults') => string;
}

const test = base.extend<object, { referral: Referral }>({
  referral: [
    async ({ area }, use) => {
      const inbox = new Inbox();
      const smtp = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onData(stream, session, done) {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            PostalMime.parse(Buffer.concat(chunks))
              .then((mail) => {
                inbox.messages.push({
                  to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
                  subject: mail.subject ?? '',
                  text: mail.text ?? '',
                  html: mail.html ?? '',
                  replyTo: (mail.replyTo ?? []).map((address) => address.address ?? ''),
                });
                done();
              })
              .catch(done);
          });
        },
      });
      await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
      const { port } = smtp.server.address() as AddressInfo;
      const server = await startAreaServer(area.id, {
        env: {
          SMTP_URL: `smtp://127.0.0.1:${port}`,
          DSR_FAKE_NOW: NOW,
          QUEUE_MIN_BACKOFF: '1',
          RATE_LIMIT_POSTS: '100000',
        },
      });
      const settings = areaSettings(area.id);
      await use({
        origin: server.origin,
        inbox,
        settings,
        place: settings.places.list[Math.min(4, settings.places.list.length - 1)]!,
        // An area whose page names one register for every age (Essex) puts everyone on it.
        register: (id) =>
          (settings.registers.length === 1 ? settings.registers[0]! : settings.registers.find((r) => r.id === id)!)
            .name,
      });
      await server.stop();
      await new Promise<void>((resolve) => smtp.close(resolve));
    },
    { scope: 'worker' },
  ],
});

// The project's default allows five minutes for tests that walk every page; these need less.
test.describe.configure({ timeout: 120_000 });

const STEP_IDS = ['safety', 'who', 'person', 'diagnosis', 'support', 'consent', 'contact', 'needs'] as const;
type StepId = (typeof STEP_IDS)[number];
const STEP_TITLES: Record<StepId, string> = {
  safety: 'Safety first',
  who: 'Who is filling in this form',
  person: 'About the person',
  diagnosis: 'Learning disability and autism',
  support: 'Why the person needs extra support now',
  consent: 'Saying yes to the DSR',
  contact: 'How we contact you',
  needs: 'Help to communicate',
};
const CHECK_TITLE = 'Check your answers before sending';
const NO_CONSENT_TITLE = 'We cannot send this form without consent';
const DANGER_QUESTION = 'Is anyone in danger now, or in a mental health crisis?';

// Answers whose words come from the area's settings (its reasons and its consent model): see `inArea`.
const FIRST_REASON = '<the area’s first reason>';
const UNDER_16_YES = '<yes for an under 16, the area’s way>';
const CANNOT_DECIDE = '<the person cannot decide, the area’s way>';
const NO_16 = '<no, 16 and over, the area’s way>';

/** Who decides for someone else, with the verb, as the settings' consent model names them. */
const DECIDER_AGREES: Record<string, string> = {
  'parent-or-carer': 'their parent or carer agrees',
  'parent-or-legal-guardian': 'their parents or legal guardians agree',
};

/** An answer's words in this area: the area's own reasons and consent choices. */
function inArea(settings: AreaSettings, answer: string): string {
  const byBestInterests = settings.consent.cannotDecide.decidedBy === 'best-interests-meeting';
  switch (answer) {
    case FIRST_REASON: {
      const text = settings.reasons.list[0]!.text;
      return text.charAt(0).toUpperCase() + text.slice(1);
    }
    case UNDER_16_YES:
      return settings.consent.younger.gillick
        ? 'The young person understands and agrees for themselves'
        : `Yes, ${DECIDER_AGREES[settings.consent.younger.decidedBy]}`;
    case CANNOT_DECIDE:
      return byBestInterests
        ? 'The person may not be able to decide'
        : `The person cannot decide, and ${DECIDER_AGREES[settings.consent.cannotDecide.decidedBy]}`;
    case NO_16:
      return byBestInterests ? 'No, the person does not agree' : 'No, nobody agrees';
    default:
      return answer;
  }
}

interface Journey {
  danger?: boolean;
  filler: string;
  name: string;
  dob: [string, string, string];
  address: string;
  postcode: string;
  /** Undefined: "I do not know". */
  gp?: string;
  nhsNumber?: string;
  diagnosis: string;
  reasons: string[];
  reasonsOther?: string;
  happening?: string;
  consent: { legend: string; answer: string; capacityDetail?: string };
  fillerName?: string;
  relationship?: string;
  method: string;
  phone?: string;
  email?: string;
  letterAddress?: string;
  needs: string[];
  needsLanguage?: string;
}

const CONSENT_16 = 'Does the person agree to be on the DSR?';
const CONSENT_UNDER_16 = 'Who agrees to the young person being on the DSR?';

const parentOf12: Journey = {
  filler: 'I am their parent, or I have parental responsibility',
  name: 'Zoë Kowalska-Nowak',
  dob: ['5', '3', '2014'],
  address: '12 Acacia Road\nTown',
  postcode: 'se1 7eh',
  gp: 'Acacia Road Surgery',
  nhsNumber: '943 476 5919',
  diagnosis: 'Autism (the person is autistic)',
  reasons: [FIRST_REASON, 'Something else'],
  reasonsOther: 'Not going to school',
  happening: 'She is not sleeping & <b>very</b> upset.\nThings are getting worse.',
  consent: { legend: CONSENT_UNDER_16, answer: UNDER_16_YES },
  fillerName: 'Anna Kowalska',
  relationship: 'I am her mum',
  method: 'Email',
  email: 'anna@example.com',
  needs: ['An interpreter for another language'],
  needsLanguage: 'Polish',
};

const autisticAdult: Journey = {
  filler: 'I am asking for myself',
  name: 'Alex Taylor',
  dob: ['15', 'jun', '1990'],
  address: 'Flat 2\n3 High Street',
  postcode: 'CM1 1QH',
  diagnosis: 'Autism (the person is autistic)',
  reasons: [FIRST_REASON],
  consent: { legend: CONSENT_16, answer: 'Yes, the person agrees' },
  method: 'Phone call',
  phone: '020 7946 0123',
  needs: ['Easy read letters and papers', 'A quiet place, or a set time to talk'],
};

const carerForAdult: Journey = {
  filler: 'I am their carer, family member or friend',
  name: "Siobhán O'Neill",
  dob: ['2', '9', '2000'],
  address: '4 Mill Lane\nVillage',
  postcode: 'BR1 1AA',
  gp: 'Mill Lane Practice',
  diagnosis: 'Both a learning disability and autism',
  reasons: [FIRST_REASON],
  consent: {
    legend: CONSENT_16,
    answer: CANNOT_DECIDE,
    capacityDetail: 'Her brother and I help her decide.',
  },
  fillerName: 'Dara Ó Briain',
  relationship: 'Her paid carer',
  method: 'Letter',
  letterAddress: '9 Carer Close\nTown\nBR2 2BB',
  needs: ['An advocate, or someone to help'],
};

const group = (page: Page, legend: string) => page.getByRole('group', { name: legend, exact: true });
const continueButton = (page: Page) => page.getByRole('button', { name: 'Continue', exact: true });

/** Answers one topic, as a person would: only what the journey says. */
async function answerStep(page: Page, referral: Referral, step: StepId, j: Journey): Promise<void> {
  switch (step) {
    case 'safety':
      await group(page, DANGER_QUESTION)
        .getByLabel(j.danger ? 'Yes' : 'No', { exact: true })
        .check();
      return;
    case 'who':
      await group(page, 'Who is filling in this form?').getByLabel(j.filler, { exact: true }).check();
      return;
    case 'person':
      await page.getByLabel("The person's full name", { exact: true }).fill(j.name);
      await page.getByLabel('Day', { exact: true }).fill(j.dob[0]);
      await page.getByLabel('Month', { exact: true }).fill(j.dob[1]);
      await page.getByLabel('Year', { exact: true }).fill(j.dob[2]);
      await page.getByLabel("The person's home address", { exact: true }).fill(j.address);
      await page.getByLabel('Postcode', { exact: true }).fill(j.postcode);
      // An area with one place (Essex) does not ask.
      if (referral.settings.places.list.length > 1)
        await group(page, `Which ${referral.settings.places.kind} does the person live in?`)
          .getByLabel(referral.place, { exact: true })
          .check();
      else
        await expect(
          page.getByRole('group', { name: `Which ${referral.settings.places.kind} does the person live in?` }),
        ).toHaveCount(0);
      if (j.gp) await page.getByLabel("The person's GP surgery", { exact: true }).fill(j.gp);
      else await page.getByLabel('I do not know the GP surgery', { exact: true }).check();
      if (j.nhsNumber) await page.getByLabel("The person's NHS number (optional)", { exact: true }).fill(j.nhsNumber);
      return;
    case 'diagnosis':
      await group(page, 'Does the person have a learning disability, or are they autistic?')
        .getByLabel(j.diagnosis, { exact: true })
        .check();
      return;
    case 'support': {
      const reasons = group(page, 'Why might the person need extra support now?');
      for (const reason of j.reasons)
        await reasons.getByLabel(inArea(referral.settings, reason), { exact: true }).check();
      if (j.reasonsOther) await page.getByLabel('Tell us the other reason', { exact: true }).fill(j.reasonsOther);
      if (j.happening) await page.getByLabel('What is happening now? (optional)', { exact: true }).fill(j.happening);
      return;
    }
    case 'consent':
      await group(page, j.consent.legend)
        .getByLabel(inArea(referral.settings, j.consent.answer), { exact: true })
        .check();
      if (j.consent.capacityDetail)
        await page
          .getByLabel('Who helps the person make big decisions? (optional)', { exact: true })
          .fill(j.consent.capacityDetail);
      return;
    case 'contact':
      if (j.fillerName) await page.getByLabel('Your full name', { exact: true }).fill(j.fillerName);
      if (j.relationship) await page.getByLabel('How do you know the person?', { exact: true }).fill(j.relationship);
      await group(page, 'What is the best way to contact you?').getByLabel(j.method, { exact: true }).check();
      if (j.phone) await page.getByLabel('Your phone number', { exact: true }).fill(j.phone);
      if (j.email) await page.getByLabel('Your email address', { exact: true }).fill(j.email);
      if (j.letterAddress) await page.getByLabel('Your address for letters', { exact: true }).fill(j.letterAddress);
      return;
    case 'needs': {
      const needs = group(page, 'Do you or the person need help to communicate with us?');
      for (const need of j.needs) await needs.getByLabel(need, { exact: true }).check();
      if (j.needsLanguage) await page.getByLabel('Which language?', { exact: true }).fill(j.needsLanguage);
      return;
    }
  }
}

/** The check page's answers: the browser's check step, or the server's check page. */
const answers = (page: Page) => page.locator('[data-check-summary]:visible, form[data-form="referral-check"]');

/** The heading of the step (JavaScript) that should have focus. */
const stepHeading = (page: Page, title: string) => page.locator('[data-step-heading]:visible', { hasText: title });

/** Opens the form; with JavaScript, waits until it is in steps. */
async function openForm(page: Page, referral: Referral, javaScript: boolean): Promise<void> {
  const response = await page.goto(referral.origin + FORM);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['cache-control']).toBe('no-store');
  await expect(page.locator('form[data-steps]')).toHaveCount(javaScript ? 1 : 0);
  if (javaScript) await expect(stepHeading(page, STEP_TITLES.safety)).toContainText('Step 1 of 8');
}

/**
 * Answers every topic from `from` up to (not including) `until`: with
 * JavaScript one step at a time (Continue, and the next step's heading takes
 * focus); without it, the one form. `until: 'check'` goes on to the check page.
 */
async function answerUpTo(
  page: Page,
  referral: Referral,
  javaScript: boolean,
  j: Journey,
  until: StepId | 'check',
  from: StepId = 'safety',
): Promise<void> {
  const first = STEP_IDS.indexOf(from);
  const last = until === 'check' ? STEP_IDS.length : STEP_IDS.indexOf(until);
  for (let index = first; index < last; index++) {
    const step = STEP_IDS[index]!;
    await answerStep(page, referral, step, j);
    if (!javaScript) continue;
    await continueButton(page).click();
    const next = STEP_IDS[index + 1];
    await expect(stepHeading(page, next ? STEP_TITLES[next] : CHECK_TITLE)).toBeFocused();
    if (next) await expect(stepHeading(page, STEP_TITLES[next])).toContainText(`Step ${index + 2} of 8`);
  }
  if (!javaScript && until === 'check') {
    const reply = page.waitForResponse((r) => r.request().method() === 'POST');
    await continueButton(page).click();
    const response = await reply;
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('no-store');
    await expect(page.locator('h1')).toHaveText(CHECK_TITLE);
  }
  if (until === 'check') await expect(page.getByRole('heading', { name: CHECK_TITLE })).toBeVisible();
}

/**
 * The words of main a person reads, with the "(opens in a new tab)" of hard-word
 * links left out, so a sentence reads the same whichever word is linked first on the page.
 */
async function wordsOnScreen(page: Page): Promise<string> {
  const text = await page.locator('main').innerText();
  return text.replace(/ ?\(opens in a new tab\)/g, '').replace(/\s+/g, ' ');
}

/** The POSTs the page sends to the form's address. */
function recordPosts(page: Page): Request[] {
  const posts: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === FORM) posts.push(request);
  });
  return posts;
}

const sentConfirm = (posts: Request[]) =>
  posts.filter((post) => new URLSearchParams(post.postData() ?? '').get('confirm') === 'yes');

/** Presses Send referral; returns the reference from the confirmation page's address. */
async function send(page: Page, referral: Referral): Promise<string> {
  await page.getByRole('button', { name: 'Send referral' }).click();
  await expect(page).toHaveURL(/\/refer\/sent\?ref=DSR-[0-9A-Z]{4}-[0-9A-Z]{4}(&by=\d{4}-\d\d-\d\d)?$/);
  const url = new URL(page.url());
  expect([...url.searchParams.keys()].sort()).toEqual(referral.settings.reply.onlineForm ? ['by', 'ref'] : ['ref']);
  await expect(page.locator('h1')).toHaveText('We have your referral');
  const reference = url.searchParams.get('ref')!;
  await expect(page.locator('.form-panel')).toContainText(reference);
  return reference;
}

/** The email reached the SMTP server with the register, the place, the headings in order and these lines. */
async function expectEmail(
  referral: Referral,
  reference: string,
  register: 'children' | 'adults',
  lines: string[],
  danger = false,
): Promise<Mail> {
  const mail = await referral.inbox.waitFor(reference);
  expect(mail.to).toEqual([referral.settings.mailbox]);
  expect(mail.subject).toBe(
    `${danger ? 'DANGER NOW: ' : ''}DSR referral ${reference}, ${referral.register(register)}, ${referral.place}`,
  );
  const at = HEADINGS.map((heading) => mail.text.indexOf(`\n${heading}\n`));
  expect(
    at.every((index) => index > 0),
    `headings in ${mail.text}`,
  ).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  expect(mail.text).toContain(`Register: ${referral.register(register)}`);
  const kind = referral.settings.places.kind;
  expect(mail.text).toContain(`${kind.charAt(0).toUpperCase()}${kind.slice(1)}: ${referral.place}`);
  if (referral.settings.reply.onlineForm) {
    const whose = referral.settings.reply.onlineForm.source.own ? ", this website's promise to the person" : '';
    expect(mail.text).toContain(`Reply by: Tuesday 24 November 2026 (2 working days${whose})`);
    expect(mail.text).toContain('\nReply by\n');
  } else {
    expect(mail.text).not.toContain('Reply by');
  }
  for (const line of lines) expect(mail.text).toContain(line);
  return mail;
}

async function expectNothingStored(page: Page): Promise<void> {
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, '']);
}

async function expectAccessible(page: Page, javaScriptEnabled: boolean, state: string): Promise<void> {
  expect(await accessibilityProblems(page, { javaScriptEnabled }), `axe and HTML_CodeSniffer: ${state}`).toEqual([]);
}

test.describe('journeys that send', () => {
  test('a parent referring a 12-year-old: the young person agrees (Gillick) where the area allows it, else the parents', async ({
    page,
    referral,
    javaScriptEnabled,
  }) => {
    await openForm(page, referral, javaScriptEnabled);
    const posts = recordPosts(page);
    await answerUpTo(page, referral, javaScriptEnabled, parentOf12, 'consent');
    // Under 16: only the young person's consent question is asked with JavaScript.
    if (javaScriptEnabled) await expect(group(page, CONSENT_16)).toBeHidden();
    const gillick = referral.settings.consent.younger.gillick;
    const youngPerson = group(page, CONSENT_UNDER_16).getByLabel(
      'The young person understands and agrees for themselves',
    );
    if (gillick) {
      await youngPerson.check();
      await expect(page.getByText('This is called Gillick competence.', { exact: true })).toBeVisible();
      await expect(
        page.getByRole('link', { name: 'What is Gillick competence? (opens in a new tab)' }),
      ).toHaveAttribute('href', '/hard-words#gillick-competence');
    } else {
      // The area's consent model: parents or legal guardians decide for under-16s.
      await expect(youngPerson).toHaveCount(0);
      await expect(page.getByText(/Gillick/)).toHaveCount(0);
    }
    await answerStep(page, referral, 'consent', parentOf12);
    await answerUpTo(page, referral, javaScriptEnabled, parentOf12, 'check', 'consent');
    const summary = answers(page);
    await expect(summary).toContainText('5 March 2014');
    await expect(summary).toContainText('SE1 7EH');
    await expect(summary).toContainText('943 476 5919');
    await expect(summary).toContainText(inArea(referral.settings, UNDER_16_YES));
    await expectNothingStored(page);

    const reference = await send(page, referral);
    expect(sentConfirm(posts)).toHaveLength(1);
    expect(page.url(), 'no personal data in the address').not.toMatch(/Zo|Kowal|2014|Polish|anna/i);
    const mail = await expectEmail(referral, reference, 'children', [
      'Full name\n    Zoë Kowalska-Nowak',
      'Age on the day of sending\n    12',
      'Who filled this in\n    A parent, or someone with parental responsibility',
      'Their name\n    Anna Kowalska',
      'NHS number\n    943 476 5919',
      'GP surgery\n    Acacia Road Surgery',
      'Learning disability or autism\n    Autism (the person is autistic)',
      'Other reason\n    Not going to school',
      'She is not sleeping & <b>very</b> upset.\n    Things are getting worse.',
      'Age band on the day of sending\n    Under 16',
      gillick ? 'Gillick competence' : 'Parents or legal guardians agree.',
      'Email address\n    anna@example.com',
      'Needs\n    An interpreter for another language',
      'Language\n    Polish',
    ]);
    expect(mail.replyTo).toEqual(['anna@example.com']);
    expect(mail.subject).not.toMatch(/Zo|Kowal|autis|Polish/i);
    expect(mail.html).toContain('She is not sleeping &amp; &lt;b&gt;very&lt;/b&gt; upset.');
    await expectNothingStored(page);

    // Refresh sends nothing more; Back does not send again by itself.
    await page.reload();
    await expect(page.locator('h1')).toHaveText('We have your referral');
    // Without JavaScript the page before is the check page, a POST result: the browser asks before
    // sending it again (net::ERR_CACHE_MISS here), and that post would only show the check page.
    await page.goBack().catch((error: Error) => {
      if (javaScriptEnabled || !/ERR_CACHE_MISS/.test(error.message)) throw error;
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(referral.inbox.count(reference)).toBe(1);
    expect(sentConfirm(posts)).toHaveLength(1);
  });

  test('an autistic adult referring themselves', async ({ page, referral, javaScriptEnabled }) => {
    await openForm(page, referral, javaScriptEnabled);
    await answerUpTo(page, referral, javaScriptEnabled, autisticAdult, 'contact');
    // Asking for yourself: your own name and relationship are not asked again (WCAG 3.3.7).
    if (javaScriptEnabled) {
      await expect(page.getByLabel('Your full name', { exact: true })).toBeHidden();
      await expect(page.getByLabel('How do you know the person?', { exact: true })).toBeHidden();
    }
    await answerUpTo(page, referral, javaScriptEnabled, autisticAdult, 'check', 'contact');
    await expect(answers(page)).toContainText('15 June 1990');
    await expect(answers(page)).not.toContainText('Your name');
    const reference = await send(page, referral);
    const mail = await expectEmail(referral, reference, 'adults', [
      'Full name\n    Alex Taylor',
      'Age on the day of sending\n    36',
      'Who filled this in\n    The person themselves',
      'Postcode\n    CM1 1QH',
      'GP surgery\n    They do not know',
      'NHS number\n    Not given',
      `Reasons\n    ${inArea(referral.settings, FIRST_REASON)}`,
      'Age band on the day of sending\n    16 or over',
      'The person agrees to be on the DSR (their own consent).',
      'Best way to contact\n    Phone call',
      '020 7946 0123 (as typed)',
      '+442079460123 (to dial)',
      'Needs\n    Easy read letters and papers\n    A quiet place, or a set time to talk',
    ]);
    expect(mail.replyTo).toEqual([]);
    expect(mail.text).not.toContain('Their name');
  });

  test('a carer for an adult who may not be able to decide (mental capacity, best interests)', async ({
    page,
    referral,
    javaScriptEnabled,
  }) => {
    await openForm(page, referral, javaScriptEnabled);
    await answerUpTo(page, referral, javaScriptEnabled, carerForAdult, 'consent');
    const note = page.getByText(
      'A health or care worker checks if the person can decide. This is a Mental Capacity Assessment.',
    );
    if (javaScriptEnabled) {
      await expect(group(page, CONSENT_UNDER_16)).toBeHidden();
      await expect(note).toBeHidden();
    }
    await answerStep(page, referral, 'consent', carerForAdult);
    // The area's consent model: a best interests meeting after a Mental Capacity Assessment, or the parents.
    const bestInterests = referral.settings.consent.cannotDecide.decidedBy === 'best-interests-meeting';
    if (referral.settings.consent.cannotDecide.assessment) await expect(note).toBeVisible();
    else await expect(note).toHaveCount(0);
    const meeting = page.getByText(
      'If the person cannot decide, people who know them meet. This is a best interests meeting.',
    );
    const bestInterestsLink = page.getByRole('link', { name: 'What are best interests? (opens in a new tab)' });
    if (bestInterests) {
      await expect(meeting).toBeVisible();
      await expect(bestInterestsLink).toHaveAttribute('href', '/hard-words#best-interests');
    } else {
      await expect(meeting).toHaveCount(0);
      await expect(bestInterestsLink).toHaveCount(0);
      await expect(
        page.getByText('If the person cannot decide, the choice is made by their parents or legal guardians.'),
      ).toBeVisible();
    }
    await expect(page.getByRole('link', { name: 'What is mental capacity? (opens in a new tab)' })).toHaveAttribute(
      'href',
      '/hard-words#mental-capacity',
    );
    await answerUpTo(page, referral, javaScriptEnabled, carerForAdult, 'check', 'consent');
    await expect(answers(page)).toContainText('Her brother and I help her decide.');
    const reference = await send(page, referral);
    await expectEmail(referral, reference, 'adults', [
      "Full name\n    Siobhán O'Neill",
      'Age on the day of sending\n    26',
      'Who filled this in\n    A carer, family member or friend',
      'Their name\n    Dara Ó Briain',
      'How they know the person\n    Her paid carer',
      'Learning disability or autism\n    Both a learning disability and autism',
      'Age band on the day of sending\n    16 or over',
      ...(bestInterests
        ? ['Mental Capacity Assessment', 'best interests decision under the Mental Capacity Act 2005']
        : ['The person cannot decide (mental capacity). Parents or legal guardians agree for them.']),
      'Who helps them make big decisions\n    Her brother and I help her decide.',
      'Best way to contact\n    Letter',
      'Address for letters\n    9 Carer Close\n    Town\n    BR2 2BB',
      'Needs\n    An advocate, or someone to help',
    ]);
  });

  test('danger: the crisis lines show at once, the form says the team will not read it today, and the email is marked', async ({
    page,
    referral,
    javaScriptEnabled,
  }) => {
    await openForm(page, referral, javaScriptEnabled);
    const help = page.locator('.referral-danger').first();
    if (javaScriptEnabled) await expect(help).toBeHidden();
    else await expect(help).toBeVisible();
    // The crisis page's words for 999 and for NHS 111 option 2.
    await expect(page.locator('[data-field="danger"]')).toContainText(
      'someone may hurt themselves or others right now. Or someone cannot cope, or is not safe.',
    );
    await group(page, DANGER_QUESTION).getByLabel('Yes', { exact: true }).check();
    // Shown the moment Yes is chosen, before Continue, right after the question.
    await expect(help).toBeVisible();
    await expect(help).toContainText('The DSR team will not read this form today. Get help now.');
    await expect(help.getByRole('heading', { name: 'If anyone is in danger, get help now' })).toBeVisible();
    await expect(help.locator('a[href="tel:999"]')).toHaveText('call 999');
    await expect(help.locator('a[href="tel:111"]')).toHaveText('call NHS 111');
    await expect(help).toContainText('choose option 2');
    // Open lines with their number to call; closed ones say so and point to NHS 111 option 2 (src/crisis/lines.ts).
    for (const line of referral.settings.crisisLines) {
      if (line.phone) await expect(help).toContainText(line.name);
    }
    await expect(help).toContainText('You can carry on with this form after you get help.');
    const box = await help.boundingBox();
    const question = await page.locator('[data-field="danger"]').boundingBox();
    expect(box!.y).toBeGreaterThan(question!.y);

    await answerUpTo(page, referral, javaScriptEnabled, { ...autisticAdult, danger: true }, 'check');
    // The check page puts the crisis lines first again.
    const again = page.locator('.referral-danger:visible').first();
    await expect(again).toContainText(
      'You told us someone is in danger or in a crisis. The DSR team will not read this form today.',
    );
    const reference = await send(page, referral);
    await expect(page.getByRole('heading', { name: 'If things get worse' })).toBeVisible();
    await expect(page.locator('.referral-danger a[href="tel:999"]')).toBeVisible();
    // The team's shared inbox sorts it first by the subject's marker; the subject carries no name.
    const mail = await expectEmail(
      referral,
      reference,
      'adults',
      [
        'Danger right now: YES: someone is in danger now, or in a mental health crisis. See Safety.',
        `${DANGER_QUESTION}\n    Yes`,
      ],
      true,
    );
    expect(mail.subject.startsWith('DANGER NOW: ')).toBe(true);
    expect(mail.subject).not.toMatch(/Alex|Taylor/i);
  });
});

test.describe('no consent', () => {
  test('nobody agrees: an easy-read page says why, offers a call or other ways, and nothing is sent', async ({
    page,
    referral,
    javaScriptEnabled,
  }) => {
    await openForm(page, referral, javaScriptEnabled);
    const posts = recordPosts(page);
    const refusing: Journey = {
      ...autisticAdult,
      dob: ['1', '1', '2009'],
      consent: { legend: CONSENT_16, answer: NO_16 },
    };
    const no = inArea(referral.settings, NO_16);
    await answerUpTo(page, referral, javaScriptEnabled, refusing, 'consent');
    await answerStep(page, referral, 'consent', refusing);
    if (javaScriptEnabled) {
      await continueButton(page).click();
      await expect(stepHeading(page, NO_CONSENT_TITLE)).toBeFocused();
      await expect(continueButton(page)).toBeHidden();
    } else {
      for (const step of STEP_IDS.slice(STEP_IDS.indexOf('contact'))) await answerStep(page, referral, step, refusing);
      const reply = page.waitForResponse((r) => r.request().method() === 'POST');
      await continueButton(page).click();
      expect((await reply).status()).toBe(200);
      await expect(page.locator('h1')).toHaveText(NO_CONSENT_TITLE);
      await expect(page).toHaveTitle(new RegExp(`^${NO_CONSENT_TITLE} - `));
    }
    await expect(
      page.getByText('We have not sent your answers. This form cannot ask for the person without consent.'),
    ).toBeVisible();
    // "A choice" and "added without consent", explained together as the area's consent model says.
    const said = await wordsOnScreen(page);
    const keepSafe = 'Then data protection law lets the team add them without consent, to keep everyone safe.';
    if (referral.settings.consent.keepingSafe) expect(said).toContain(keepSafe);
    else {
      expect(said).not.toContain(keepSafe);
      expect(said).toContain(
        'Being on the DSR is a choice. The person makes it, or their parents or legal guardians make it for them.',
      );
    }
    const other = referral.settings.join.phone?.callback
      ? page.getByRole('link', { name: 'Ask us to call you' })
      : page.getByRole('link', { name: 'See the ways to contact the DSR team' });
    await expect(other).toHaveAttribute(
      'href',
      referral.settings.join.phone?.callback ? '/ask-for-a-call' : '/how-to-join',
    );
    await expectAccessible(page, javaScriptEnabled, 'the no-consent page');
    expect(sentConfirm(posts)).toHaveLength(0);

    // Changing the answer goes back to the consent question, answers kept.
    await page.getByRole('button', { name: 'Change your answer' }).click();
    await expect(group(page, CONSENT_16)).toBeVisible();
    await expect(group(page, CONSENT_16).getByLabel(no, { exact: true })).toBeChecked();
    await expect(page.getByLabel("The person's full name", { exact: true })).toHaveValue('Alex Taylor');
    if (!javaScriptEnabled) await expect(group(page, CONSENT_16).getByLabel(no, { exact: true })).toBeFocused();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(
      referral.inbox.messages.filter((mail) => mail.text.includes('Alex Taylor') && mail.text.includes('2009')),
    ).toHaveLength(0);
    expect(sentConfirm(posts)).toHaveLength(0);
  });
});

test.describe('errors', () => {
  test('errors on every step: the summary takes focus, each message by its question, axe and HTML_CodeSniffer clean', async ({
    page,
    referral,
    javaScriptEnabled,
  }) => {
    await openForm(page, referral, javaScriptEnabled);
    const summary = page.locator('[data-error-summary]');
    const kind = referral.settings.places.kind;
    // An area with one place does not ask where the person lives.
    const placeError =
      referral.settings.places.list.length > 1 ? [`Select the ${kind} the person lives in, or I am not sure`] : [];
    const expectErrors = async (messages: string[], state: string) => {
      await expect(summary.getByRole('heading', { level: 2 })).toHaveText('There is a problem');
      await expect(summary).toBeFocused();
      await expect(summary.getByRole('link')).toHaveText(messages);
      await expect(page).toHaveTitle(/^Error: Ask to join the DSR - /);
      for (const link of await summary.getByRole('link').all()) {
        const id = (await link.getAttribute('href'))!.slice(1);
        await expect(page.locator(`#${id}`)).toBeVisible();
      }
      await expectAccessible(page, javaScriptEnabled, state);
    };

    if (!javaScriptEnabled) {
      const reply = page.waitForResponse((r) => r.request().method() === 'POST');
      await continueButton(page).click();
      expect((await reply).status()).toBe(422);
      await expectErrors(
        [
          'Select yes if anyone is in danger now, or in a mental health crisis',
          'Select who is filling in this form',
          "Enter the person's full name",
          "Enter the person's date of birth",
          "Enter the person's home address",
          'Enter the postcode',
          ...placeError,
          'Enter the name of the GP surgery, or select I do not know',
          'Select the answer that fits the person best',
          'Select why the person might need extra support now',
          'Select the best way to contact you',
        ],
        'the empty form',
      );
      // The follow-up questions' own errors, once the answers that ask them are given; every answer kept.
      // The 16-and-over consent question is answered by mistake: under 16, the other one is asked.
      const mistakes: Journey = {
        ...parentOf12,
        email: 'anna at example',
        nhsNumber: '943 476 5918',
        reasonsOther: '',
        consent: { legend: CONSENT_16, answer: 'Yes, the person agrees' },
      };
      await answerUpTo(page, referral, false, mistakes, 'needs');
      await page.getByLabel('Your full name', { exact: true }).fill('');
      await group(page, 'Do you or the person need help to communicate with us?')
        .getByLabel('Something else', { exact: true })
        .check();
      await continueButton(page).click();
      await expectErrors(
        [
          'NHS number is not right. Check each number',
          'Enter the other reason',
          'Select who agrees to the young person being on the DSR',
          'Enter your full name',
          'Enter an email address in the correct format, like name@example.com',
          'Enter the other help you need',
        ],
        'follow-up questions',
      );
      await expect(page.getByLabel('Your email address', { exact: true })).toHaveValue('anna at example');
      await expect(page.getByLabel('Day', { exact: true })).toHaveValue('5');
      await expect(
        group(page, 'Why might the person need extra support now?').getByLabel('Something else', { exact: true }),
      ).toBeChecked();
      return;
    }

    const expected: Record<StepId, string[]> = {
      safety: ['Select yes if anyone is in danger now, or in a mental health crisis'],
      who: ['Select who is filling in this form'],
      person: [
        "Enter the person's full name",
        "Enter the person's date of birth",
        "Enter the person's home address",
        'Enter the postcode',
        ...placeError,
        'Enter the name of the GP surgery, or select I do not know',
      ],
      diagnosis: ['Select the answer that fits the person best'],
      support: ['Select why the person might need extra support now'],
      consent: ['Select who agrees to the young person being on the DSR'],
      contact: ['Enter your full name', 'Enter how you know the person', 'Select the best way to contact you'],
      needs: [],
    };
    const posts = recordPosts(page);
    for (const step of STEP_IDS) {
      if (step === 'needs') {
        // Nothing is required here; a chosen "another language" asks which.
        await group(page, 'Do you or the person need help to communicate with us?')
          .getByLabel('An interpreter for another language')
          .check();
        await continueButton(page).click();
        await expectErrors(['Enter the language'], 'the needs step');
      } else {
        await continueButton(page).click();
        await expectErrors(expected[step], `the ${step} step`);
        // The summary's links move focus to the question.
        await summary.getByRole('link').first().click();
        await expect(
          page.locator(`#${(await summary.getByRole('link').first().getAttribute('href'))!.slice(1)}`),
        ).toBeFocused();
      }
      await answerStep(page, referral, step, parentOf12);
      await continueButton(page).click();
      await expect(summary).toHaveCount(0);
      await expect(page).toHaveTitle(/^Ask to join the DSR - /);
    }
    await expect(page.getByRole('heading', { name: CHECK_TITLE })).toBeFocused();
    expect(posts, 'checked in the browser: nothing sent').toHaveLength(0);
  });

  test('bad values: the describing messages and every answer kept', async ({ page, referral, javaScriptEnabled }) => {
    await openForm(page, referral, javaScriptEnabled);
    const bad: Journey = {
      ...autisticAdult,
      name: 'R2D2',
      dob: ['31', '2', '2000'],
      postcode: 'SE1',
      nhsNumber: '943 476 591',
      gp: 'x'.repeat(101),
    };
    await answerUpTo(page, referral, javaScriptEnabled, bad, 'person');
    await answerStep(page, referral, 'person', bad);
    if (!javaScriptEnabled)
      for (const step of STEP_IDS.slice(3))
        await answerStep(page, referral, step, { ...autisticAdult, dob: ['1', '1', '2030'] });
    await continueButton(page).click();
    await expect(page.locator('[data-error-summary]').getByRole('link')).toHaveText([
      'Full name must only include letters, spaces, hyphens, full stops and apostrophes',
      'Date of birth must be a real date',
      'Enter a real postcode, like SE1 7EH',
      'GP surgery must be 100 characters or fewer',
      'NHS number must be 10 numbers',
    ]);
    await expect(page.getByLabel("The person's full name", { exact: true })).toHaveValue('R2D2');
    await expect(page.getByLabel('Day', { exact: true })).toHaveValue('31');
    await expect(page.getByLabel('Postcode', { exact: true })).toHaveValue('SE1');
    // A date in the future.
    await page.getByLabel('Year', { exact: true }).fill('2030');
    await page.getByLabel('Day', { exact: true }).fill('1');
    await continueButton(page).click();
    await expect(page.locator('#dob-error')).toHaveText('Error: Date of birth must be in the past');
  });
});

test.describe('check your answers', () => {
  test('change an answer from the check page: back at the question with answers kept, then back to the check page', async ({
    page,
    referral,
    javaScriptEnabled,
  }) => {
    await openForm(page, referral, javaScriptEnabled);
    const posts = recordPosts(page);
    await answerUpTo(page, referral, javaScriptEnabled, autisticAdult, 'check');

    // A simple change: the diagnosis.
    await page.getByRole('button', { name: 'Change learning disability or autism' }).click();
    const diagnosis = group(page, 'Does the person have a learning disability, or are they autistic?');
    await expect(diagnosis.getByLabel('Autism (the person is autistic)')).toBeChecked();
    await expect(diagnosis.getByLabel('Autism (the person is autistic)')).toBeFocused();
    await expect(page.getByLabel("The person's full name", { exact: true })).toHaveValue('Alex Taylor');
    await diagnosis.getByLabel('A learning disability', { exact: true }).check();
    await continueButton(page).click();
    await expect(page.getByRole('heading', { name: CHECK_TITLE })).toBeVisible();
    await expect(answers(page)).toContainText('A learning disability');

    // A change that asks a new question: a date of birth under 16 needs the young person's consent question.
    const { decidedBy } = referral.settings.consent.younger;
    const parentYes = `Yes, ${DECIDER_AGREES[decidedBy]}`;
    await page.getByRole('button', { name: 'Change date of birth' }).click();
    await expect(page.getByLabel('Day', { exact: true })).toBeFocused();
    await page.getByLabel('Year', { exact: true }).fill('2012');
    if (javaScriptEnabled) {
      await continueButton(page).click();
      await expect(stepHeading(page, STEP_TITLES.consent)).toBeFocused();
      await group(page, CONSENT_UNDER_16).getByLabel(parentYes, { exact: true }).check();
      await continueButton(page).click();
    } else {
      await continueButton(page).click();
      await expect(page.locator('[data-error-summary]').getByRole('link')).toHaveText([
        'Select who agrees to the young person being on the DSR',
      ]);
      await group(page, CONSENT_UNDER_16).getByLabel(parentYes, { exact: true }).check();
      await continueButton(page).click();
    }
    await expect(page.getByRole('heading', { name: CHECK_TITLE })).toBeVisible();
    await expect(answers(page)).toContainText('15 June 2012');
    await expect(answers(page)).toContainText(parentYes);
    await expect(answers(page)).not.toContainText('Yes, the person agrees');
    await expectAccessible(page, javaScriptEnabled, 'the check page after changes');

    const reference = await send(page, referral);
    expect(sentConfirm(posts)).toHaveLength(1);
    await expectEmail(referral, reference, 'children', [
      'Learning disability or autism\n    A learning disability',
      'Date of birth\n    15 June 2012',
      'Age on the day of sending\n    14',
      decidedBy === 'parent-or-carer' ? 'A parent or carer agrees.' : 'Parents or legal guardians agree.',
    ]);
  });

  test('Change links name what they change, for screen readers', async ({ page, referral, javaScriptEnabled }) => {
    await openForm(page, referral, javaScriptEnabled);
    await answerUpTo(page, referral, javaScriptEnabled, parentOf12, 'check');
    const changes = page.getByRole('button', { name: /^Change / });
    await expect(changes.first()).toHaveText('Change is anyone in danger now, or in a mental health crisis?');
    for (const name of [
      'Change full name',
      'Change date of birth',
      'Change NHS number',
      'Change GP surgery',
      'Change who agrees?',
      'Change language',
    ]) {
      await expect(page.getByRole('button', { name, exact: true })).toHaveCount(1);
    }
    await expect(page.locator('.summary-list__actions .visually-hidden').first()).toHaveText(
      ' is anyone in danger now, or in a mental health crisis?',
    );
  });
});

test.describe('keyboard only', () => {
  test('the whole form and Send referral, from the keyboard alone', async ({ page, referral, javaScriptEnabled }) => {
    await openForm(page, referral, javaScriptEnabled);
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    const tabTo = async (id: string) => {
      for (let i = 0; i < 80 && (await focusedId()) !== id; i++) await page.keyboard.press('Tab');
      expect(await focusedId(), `Tab reaches #${id}`).toBe(id);
    };
    const tabToButton = async (name: string) => {
      for (let i = 0; i < 80; i++) {
        const text = await page.evaluate(() =>
          document.activeElement?.tagName === 'BUTTON' ? document.activeElement.textContent?.trim() : '',
        );
        if (text === name) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached the ${name} button`);
    };
    const next = async () => {
      if (!javaScriptEnabled) return;
      await tabToButton('Continue');
      await page.keyboard.press('Enter');
    };
    const radio = async (name: string, downs: number) => {
      await tabTo(name);
      for (let i = 0; i < downs; i++) await page.keyboard.press('ArrowDown');
      if (downs === 0) await page.keyboard.press('Space');
    };
    const type = async (id: string, text: string) => {
      await tabTo(id);
      await page.keyboard.type(text);
    };

    await radio('danger', 1); // No
    await next();
    await radio('filler', 0); // I am asking for myself
    await next();
    await type('name', 'Dara Ó Briain');
    await type('dob-day', '1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('feb');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1985');
    await type('address', '1 Quiet Street');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Town');
    await type('postcode', 'se1 7eh');
    if (referral.settings.places.list.length > 1) await radio('place', 4);
    await tabTo('gpUnknown');
    await page.keyboard.press('Space');
    await next();
    await radio('diagnosis', 2); // Both
    await next();
    await tabTo('reasons');
    await page.keyboard.press('Space'); // a mental health hospital
    await type('happening', 'Hard to leave the house.');
    await next();
    await radio('consent16', 0); // agrees
    await next();
    await radio('contactMethod', 1); // Text message
    await type('phone', '07700 900 982');
    await next();
    await tabTo('needs-3'); // BSL
    await page.keyboard.press('Space');
    await next();
    if (!javaScriptEnabled) {
      await tabToButton('Continue');
      await page.keyboard.press('Enter');
    }
    await expect(page.getByRole('heading', { name: CHECK_TITLE })).toBeVisible();
    await expect(answers(page)).toContainText('1 February 1985');
    await expect(answers(page)).toContainText('A British Sign Language (BSL) interpreter');
    await tabToButton('Send referral');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/refer\/sent\?ref=DSR-/);
    const reference = new URL(page.url()).searchParams.get('ref')!;
    await expectEmail(referral, reference, 'adults', [
      'Full name\n    Dara Ó Briain',
      'Date of birth\n    1 February 1985',
      'Home address\n    1 Quiet Street\n    Town',
      'Learning disability or autism\n    Both a learning disability and autism',
      'Mobile number (for texts)\n    07700 900 982 (as typed)',
      'Needs\n    A British Sign Language (BSL) interpreter',
    ]);
  });
});

test.describe('accessibility', () => {
  test('axe and HTML_CodeSniffer: every step (JavaScript) or the whole form, the check page and the confirmation', async ({
    page,
    referral,
    javaScriptEnabled,
  }) => {
    await openForm(page, referral, javaScriptEnabled);
    await expectAccessible(page, javaScriptEnabled, 'the form');
    if (javaScriptEnabled) {
      for (const step of STEP_IDS) {
        await answerStep(page, referral, step, { ...carerForAdult, danger: step === 'safety' });
        await expectAccessible(page, true, `the ${step} step, answered`);
        await continueButton(page).click();
      }
    } else {
      await answerUpTo(page, referral, false, { ...carerForAdult, danger: true }, 'needs');
      await answerStep(page, referral, 'needs', carerForAdult);
      await expectAccessible(page, false, 'the whole form, answered, with every note showing');
      await continueButton(page).click();
    }
    await expect(page.getByRole('heading', { name: CHECK_TITLE })).toBeVisible();
    await expectAccessible(page, javaScriptEnabled, 'the check page');
    await send(page, referral);
    await expectAccessible(page, javaScriptEnabled, 'the confirmation page');
  });

  test('the form has the accessible basics: novalidate, no required, legends, autocomplete for your own details, 44px targets', async ({
    page,
    referral,
    javaScriptEnabled,
  }) => {
    await openForm(page, referral, javaScriptEnabled);
    const form = page.locator('form[data-form="referral"]');
    await expect(form).toHaveAttribute('novalidate', '');
    await expect(form.locator('[required]')).toHaveCount(0);
    await expect(page.locator('#fillerName')).toHaveAttribute('autocomplete', 'name');
    await expect(page.locator('#phone')).toHaveAttribute('autocomplete', 'tel');
    await expect(page.locator('#phone')).toHaveAttribute('type', 'tel');
    await expect(page.locator('#email')).toHaveAttribute('autocomplete', 'email');
    await expect(page.locator('#email')).toHaveAttribute('spellcheck', 'false');
    // The person's details may be someone else's: no autocomplete from the form-filler's own.
    await expect(page.locator('#name')).not.toHaveAttribute('autocomplete', /.+/);
    if (javaScriptEnabled) {
      await expect(page.locator('[data-field="happening"] .form-character-count__status')).toBeHidden();
    } else {
      await expect(page.getByText('You can write up to 1000 characters.').first()).toBeVisible();
    }
    // Every id once (axe 4.11 no longer checks this; HTML_CodeSniffer and screen readers do).
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((el) => el.id));
    expect(
      ids.filter((id, index) => ids.indexOf(id) !== index),
      'duplicate ids',
    ).toEqual([]);
    const small = await page.evaluate(() =>
      [
        ...document.querySelectorAll(
          'form input:not([type="hidden"]):not(.form-choice__input):not(#leave-blank), form textarea, form button, .form-choice',
        ),
      ]
        .filter((el) => !(el as HTMLElement).closest('[hidden]'))
        .map((el) => ({ id: el.id || el.textContent?.trim(), box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.height < 44 || box.width < 44))
        .map(({ id, box }) => `${id}: ${Math.round(box.width)}x${Math.round(box.height)}`),
    );
    expect(small, 'targets smaller than 44 by 44 pixels').toEqual([]);
  });

  test('at 320px wide and with text at 200%, nothing scrolls sideways (form, errors, check page)', async ({
    page,
    referral,
    javaScriptEnabled,
  }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await openForm(page, referral, javaScriptEnabled);
    const noSideways = async (state: string) => {
      for (const zoom of ['100%', '200%']) {
        await page.evaluate((size) => (document.documentElement.style.fontSize = size), zoom);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${state}: sideways scroll at text ${zoom}`).toBeLessThanOrEqual(0);
      }
      await page.evaluate(() => (document.documentElement.style.fontSize = ''));
    };
    await continueButton(page).click();
    await expect(page.locator('[data-error-summary]')).toBeVisible();
    await noSideways('errors');
    await answerUpTo(page, referral, javaScriptEnabled, parentOf12, 'check');
    await noSideways('the check page');
  });
});

test.describe('with JavaScript', () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'needs JavaScript');

  test('Back (the button and the browser) moves between steps and never loses an answer; history holds no answers', async ({
    page,
    referral,
  }) => {
    await openForm(page, referral, true);
    await answerUpTo(page, referral, true, parentOf12, 'diagnosis');
    await expect(stepHeading(page, STEP_TITLES.diagnosis)).toBeFocused();
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(stepHeading(page, STEP_TITLES.person)).toBeFocused();
    await expect(page.getByLabel("The person's full name", { exact: true })).toHaveValue(parentOf12.name);
    await page.goBack();
    await expect(stepHeading(page, STEP_TITLES.who)).toBeFocused();
    await page.goForward();
    await page.goForward();
    await expect(stepHeading(page, STEP_TITLES.diagnosis)).toBeFocused();
    expect(page.url()).toBe(`${referral.origin}${FORM}`);
    expect(JSON.stringify(await page.evaluate(() => history.state))).not.toMatch(/Zo|Kowal|2014/);
    // Leaving the page with unsent answers asks first; staying keeps them.
    const dialogs: string[] = [];
    page.once('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await page.reload({ timeout: 2_000 }).catch(() => undefined);
    expect(dialogs).toEqual(['beforeunload']);
    await expect(page.getByLabel("The person's full name", { exact: true })).toHaveValue(parentOf12.name);
    await expectNothingStored(page);
  });

  test('the check step, then another page and Back: the answers are still there and nothing is sent twice', async ({
    page,
    referral,
  }) => {
    await openForm(page, referral, true);
    const posts = recordPosts(page);
    await answerUpTo(page, referral, true, autisticAdult, 'check');
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('link', { name: 'Privacy', exact: true }).click();
    await expect(page).toHaveURL(/\/privacy$/);
    await page.goBack();
    await expect(page.getByRole('heading', { name: CHECK_TITLE })).toBeVisible();
    await expect(answers(page)).toContainText('Alex Taylor');
    const reference = await send(page, referral);
    expect(sentConfirm(posts)).toHaveLength(1);
    expect(referral.inbox.count(reference) <= 1).toBe(true);
  });

  test('the character count shows as you type', async ({ page, referral }) => {
    await openForm(page, referral, true);
    await answerUpTo(page, referral, true, parentOf12, 'support');
    const status = page.locator('[data-field="happening"] .form-character-count__status');
    await expect(status).toHaveText('You have 1000 characters remaining');
    await page.getByLabel('What is happening now? (optional)', { exact: true }).fill('Hello\nthere');
    await expect(status).toHaveText('You have 989 characters remaining');
  });

  test('sending: one request however often Send referral is pressed', async ({ page, referral }) => {
    await openForm(page, referral, true);
    await answerUpTo(page, referral, true, autisticAdult, 'check');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**${FORM}`, async (route) => {
      if (route.request().method() === 'POST') await held;
      await route.continue();
    });
    const posts = recordPosts(page);
    const button = page.getByRole('button', { name: 'Send referral' });
    await button.click();
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await button.click({ force: true });
    await page.keyboard.press('Enter');
    release();
    await expect(page).toHaveURL(/\/refer\/sent\?ref=DSR-/);
    expect(posts).toHaveLength(1);
  });

  test('if the script does not load, the plain form still works', async ({ page, referral }) => {
    await page.route('**/_astro/**/*.js', (route) => route.abort());
    await page.goto(referral.origin + FORM);
    await expect(page.locator('form[data-steps]')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Help to communicate' })).toBeVisible();
    const reply = page.waitForResponse((r) => r.request().method() === 'POST');
    await continueButton(page).click();
    expect((await reply).status()).toBe(422);
    await expect(page.locator('[data-error-summary]')).toBeFocused();
  });
});

test.describe('without JavaScript', () => {
  test.skip(({ javaScriptEnabled }) => javaScriptEnabled, 'needs JavaScript off');

  test('one complete form: every question and follow-up on the page, each follow-up saying when to answer it', async ({
    page,
    referral,
  }) => {
    await openForm(page, referral, false);
    for (const title of Object.values(STEP_TITLES))
      await expect(page.getByRole('heading', { name: title })).toBeVisible();
    for (const label of [
      'Tell us the other reason',
      'Your full name',
      'Your phone number',
      'Your email address',
      'Your address for letters',
      'Which language?',
    ]) {
      await expect(page.getByLabel(label, { exact: true })).toBeVisible();
    }
    await expect(group(page, CONSENT_16)).toBeVisible();
    await expect(group(page, CONSENT_UNDER_16)).toBeVisible();
    await expect(page.getByText("Answer one question below. Choose the one for the person's age today.")).toBeVisible();
    await expect(page.getByText('Only if you chose email.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Back' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Send referral' })).toHaveCount(0);
  });

  test('the check page carries the answers in hidden fields (nothing on the server) and sends once, even if sent twice', async ({
    page,
    referral,
  }) => {
    await openForm(page, referral, false);
    await answerUpTo(page, referral, false, parentOf12, 'check');
    const hidden = await page
      .locator('form[data-form="referral-check"] input[type="hidden"]')
      .evaluateAll((inputs) =>
        inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value]),
      );
    const names = hidden.map(([name]) => name);
    expect(names).toContain('token');
    expect(hidden).toContainEqual(['name', parentOf12.name]);
    expect(hidden).toContainEqual(['dob-year', '2014']);
    expect(names).not.toContain('consent16');
    expect(names).not.toContain('phone');
    // Send, then post the same answers again (a double click, or a resubmit after Back): the same reference, one email.
    const body = new URLSearchParams(hidden as [string, string][]);
    body.set('confirm', 'yes');
    const reference = await send(page, referral);
    const again = await page.request.post(referral.origin + FORM, {
      data: body.toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: referral.origin },
      maxRedirects: 0,
    });
    expect(again.status()).toBe(303);
    expect(again.headers()['location']).toContain(`ref=${reference}`);
    await referral.inbox.waitFor(reference);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(referral.inbox.count(reference)).toBe(1);
  });

  test('print: no print button without JavaScript; the confirmation page checks its address', async ({
    page,
    referral,
  }) => {
    const good = await page.goto(`${referral.origin}/refer/sent?ref=DSR-7KQM-2XPT&by=2026-11-24`);
    expect(good?.status()).toBe(200);
    await expect(page.getByRole('button', { name: 'Print this page' })).toBeHidden();
    await expect(page.getByRole('heading', { name: 'What happens next' })).toBeVisible();
    const bad = await page.goto(`${referral.origin}/refer/sent?ref=not-a-reference`);
    expect(bad?.status()).toBe(404);
  });
});

test.describe('confirmation', () => {
  test('what happens next in this area, by when, and what to do if things get worse', async ({
    page,
    referral,
    area,
    javaScriptEnabled,
  }) => {
    await page.goto(
      `${referral.origin}/refer/sent?ref=DSR-7KQM-2XPT${referral.settings.reply.onlineForm ? '&by=2026-11-24' : ''}`,
    );
    await expect(page.locator('.form-panel')).toContainText('DSR-7KQM-2XPT');
    const settings = parse(readFileSync(path.join(ROOT, 'content/areas', area.id, 'area.yaml'), 'utf8')) as {
      process: { decidedBy: { text: string }; steps: { text: string }[] };
    };
    // The area's process, as on the after-you-ask page (components/blocks/Process.astro).
    await expect(page.getByText(`The decision is made by ${settings.process.decidedBy.text}.`)).toBeVisible();
    for (const step of settings.process.steps) await expect(page.getByText(step.text, { exact: true })).toBeVisible();
    // The reply-by date follows the form's own route's promise; the website's own promise is said as its own.
    const promise = referral.settings.reply.onlineForm;
    if (promise?.source.own)
      await expect(page.getByText('This website promises you a reply by Tuesday 24 November 2026.')).toBeVisible();
    else if (promise)
      await expect(page.getByText('The team will get back to you by Tuesday 24 November 2026.')).toBeVisible();
    else await expect(page.getByText('The team will get back to you as soon as they can.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'If things get worse' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'See all crisis lines (opens in a new tab)' })).toHaveAttribute(
      'href',
      '/crisis',
    );
    await expect(page.locator('button[data-print]')).toHaveCount(1);
    if (javaScriptEnabled) await expect(page.getByRole('button', { name: 'Print this page' })).toBeVisible();
  });
});
