import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { now, setClock } from '../../../src/time/clock.ts';

afterEach(() => {
  setClock();
  delete process.env['DSR_FAKE_NOW'];
});

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

test('now reads DSR_FAKE_NOW each time it is called', () => {
  process.env['DSR_FAKE_NOW'] = '2026-03-29T00:59:00Z';
  assert.equal(now().toISOString(), '2026-03-29T00:59:00.000Z');
  process.env['DSR_FAKE_NOW'] = '2026-10-25T01:30:00+01:00';
  assert.equal(now().toISOString(), '2026-10-25T00:30:00.000Z');
});

test('a clock set by a test wins over DSR_FAKE_NOW', () => {
  process.env['DSR_FAKE_NOW'] = '2026-03-29T00:59:00Z';
  setClock(() => new Date('2027-01-01T12:00:00Z'));
  assert.equal(now().toISOString(), '2027-01-01T12:00:00.000Z');
});

test('DSR_FAKE_NOW without a zone is refused, because it would mean a different instant on each machine', () => {
  process.env['DSR_FAKE_NOW'] = '2026-03-29T09:00:00';
  assert.throws(() => now(), /DSR_FAKE_NOW/);
});

test('DSR_FAKE_NOW that is not a date is refused', () => {
  process.env['DSR_FAKE_NOW'] = 'tomorrow';
  assert.throws(() => now(), /DSR_FAKE_NOW/);
});
