import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { now, setClock } from '../../../src/time/clock.ts';

afterEach(() => setClock());

test('now gives the real time when no clock is set', () => {
  const before = Date.now();
  const time = now().getTime();
  assert.ok(time >= before && time <= Date.now());
});

test('now gives the time from a clock set by a test', () => {
  setClock(() => new Date('2026-05-25T09:00:00Z'));
  assert.equal(now().toISOString(), '2026-05-25T09:00:00.000Z');
});

test('setting no clock goes back to the real time', () => {
  setClock(() => new Date('2000-01-01T00:00:00Z'));
  setClock();
  assert.ok(now().getFullYear() > 2000);
});

test('every copy of the module reads the same clock (the server loads it twice)', async () => {
  setClock(() => new Date('2026-10-25T01:30:00Z'));
  const copy = (await import(`../../../src/time/clock.ts?copy=${Date.now()}`)) as { now: () => Date };
  assert.equal(copy.now().toISOString(), '2026-10-25T01:30:00.000Z');
});
