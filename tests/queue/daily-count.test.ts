/**
 * The daily count against a real queue (file spool, and PostgreSQL where the
 * suite has a database) and a real SMTP relay on loopback: after a mix of
 * delivered, parked and waiting messages, the summary that reaches the relay
 * has the right numbers, the parked references, no personal data, and leaves
 * out the previous day's count; the same date again sends nothing more.
 */
import assert from 'node:assert/strict';
import { sendDailyCount, type DailyCountParts } from '../../src/daily-count/index.ts';
import { openQueueOperations } from '../../src/queue/index.ts';
import { addDays, inLondon, londonDate } from '../../src/time/london.ts';
import {
  containsAnyMarker,
  eachDriver,
  listed,
  newToken,
  sampleMessage,
  startQueueForTest,
  TEAM,
  waitFor,
} from './helpers/harness.ts';
import { startRelay } from './helpers/relay.ts';

const isDailyCount = (subject: string | undefined) => /^DSR portal daily count/.test(subject ?? '');

eachDriver('the daily count: right numbers, parked references only, no personal data, once', async (t, driver) => {
  // The relay's answer to the next message: 250 (taken), 550 (parked at once) or 451 (tried again later).
  let answer: number | undefined;
  const relay = await startRelay({ data: () => answer });
  t.after(() => relay.close());
  const harness = await startQueueForTest(t, { ...driver.env, SMTP_URL: relay.url, QUEUE_LIFETIME: '3600' });
  const queue = harness.queue;

  // The send time is just ahead, so everything below falls in the period counted.
  const sendAt = new Date(Date.now() + 120_000);
  const date = londonDate(sendAt);
  const parts: DailyCountParts = {
    area: { id: 'essex', name: 'Essex', mailbox: TEAM, dailyCount: { at: inLondon(sendAt).toFormat('HH:mm') } },
    accept: (request) => queue.accept(request),
    referenceFor: (token) => queue.referenceFor(token),
    openOperations: () => openQueueOperations(harness.settings.queue),
    now: () => new Date(),
    checkMs: 1000,
    log: () => {},
  };

  // Yesterday's count, delivered during the period: a message, but not one of the team's.
  const yesterdays = await sendDailyCount(parts, addDays(date, -1));
  await waitFor('yesterday’s count at the relay', () => relay.received.length === 1);

  const send = async () => (await queue.accept({ token: newToken(), build: (r) => sampleMessage(r) })).reference;
  const delivered = await send();
  await waitFor('one referral delivered', () => relay.received.length === 2);
  answer = 550;
  const parked = await send();
  await waitFor('one referral parked', async () => (await listed(harness)).parked.includes(parked));
  answer = 451;
  const waiting = [await send(), await send()];
  assert.deepEqual((await listed(harness)).queued, [...waiting].sort());

  const reference = await sendDailyCount(parts, date);
  assert.equal(await sendDailyCount(parts, date), reference, 'the same date again gives the same reference');
  answer = undefined;
  await waitFor('everything not parked at the relay', () => relay.received.length === 5, 30_000);

  const counts = relay.received.filter((r) => isDailyCount(r.email.subject));
  assert.deepEqual(
    counts.map((r) => r.email.headers.find((h) => h.key === 'x-dsr-reference')?.value),
    [yesterdays, reference],
    'one count per date',
  );
  const today = counts[1]!;
  assert.deepEqual(today.envelopeTo, [TEAM]);
  const text = today.email.text ?? '';
  t.diagnostic(text);
  assert.match(text, /not counting these daily counts/);
  assert.match(text, /^Received: 4$/m);
  assert.match(text, /^Delivered: 1$/m);
  assert.match(text, /^Waiting to be delivered now: 2$/m);
  assert.match(text, /^Parked now \(could not be delivered\): 1$/m);
  assert.match(text, new RegExp(`^  ${parked}$`, 'm'));
  assert.doesNotMatch(text, /Oldest waiting since: none/);
  for (const other of [delivered, ...waiting, yesterdays]) assert.ok(!text.includes(other), `${other} is listed`);
  const whole = [today.raw, today.email.subject, today.email.html].join('\n');
  assert.equal(containsAnyMarker(whole), undefined, 'personal data in the daily count');
  assert.ok(!/Name:|What support:|Reply-To/i.test(whole), 'an answer or a contact in the daily count');
});
