/**
 * The team's email for a professional's referral and its hand-over to the
 * queue: the subject (reference, register, place, the danger marker; never a
 * name), the headings in order, the referrer's details, the consent basis by
 * the area's model, Reply-To, escaping, the reply-by date only where the
 * area promises one, and nothing sent without consent.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import type { Area } from '../../src/area/schema.ts';
import type { OutgoingMessage } from '../../src/channels/mail/message.ts';
import { checkMessage } from '../../src/channels/mail/message.ts';
import type { Accept } from '../../src/delivery/index.ts';
import { StoppedAnswersError, submitForm } from '../../src/forms/kit/submit.ts';
import {
  EMAIL_HEADINGS,
  professionalSubject,
  renderProfessionalEmail,
  type ProfessionalEmailInput,
} from '../../src/forms/professional/email.ts';
import { professionalReferral, professionalWords } from '../../src/forms/professional/form.ts';
import type { ProfessionalAnswers } from '../../src/forms/professional/schema.ts';
import { setClock } from '../../src/time/clock.ts';
import { areaSettings } from '../support/areas.ts';

const TEST_SOURCE = { own: 'test settings' };
const REGISTERS = [
  { id: 'children', name: 'Children and young people under 18', minAge: 0, maxAge: 17, source: TEST_SOURCE },
  { id: 'adults', name: 'Adults aged 18 and over', minAge: 18, source: TEST_SOURCE },
];
const ESSEX: Area = { ...areaSettings('essex'), mailbox: 'team@example.nhs.uk', registers: REGISTERS };
// South East London's consent model (best interests, Gillick), with the form on and a reply promise, for the test.
const BEST_INTERESTS: Area = {
  ...areaSettings('south-east-london'),
  mailbox: 'team@example.nhs.uk',
  registers: REGISTERS,
  reply: { onlineForm: { workingDays: 2, source: TEST_SOURCE } },
  join: { ...areaSettings('south-east-london').join, professionalForm: { source: TEST_SOURCE } },
};

/** Friday 20 November 2026, 3pm in London. */
const FRIDAY = new Date('2026-11-20T15:00:00Z');

const adult: ProfessionalAnswers = {
  proName: 'Dr Priya Shah',
  proRole: 'Community nurse',
  proOrganisation: 'Acacia <NHS> Trust',
  proEmail: 'priya.shah@example.nhs.uk',
  proPhone: { typed: '020 7946 0123', e164: '+442079460123' },
  name: 'Alex <b>Taylor</b>',
  dob: '1990-06-15',
  address: '1 High Street\nChelmsford',
  postcode: 'CM1 1QH',
  gp: { known: true, name: 'High Street Surgery' },
  nhsNumber: '943 476 5919',
  reasons: ['hospital', 'other'],
  reasonsOther: 'Tenancy at risk',
  danger: 'no',
  risk: 'Two incidents this month.\nEscalating.',
  consentAdult: 'consents',
  tried: 'Positive behaviour support.',
  needs: ['language', 'other'],
  needsLanguage: 'Polish',
  needsOther: 'Needs time to process.',
};

const input = (answers: ProfessionalAnswers, area = ESSEX, age = 36): ProfessionalEmailInput => ({
  reference: 'DSR-7KQM-2XPT',
  answers,
  receivedAt: FRIDAY,
  age,
  register: REGISTERS[age < 18 ? 0 : 1],
  words: professionalWords(area),
  places: area.places.list,
  replyBy: undefined,
  replyWorkingDays: undefined,
  areaName: area.name,
});

describe('the professionals’ referral email', () => {
  afterEach(() => setClock());

  test('the subject: our words, the reference, the register and the place; never a name', () => {
    const email = renderProfessionalEmail(input(adult));
    assert.equal(email.subject, 'DSR professional referral DSR-7KQM-2XPT, Adults aged 18 and over, Essex');
    assert.doesNotMatch(email.subject, /Taylor|Shah|Acacia|Polish/);
  });

  test('danger now marks the subject first, and the facts say so', () => {
    const email = renderProfessionalEmail(input({ ...adult, danger: 'yes' }));
    assert.match(email.subject, /^DANGER NOW: DSR professional referral DSR-7KQM-2XPT,/);
    assert.match(email.text, /Danger right now: YES/);
  });

  test('every heading, in the order asked; the referrer’s details first; Reply-To is the work email', () => {
    const email = renderProfessionalEmail(input(adult));
    const at = Object.values(EMAIL_HEADINGS).map((heading) => email.text.indexOf(`\n${heading}\n`));
    assert.ok(
      at.every((index) => index > 0),
      email.text,
    );
    assert.deepEqual(
      [...at].sort((a, b) => a - b),
      at,
    );
    for (const line of [
      'Dr Priya Shah',
      'Community nurse',
      '+442079460123 (to dial)',
      '943 476 5919',
      'They may go into a mental health hospital',
      'Tenancy at risk',
      'Positive behaviour support.',
      'An interpreter for another language',
      'Polish',
      'Needs time to process.',
      'Register: Adults aged 18 and over',
      'Area: Essex',
    ])
      assert.ok(email.text.includes(line), `${line} in ${email.text}`);
    assert.equal(email.replyTo, 'priya.shah@example.nhs.uk');
  });

  test('what was typed is escaped in the HTML', () => {
    const email = renderProfessionalEmail(input(adult));
    assert.ok(email.html.includes('Alex &lt;b&gt;Taylor&lt;/b&gt;'));
    assert.ok(email.html.includes('Acacia &lt;NHS&gt; Trust'));
    assert.ok(!email.html.includes('<b>Taylor'));
  });

  test('the consent basis in the team’s words, by the area’s model', () => {
    const essexLacks = renderProfessionalEmail(
      input({ ...adult, consentAdult: 'lacks-capacity', capacityDetail: 'Her mother consents.' }),
    );
    assert.match(essexLacks.text, /their parents or legal guardians consent \(recorded by the referrer\)/);
    assert.match(essexLacks.text, /Who consented\n\s+Her mother consents\./);
    const bestInterests = renderProfessionalEmail(input({ ...adult, consentAdult: 'lacks-capacity' }, BEST_INTERESTS));
    assert.match(
      bestInterests.text,
      /a best interests decision under the Mental Capacity Act 2005 supports the referral/,
    );
    assert.match(bestInterests.text, /Capacity and best interests\n\s+Not given/);
    const child = { ...adult, dob: '2014-03-05', consentAdult: undefined, consentYounger: 'young-person' as const };
    const gillick = renderProfessionalEmail(input(child, BEST_INTERESTS, 12));
    assert.match(gillick.text, /Age band on the day of sending\n\s+Under 16/);
    assert.match(gillick.text, /The young person consents and is Gillick competent/);
    assert.match(gillick.subject, /Children and young people under 18/);
  });

  test('through submitForm: the area’s mailbox, no reply-by where the area promises none (Essex)', async () => {
    setClock(() => FRIDAY);
    const messages: OutgoingMessage[] = [];
    const accept: Accept = async ({ build }) => {
      const message = (await build('DSR-7KQM-2XPT')) as OutgoingMessage;
      messages.push(message);
      return { reference: 'DSR-7KQM-2XPT' };
    };
    const submitted = await submitForm(
      professionalReferral,
      ESSEX,
      { data: adult, token: 'a-token-of-22-chars-ok' },
      accept,
    );
    assert.deepEqual(submitted, {
      reference: 'DSR-7KQM-2XPT',
      confirmation: '/professional-referral/sent?ref=DSR-7KQM-2XPT',
    });
    assert.equal(messages.length, 1);
    assert.equal(messages[0]!.to, 'team@example.nhs.uk');
    assert.doesNotThrow(() => checkMessage(messages[0]!), 'a message the mailer takes');
    assert.doesNotMatch(messages[0]!.text, /Reply by/);
    assert.match(messages[0]!.text, /Age on the day of sending\n\s+36/);
  });

  test('through submitForm: the reply-by date where the area promises one', async () => {
    setClock(() => FRIDAY);
    const messages: OutgoingMessage[] = [];
    const accept: Accept = async ({ build }) => {
      messages.push((await build('DSR-7KQM-2XPT')) as OutgoingMessage);
      return { reference: 'DSR-7KQM-2XPT' };
    };
    const data = { ...adult, place: 'Lambeth' };
    const submitted = await submitForm(
      professionalReferral,
      BEST_INTERESTS,
      { data, token: 'a-token-of-22-chars-ok' },
      accept,
    );
    assert.equal(submitted.confirmation, '/professional-referral/sent?ref=DSR-7KQM-2XPT&by=2026-11-24');
    assert.match(messages[0]!.text, /Reply by: Tuesday 24 November 2026/);
    assert.match(messages[0]!.subject, /, Lambeth$/);
  });

  test('no consent is never sent, even past the page', async () => {
    setClock(() => FRIDAY);
    let called = false;
    const accept: Accept = async () => {
      called = true;
      return { reference: 'DSR-7KQM-2XPT' };
    };
    await assert.rejects(
      submitForm(
        professionalReferral,
        ESSEX,
        { data: { ...adult, consentAdult: 'no' }, token: 'a-token-of-22-chars-ok' },
        accept,
      ),
      StoppedAnswersError,
    );
    assert.equal(called, false);
  });

  test('the subject helper carries no answer but the place', () => {
    const subject = professionalSubject(input({ ...adult, danger: 'no' }));
    assert.equal(subject.includes('\n'), false);
    assert.doesNotMatch(subject, /Shah|Taylor|Chelmsford|943/);
  });
});
