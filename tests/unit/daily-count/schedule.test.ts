/**
 * The daily count's schedule with a fake clock: one send per London day at
 * the area's time, across the spring and autumn clock changes, none sent late
 * for a time that passed before it started, and a failed send tried again.
 */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { dueDate, everyDay, sendTimeOn } from '../../../src/daily-count/schedule.ts';

const CHECK_MS = 60_000;
const STEP_MS = 10 * 60_000;

/** Runs a schedule while a fake clock steps by ten minutes from `start` to `end`; returns the dates sent, in order. */
async function run(
  t: TestContext,
  at: string,
  start: string,
  end: string,
  fail: (date: string) => boolean = () => false,
): Promise<{ date: string; at: string }[]> {
  t.mock.timers.enable({ apis: ['setInterval'] });
  let clock = new Date(start);
  const sent: { date: string; at: string }[] = [];
  const schedule = everyDay({
    at,
    checkMs: CHECK_MS,
    now: () => clock,
    send: async (date) => {
      if (fail(date)) throw new Error('queue unavailable');
      sent.push({ date, at: clock.toISOString() });
    },
    onError: () => {},
  });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  await settle();
  while (clock.getTime() < Date.parse(end)) {
    clock = new Date(clock.getTime() + STEP_MS);
    t.mock.timers.tick(CHECK_MS);
    await settle();
  }
  await schedule.stop();
  return sent;
}

test('send times follow the London clock, through both clock changes', () => {
  assert.equal(sendTimeOn('2026-03-28', '07:00').toISOString(), '2026-03-28T07:00:00.000Z');
  assert.equal(sendTimeOn('2026-03-29', '07:00').toISOString(), '2026-03-29T06:00:00.000Z');
  // 01:30 does not happen on the spring change day: it is taken an hour later (02:30 BST).
  assert.equal(sendTimeOn('2026-03-29', '01:30').toISOString(), '2026-03-29T01:30:00.000Z');
  // 01:30 happens twice on the autumn change day: it is taken once, on GMT.
  assert.equal(sendTimeOn('2026-10-25', '01:30').toISOString(), '2026-10-25T01:30:00.000Z');
  assert.equal(dueDate(new Date('2026-03-29T05:59:00Z'), '07:00'), '2026-03-28');
  assert.equal(dueDate(new Date('2026-03-29T06:00:00Z'), '07:00'), '2026-03-29');
});

test('one send a day at the set time, across the spring clock change', async (t) => {
  const sent = await run(t, '07:00', '2026-03-28T00:00:00Z', '2026-03-31T12:00:00Z');
  assert.deepEqual(sent, [
    { date: '2026-03-28', at: '2026-03-28T07:00:00.000Z' },
    { date: '2026-03-29', at: '2026-03-29T06:00:00.000Z' },
    { date: '2026-03-30', at: '2026-03-30T06:00:00.000Z' },
    { date: '2026-03-31', at: '2026-03-31T06:00:00.000Z' },
  ]);
});

test('one send a day at a time the autumn change repeats, and at one the spring change skips', async (t) => {
  const autumn = await run(t, '01:30', '2026-10-24T23:00:00Z', '2026-10-26T12:00:00Z');
  assert.deepEqual(
    autumn.map((s) => s.date),
    ['2026-10-25', '2026-10-26'],
  );
  t.mock.timers.reset();
  const spring = await run(t, '01:30', '2026-03-29T00:00:00Z', '2026-03-30T12:00:00Z');
  assert.deepEqual(spring, [
    { date: '2026-03-29', at: '2026-03-29T01:30:00.000Z' },
    { date: '2026-03-30', at: '2026-03-30T00:30:00.000Z' },
  ]);
});

test('started after the set time: nothing sent late, the next day at its time', async (t) => {
  const sent = await run(t, '07:00', '2026-12-01T09:00:00Z', '2026-12-02T09:00:00Z');
  assert.deepEqual(sent, [{ date: '2026-12-02', at: '2026-12-02T07:00:00.000Z' }]);
});

test('a send that fails is tried again at the next check, and sent once', async (t) => {
  let failures = 3;
  const sent = await run(t, '07:00', '2026-12-01T06:00:00Z', '2026-12-02T06:00:00Z', () => failures-- > 0);
  assert.deepEqual(sent, [{ date: '2026-12-01', at: '2026-12-01T07:30:00.000Z' }]);
});
