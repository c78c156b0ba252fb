/**
 * The team's email for a referral and its hand-over to the queue: the
 * subject (reference, register, borough; never the name or health detail),
 * the headings in order, the consent basis, the communication needs, the
 * reply-by date where the area promises one, Reply-To, escaping, register
 * routing on the day of sending, and nothing sent without consent. Also the
 * POST flow through handleFormPost's `hold` (check page, change, no consent).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  EMAIL_HEADINGS,
  referralSubject,
  renderReferralEmail,
  type ReferralEmailInput,
} from '../../src/forms/referral/email.ts';
import { areaWords, referral, referralSettings } from '../../src/forms/referral/form.ts';
import { areaSettings } from '../support/areas.ts';
import { referralForm, type ReferralAnswers } from '../../src/forms/referral/schema.ts';
import type { Area } from '../../src/area/schema.ts';
import type { Accept } from '../../src/delivery/index.ts';
import { handleFormPost, holdUntilConfirmed } from '../../src/forms/kit/post.ts';
import { StoppedAnswersError, submitForm } from '../../src/forms/kit/submit.ts';
import { validate } from '../../src/forms/kit/browser/validate.ts';
import type { RawValues } from '../../src/forms/kit/browser/values.ts';
import type { OutgoingMessage } from '../../src/channels/mail/message.ts';
import { checkMessage } from '../../src/channels/mail/message.ts';
import { setClock } from '../../src/time/clock.ts';

const TEST_SOURCE = { own: 'test settings' };
const REGISTERS = [
  { id: 'children', name: 'Children and young people under 18', minAge: 0, maxAge: 17, source: TEST_SOURCE },
  { id: 'adults', name: 'Adults aged 18 and over', minAge: 18, source: TEST_SOURCE },
];
// The areas' own settings, with a test mailbox and the registers above.
const SEL: Area = {
  ...areaSettings('south-east-london'),
  mailbox: 'team@example.nhs.uk',
  reply: { onlineForm: { workingDays: 2, source: TEST_SOURCE } },
  registers: REGISTERS,
};
// An area with districts and no reply promise, with Essex's reasons and consent model.
const ESSEX: Area = {
  ...areaSettings('essex'),
  mailbox: 'team@example.nhs.uk',
  reply: {},
  registers: REGISTERS,
  places: { kind: 'district', list: ['Basildon', 'Castle Point'], source: TEST_SOURCE },
};

/** Friday 20 November 2026, 3pm in London: 2 working days later is Tuesday 24 November. */
const FRIDAY = new Date('2026-11-20T15:00:00Z');

const parent: ReferralAnswers = {
  danger: 'no',
  filler: 'parent',
  name: 'Zoë <b>Smith</b>',
  dob: '2014-03-05',
  address: '1 Road\nTown',
  postcode: 'SE1 7EH',
  place: 'Lewisham',
  gp: { known: false },
  diagnosis: 'autism',
  reasons: ['hospital', 'other'],
  reasonsOther: 'Excluded from school',
  happening: 'Things are hard at home & school.\nShe is not sleeping.',
  consentUnder16: 'young-person',
  fillerName: 'Ann Smith',
  relationship: 'Mum',
  contactMethod: 'email',
  email: 'ann@example.com',
  needs: ['bsl', 'language'],
  needsLanguage: 'Polish',
};

const input = (answers: ReferralAnswers, changes: Partial<ReferralEmailInput> = {}): ReferralEmailInput => ({
  reference: 'DSR-7KQM-2XPT',
  answers,
  receivedAt: FRIDAY,
  age: 12,
  register: REGISTERS[0],
  replyBy: '2026-11-24',
  replyWorkingDays: 2,
  areaName: 'South East London',
  words: areaWords(SEL),
  places: SEL.places.list,
  ...changes,
});

describe("the team's email", () => {
  test('subject: the reference, the register and the borough; never the name or health detail', () => {
    const email = renderReferralEmail(input(parent));
    assert.equal(email.subject, 'DSR referral DSR-7KQM-2XPT, Children and young people under 18, Lewisham');
    assert.doesNotMatch(email.subject, /Zo|Smith|autis|school|Polish/i);
    assert.equal(
      referralSubject({
        reference: 'DSR-7KQM-2XPT',
        register: REGISTERS[1],
        age: 40,
        words: areaWords(ESSEX),
        places: ESSEX.places.list,
        place: 'not-sure',
        danger: false,
      }),
      'DSR referral DSR-7KQM-2XPT, Adults aged 18 and over, District not known',
    );
  });

  test('danger now: the subject starts with the marker, and still carries no name', () => {
    const email = renderReferralEmail(input({ ...parent, danger: 'yes' }));
    assert.equal(email.subject, 'DANGER NOW: DSR referral DSR-7KQM-2XPT, Children and young people under 18, Lewisham');
    assert.doesNotMatch(email.subject, /Zo|Smith|Ann/i);
    assert.doesNotMatch(renderReferralEmail(input(parent)).subject, /DANGER/);
  });

  test("the consent basis follows the area's consent model", () => {
    const basis = (area: Area, answers: Partial<ReferralAnswers>) =>
      renderReferralEmail(input({ ...parent, ...answers }, { words: areaWords(area) })).text;
    assert.match(basis(SEL, { consentUnder16: 'parent' }), /A parent or carer agrees\./);
    assert.match(basis(ESSEX, { consentUnder16: 'parent' }), /Parents or legal guardians agree\./);
    const cannot = { consentUnder16: undefined, consent16: 'cannot-decide' as const };
    assert.match(basis(SEL, cannot), /Mental Capacity Assessment[\s\S]*best interests decision/);
    assert.match(
      basis(ESSEX, cannot),
      /The person cannot decide \(mental capacity\)\. Parents or legal guardians agree for them\./,
    );
    assert.doesNotMatch(basis(ESSEX, cannot), /best interests/);
  });

  test('the headings come in order, with the answers under them', () => {
    const { text } = renderReferralEmail(input(parent));
    const order = [
      EMAIL_HEADINGS.safety,
      EMAIL_HEADINGS.who,
      EMAIL_HEADINGS.person,
      EMAIL_HEADINGS.diagnosis,
      EMAIL_HEADINGS.support,
      EMAIL_HEADINGS.consent,
      EMAIL_HEADINGS.contact,
      EMAIL_HEADINGS.needs,
      EMAIL_HEADINGS.replyBy,
    ].map((heading) => text.indexOf(`\n${heading}\n${'-'.repeat(Math.min(heading.length, 60))}\n`));
    assert.ok(
      order.every((at) => at > 0),
      JSON.stringify(order),
    );
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
    );
    for (const line of [
      'Danger right now: No',
      'Register: Children and young people under 18',
      'Borough: Lewisham',
      'Reply by: Tuesday 24 November 2026 (2 working days)',
      'Reference: DSR-7KQM-2XPT',
      'Received: Friday 20 November 2026 at 3pm',
      'Who filled this in\n    A parent, or someone with parental responsibility',
      'Their name\n    Ann Smith',
      'Date of birth\n    5 March 2014',
      'Age on the day of sending\n    12',
      'Home address\n    1 Road\n    Town',
      'GP surgery\n    They do not know',
      'NHS number\n    Not given',
      'Learning disability or autism\n    Autism (the person is autistic)',
      'Reasons\n    They are at risk of going into a mental health hospital\n    Something else',
      'Other reason\n    Excluded from school',
      'Age band on the day of sending\n    Under 16',
      'The young person agrees for themselves (Gillick competence: to be confirmed by a professional).',
      'Email address\n    ann@example.com',
      'Needs\n    A British Sign Language (BSL) interpreter\n    An interpreter for another language',
      'Language\n    Polish',
      'Reply to the person who asked by\n    Tuesday 24 November 2026 (2 working days)',
    ]) {
      assert.ok(text.includes(line), line);
    }
  });

  test("a reply time that is this website's own promise is said to be, so the team knows where it came from", () => {
    const own = renderReferralEmail({ ...input(parent), replyPromiseIsOwn: true }).text;
    assert.match(own, /Reply by: Tuesday 24 November 2026 \(2 working days, this website's promise to the person\)/);
    assert.doesNotMatch(renderReferralEmail(input(parent)).text, /this website's promise/);
  });

  test('everything typed is escaped in the HTML', () => {
    const { html } = renderReferralEmail(input(parent));
    assert.ok(html.includes('Zoë &lt;b&gt;Smith&lt;/b&gt;'));
    assert.ok(!html.includes('<b>Smith'));
    assert.ok(html.includes('Things are hard at home &amp; school.<br>She is not sleeping.'));
    assert.ok(
      html.includes(
        '<h2 style="font-size:20px;margin-top:24px">Communication needs (Accessible Information Standard)</h2>',
      ),
    );
  });

  test('Reply-To is the form-filler’s email address when they gave one, and the message passes the queue’s check', () => {
    const email = renderReferralEmail(input(parent));
    assert.equal(email.replyTo, 'ann@example.com');
    assert.doesNotThrow(() => checkMessage({ to: 'team@example.nhs.uk', ...email }));
    const byPhone = renderReferralEmail(
      input({
        ...parent,
        contactMethod: 'phone',
        email: undefined,
        phone: { typed: '07700 900982', e164: '+447700900982' },
      }),
    );
    assert.equal('replyTo' in byPhone, false);
    assert.ok(byPhone.text.includes('Phone number\n    07700 900982 (as typed)\n    +447700900982 (to dial)'));
  });

  test('the consent basis for each answer', () => {
    const basis = (answers: Partial<ReferralAnswers>) =>
      renderReferralEmail(input({ ...parent, consentUnder16: undefined, ...answers }))
        .text.split(`${EMAIL_HEADINGS.consent}\n`)[1]!
        .split('\n\n\n')[0]!;
    assert.match(
      basis({ consent16: 'agrees' }),
      /16 or over[\s\S]*The person agrees to be on the DSR \(their own consent\)/,
    );
    const capacity = basis({ consent16: 'cannot-decide', capacityDetail: 'Her sister' });
    assert.match(capacity, /Mental Capacity Assessment/);
    assert.match(capacity, /best interests decision under the Mental Capacity Act 2005/);
    assert.match(capacity, /Who helps them make big decisions\n {4}Her sister/);
    assert.match(basis({ consentUnder16: 'parent' }), /Under 16[\s\S]*A parent or carer agrees/);
    assert.match(basis({ consentUnder16: 'young-person' }), /Gillick competence/);
  });

  test('danger: flagged first in the facts and under Safety', () => {
    const { text } = renderReferralEmail(input({ ...parent, danger: 'yes' }));
    assert.ok(
      text.includes('Danger right now: YES: someone is in danger now, or in a mental health crisis. See Safety.'),
    );
    assert.ok(text.indexOf('Danger right now') < text.indexOf('Register:'));
    assert.ok(text.includes('Is anyone in danger now, or in a mental health crisis?\n    Yes'));
    assert.ok(text.includes('Said the DSR team will not read this form today.'));
    assert.ok(text.includes('Showed 999, NHS 111 option 2 and the local crisis lines'));
  });

  test('an area that promises no reply time: no Reply by heading or fact', () => {
    const { text } = renderReferralEmail(
      input(parent, { replyBy: undefined, replyWorkingDays: undefined, words: areaWords(ESSEX) }),
    );
    assert.ok(!text.includes('Reply by'));
    assert.ok(text.includes('District: Lewisham'));
  });

  test('letters to someone asking for themselves go to their home address', () => {
    const self: ReferralAnswers = {
      ...parent,
      filler: 'self',
      fillerName: undefined,
      relationship: undefined,
      contactMethod: 'letter',
      email: undefined,
    };
    const { text } = renderReferralEmail(input(self));
    assert.ok(text.includes("Address for letters\n    The person's home address (see The person)"));
    assert.ok(text.includes('Who to contact\n    The person (they filled this in)'));
    assert.ok(!text.includes('Their name'));
  });
});

describe('handing a referral to the queue', () => {
  const queue = () => {
    const seen: { token: string; message: OutgoingMessage }[] = [];
    const byToken = new Map<string, string>();
    const accept: Accept = async ({ token, build }) => {
      const reference = byToken.get(token) ?? `DSR-7KQM-${'2345'.charAt(byToken.size)}XPT`;
      if (!byToken.has(token)) {
        byToken.set(token, reference);
        seen.push({ token, message: await build(reference) });
      }
      return { reference };
    };
    return { seen, accept };
  };

  test('the register and the reply-by date are worked out on the London day of sending; the same token sends once', async () => {
    setClock(() => FRIDAY);
    try {
      const { seen, accept } = queue();
      const submission = { data: parent, token: 'abcdefghijklmnopqrstuvwxyz' };
      const first = await submitForm(referral, SEL, submission, accept);
      const again = await submitForm(referral, SEL, submission, accept);
      assert.deepEqual(first, again);
      assert.equal(first.confirmation, `/refer/sent?ref=${first.reference}&by=2026-11-24`);
      assert.equal(seen.length, 1);
      assert.equal(seen[0]!.message.to, 'team@example.nhs.uk');
      assert.match(seen[0]!.message.subject, /Children and young people under 18, Lewisham$/);
      assert.equal(seen[0]!.message.replyTo, 'ann@example.com');
    } finally {
      setClock();
    }
  });

  test('18 today goes on the adults’ register; the day before, the children’s; Essex has no reply-by date', async () => {
    for (const [now, register] of [
      ['2026-11-20T00:30:00Z', 'Adults aged 18 and over'],
      // 23:30 UTC on 19 November is still 19 November in London (GMT).
      ['2026-11-19T23:30:00Z', 'Children and young people under 18'],
    ] as const) {
      setClock(() => new Date(now));
      try {
        const { seen, accept } = queue();
        const result = await submitForm(
          referral,
          ESSEX,
          {
            data: { ...parent, dob: '2008-11-20', consentUnder16: undefined, consent16: 'agrees' },
            token: 'x'.repeat(22),
          },
          accept,
        );
        assert.match(seen[0]!.message.subject, new RegExp(`, ${register}, Lewisham$`), now);
        assert.equal(result.confirmation, `/refer/sent?ref=${result.reference}`);
      } finally {
        setClock();
      }
    }
  });

  test('no consent: nothing is queued, whatever the caller does', async () => {
    const { seen, accept } = queue();
    for (const answers of [
      { ...parent, consentUnder16: 'no' as const },
      { ...parent, consentUnder16: undefined, consent16: 'no' as const },
    ]) {
      await assert.rejects(
        submitForm(referral, SEL, { data: answers, token: 'y'.repeat(22) }, accept),
        StoppedAnswersError,
      );
    }
    assert.equal(seen.length, 0);
  });
});

describe('the POST flow (handleFormPost with the referral hold)', () => {
  const form = referralForm({ ...referralSettings(SEL), today: () => '2026-11-20' });
  const good: RawValues = {
    token: 'abcdefghijklmnopqrstuvwxyz',
    danger: 'no',
    filler: 'self',
    name: 'Alex Taylor',
    'dob-day': '15',
    'dob-month': '6',
    'dob-year': '1990',
    address: '1 High Street',
    postcode: 'SE1 7EH',
    place: 'Lambeth',
    gp: 'The Surgery',
    diagnosis: 'autism',
    reasons: 'hospital',
    consent16: 'agrees',
    contactMethod: 'phone',
    phone: '020 7946 0123',
  };
  const post = (values: RawValues, accept = 'text/html') => {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(values)) for (const item of [value].flat()) body.append(name, item);
    return new Request('http://localhost/refer', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept },
    });
  };
  const run = async (values: RawValues, accept?: string) => {
    const sent: unknown[] = [];
    const outcome = await handleFormPost(
      post(values, accept),
      form,
      async (submission) => {
        sent.push(submission);
        return { reference: 'DSR-7KQM-2XPT', confirmation: '/refer/sent?ref=DSR-7KQM-2XPT' };
      },
      { hold: holdUntilConfirmed(form) },
    );
    return { outcome, sent };
  };

  test('good answers without confirm=yes: the check page (200) with the answers and the same token; nothing sent', async () => {
    const { outcome, sent } = await run(good);
    assert.equal(outcome.kind, 'hold');
    if (outcome.kind !== 'hold') return;
    assert.equal(outcome.status, 200);
    assert.equal(outcome.hold, 'check');
    assert.equal(outcome.token, 'abcdefghijklmnopqrstuvwxyz');
    assert.equal(outcome.data.name, 'Alex Taylor');
    assert.equal(sent.length, 0);
  });

  test('change=<question>: back to the form; confirm=yes: sent once, 303', async () => {
    const change = await run({ ...good, change: 'dob', confirm: 'yes' });
    assert.equal(change.outcome.kind === 'hold' && change.outcome.hold, 'change');
    assert.equal(change.sent.length, 0);
    const send = await run({ ...good, confirm: 'yes' });
    assert.equal(send.outcome.kind, 'response');
    if (send.outcome.kind !== 'response') return;
    assert.equal(send.outcome.response.status, 303);
    assert.equal(send.outcome.response.headers.get('location'), '/refer/sent?ref=DSR-7KQM-2XPT');
    assert.equal(send.sent.length, 1);
  });

  test('nobody agrees: the no-consent page, even with confirm=yes; JSON clients get 409; nothing sent', async () => {
    const refused = await run({ ...good, consent16: 'no', confirm: 'yes' });
    assert.equal(refused.outcome.kind === 'hold' && refused.outcome.hold, 'no-consent');
    assert.equal(refused.sent.length, 0);
    const json = await run({ ...good, consent16: 'no', confirm: 'yes' }, 'application/json');
    assert.equal(json.outcome.kind === 'response' && json.outcome.response.status, 409);
    assert.equal(json.sent.length, 0);
  });

  test('bad answers: 422 with every answer kept, whatever the buttons said', async () => {
    const { outcome, sent } = await run({ ...good, name: '', confirm: 'yes' });
    assert.equal(outcome.kind, 'invalid');
    if (outcome.kind !== 'invalid') return;
    assert.deepEqual(Object.keys(outcome.errors), ['name']);
    assert.equal(outcome.values['phone'], '020 7946 0123');
    assert.equal(sent.length, 0);
    assert.equal(validate(form, { ...good, name: 'Alex' }).ok, true);
  });
});
