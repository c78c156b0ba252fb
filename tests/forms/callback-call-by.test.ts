import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { callByDate } from '../../src/forms/callback/call-by.ts';
import type { Accept } from '../../src/delivery/index.ts';
import { submitCallback } from '../../src/forms/callback/submit.ts';
import { readConfirmation, confirmationUrl } from '../../src/forms/callback/confirmation.ts';
import type { CallbackAnswers } from '../../src/forms/callback/schema.ts';
import { setClock } from '../../src/time/clock.ts';

// South East London promises a call within 2 working days.
const callBy = (utc: string, days = 2) => callByDate(new Date(utc), days);

describe('the call-by date (2 working days, London days, England and Wales bank holidays)', () => {
  test('Friday afternoon: the call is due on Tuesday', () => {
    assert.equal(callBy('2026-11-20T16:30:00Z'), '2026-11-24');
  });

  test('Friday before the late May bank holiday: Monday does not count, so Wednesday', () => {
    assert.equal(callBy('2026-05-22T14:00:00Z'), '2026-05-27');
  });

  test('on the bank holiday Monday itself: Tuesday and Wednesday count, so Wednesday', () => {
    assert.equal(callBy('2026-05-25T10:00:00Z'), '2026-05-27');
  });

  test('Christmas Eve 2026 (Thursday): Christmas, the weekend and the Boxing Day substitute are skipped', () => {
    assert.equal(callBy('2026-12-24T11:00:00Z'), '2026-12-30');
  });

  test("New Year's Eve 2026 (Thursday): New Year's Day and the weekend are skipped", () => {
    assert.equal(callBy('2026-12-31T11:00:00Z'), '2027-01-05');
  });

  test('Christmas Day 2027 falls on a Saturday: the substitute holidays on 27 and 28 December are skipped', () => {
    assert.equal(callBy('2027-12-24T11:00:00Z'), '2027-12-30');
  });

  test('the Sunday the clocks go forward, 11:30pm UTC is already Monday 00:30 in London', () => {
    assert.equal(callBy('2026-03-29T23:30:00Z'), '2026-04-01');
  });

  test('the Sunday the clocks go back, 11:30pm UTC is still Sunday 23:30 in London', () => {
    assert.equal(callBy('2026-10-25T23:30:00Z'), '2026-10-27');
  });

  test('Tuesday 23:59 in London counts from Tuesday; Wednesday 00:01 counts from Wednesday', () => {
    assert.equal(callBy('2026-11-24T23:59:00Z'), '2026-11-26'); // GMT in November
    assert.equal(callBy('2026-11-25T00:01:00Z'), '2026-11-27');
  });

  test('in summer, 23:59 and 00:01 London time are 22:59 and 23:01 UTC on the same UTC day', () => {
    assert.equal(callBy('2026-06-09T22:59:00Z'), '2026-06-11');
    assert.equal(callBy('2026-06-09T23:01:00Z'), '2026-06-12');
  });

  test('an area with no promise has no call-by date', () => {
    assert.equal(callByDate(new Date('2026-11-20T16:30:00Z'), undefined), undefined);
  });
});

const answers: CallbackAnswers = {
  name: 'Ada',
  phone: { typed: '07700 900982', e164: '+447700900982' },
  voicemail: 'yes',
  bestTime: 'any',
  about: 'me',
};
const area = {
  name: 'South East London',
  mailbox: 'team@example.nhs.uk',
  reply: { callback: { workingDays: 2, source: { own: 'test settings' } } },
};

describe('submitting a callback request', () => {
  afterEach(() => setClock());

  test('the queue gets the token and, once it has a reference, a message to the area mailbox with the call-by date', async () => {
    setClock(() => new Date('2026-11-20T16:30:00Z'));
    const calls: { token: string; message: unknown }[] = [];
    const accept: Accept = async ({ token, build }) => {
      calls.push({ token, message: await build('DSR-7KQM-2XPT') });
      return { reference: 'DSR-7KQM-2XPT' };
    };
    const submitted = await submitCallback({ data: answers, token: 'a-token-of-22-chars-ok' }, area, accept);
    assert.deepEqual(submitted, {
      reference: 'DSR-7KQM-2XPT',
      confirmation: '/ask-for-a-call/sent?ref=DSR-7KQM-2XPT&by=2026-11-24',
    });
    assert.equal(calls.length, 1);
    assert.equal(calls[0]!.token, 'a-token-of-22-chars-ok');
    const message = calls[0]!.message as { to: string; subject: string; text: string; replyTo?: string };
    assert.equal(message.to, 'team@example.nhs.uk');
    assert.equal(message.subject, 'Callback request DSR-7KQM-2XPT');
    assert.match(message.text, /Call by: Tuesday 24 November 2026/);
    assert.equal('replyTo' in message, false, 'no Reply-To: the caller gives no email address');
  });

  test('a queue failure is not swallowed (the page then keeps the answers and says nothing was sent)', async () => {
    const accept: Accept = async () => {
      throw new Error('disk full');
    };
    await assert.rejects(submitCallback({ data: answers, token: 'a-token-of-22-chars-ok' }, area, accept), /disk full/);
  });
});

describe('the confirmation address', () => {
  const today = new Date('2026-11-20T16:30:00Z');

  test('carries the reference and the date, and nothing else', () => {
    assert.equal(
      confirmationUrl('DSR-7KQM-2XPT', '2026-11-24'),
      '/ask-for-a-call/sent?ref=DSR-7KQM-2XPT&by=2026-11-24',
    );
    assert.equal(confirmationUrl('DSR-7KQM-2XPT', undefined), '/ask-for-a-call/sent?ref=DSR-7KQM-2XPT');
  });

  test('is read back only with a real reference', () => {
    assert.deepEqual(readConfirmation(new URLSearchParams('ref=DSR-7KQM-2XPT&by=2026-11-24'), today), {
      reference: 'DSR-7KQM-2XPT',
      callBy: '2026-11-24',
    });
    assert.equal(readConfirmation(new URLSearchParams('ref=<script>'), today), undefined);
    assert.equal(readConfirmation(new URLSearchParams('ref=DSR-0000-0000'), today), undefined);
    assert.equal(readConfirmation(new URLSearchParams(''), today), undefined);
  });

  test('drops a date that is not real or not one a recent request could have', () => {
    for (const by of ['2026-02-30', 'tomorrow', '2099-01-01', '2020-01-01', '']) {
      assert.deepEqual(
        readConfirmation(new URLSearchParams({ ref: 'DSR-7KQM-2XPT', by }), today),
        { reference: 'DSR-7KQM-2XPT', callBy: undefined },
        by,
      );
    }
  });
});
