/**
 * The daily count's email on its own: the numbers and references it is given,
 * in London time, and the quiet-day wording; the area setting's time format;
 * and the README's sample, which must be what this code sends.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import * as v from 'valibot';
import { AreaSchema } from '../../../src/area/schema.ts';
import { dailyCountEmail } from '../../../src/daily-count/email.ts';

const AREA = { name: 'Essex', mailbox: 'team@example.nhs.uk' };

test('a quiet day: zeros, none waiting, nothing parked, in London time across the summer', () => {
  const email = dailyCountEmail(
    {
      from: new Date('2026-06-30T06:00:00Z'),
      to: new Date('2026-07-01T06:00:00Z'),
      received: 0,
      delivered: 0,
      waiting: 0,
      oldestWaitingAt: undefined,
      parked: [],
    },
    AREA,
  );
  assert.equal(email.to, AREA.mailbox);
  assert.equal(email.subject, 'DSR portal daily count – Essex – 1 July 2026');
  assert.match(email.text, /^From 30 June 2026, 07:00 to 1 July 2026, 07:00 \(London time\)/);
  assert.match(email.text, /^Oldest waiting since: none waiting$/m);
  assert.match(email.text, /^Parked now \(could not be delivered\): 0$/m);
  assert.match(email.text, /^Nothing is parked\.$/m);
  assert.equal(email.replyTo, undefined);
});

test('the send time in the area settings is a 24-hour HH:MM', () => {
  const field = (AreaSchema as unknown as { entries: Record<string, v.GenericSchema> }).entries['dailyCount']!;
  for (const at of ['00:00', '07:00', '23:59']) assert.ok(v.safeParse(field, { at }).success, at);
  for (const at of ['7:00', '24:00', '07:60', '0700', ' 07:00'])
    assert.equal(v.safeParse(field, { at }).success, false, at);
  assert.ok(v.safeParse(field, undefined).success, 'absent: no daily count');
});

test("the README's sample is this email, made from a day of test data", async () => {
  const email = dailyCountEmail(
    {
      from: new Date('2026-11-30T07:00:00Z'),
      to: new Date('2026-12-01T07:00:00Z'),
      received: 4,
      delivered: 1,
      waiting: 2,
      oldestWaitingAt: new Date('2026-12-01T06:51:00Z'),
      parked: ['DSR-YMBF-S97J'],
    },
    AREA,
  );
  const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
  const sample = '```text\n' + `Subject: ${email.subject}\n\n${email.text}` + '```\n';
  assert.ok(readme.includes(sample), `README's daily count sample should be:\n${sample}`);
});
