/**
 * How long a page's crisis-line statuses stay true (the page cache keeps a
 * page until then), with the real settings of both areas: weekdays,
 * weekends, a bank holiday, both clock changes, and an area whose lines are
 * always open. A property test checks the promise itself: nothing a page
 * shows about lines changes inside a period.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import * as v from 'valibot';
import { parse } from 'yaml';
import { AreaSchema, NationalLineSchema } from '../../../src/area/schema.ts';
import { barLines, crisisPageLines, statusPeriodEnd } from '../../../src/crisis/lines.ts';
import { londonClock } from '../time/london-time.ts';

const read = (file: string) => parse(readFileSync(new URL(`../../../content/${file}`, import.meta.url), 'utf8'));
const national = v.parse(v.array(NationalLineSchema), read('shared/national-crisis-lines.yaml'));
const sel = { area: v.parse(AreaSchema, read('areas/south-east-london/area.yaml')), national };
const essex = { area: v.parse(AreaSchema, read('areas/essex/area.yaml')), national };

type Sources = typeof sel;

/** When the page shown at `at` (London wall-clock, as the test names it) stops being right. */
const periodEnd = (sources: Sources, at: string) =>
  londonClock(statusPeriodEnd(crisisPageLines(sources, new Date(at)), new Date(at)));

test('South East London on a weekday: the CAMHS line opens at 5pm and closes at 11pm, then midnight', () => {
  assert.equal(periodEnd(sel, '2026-11-25T14:00:00Z'), 'Wednesday 2026-11-25 17:00');
  assert.equal(periodEnd(sel, '2026-11-25T16:59:59Z'), 'Wednesday 2026-11-25 17:00');
  assert.equal(periodEnd(sel, '2026-11-25T17:00:00Z'), 'Wednesday 2026-11-25 23:00');
  assert.equal(periodEnd(sel, '2026-11-25T23:00:00Z'), 'Thursday 2026-11-26 00:00');
});

test('South East London at the weekend: the line opens at 9am', () => {
  assert.equal(periodEnd(sel, '2026-11-28T08:30:00Z'), 'Saturday 2026-11-28 09:00');
  assert.equal(periodEnd(sel, '2026-11-28T09:00:00Z'), 'Saturday 2026-11-28 23:00');
});

test('a bank holiday: weekend hours on a Monday, and the midnight before it ends a period', () => {
  // 31 August 2026 is the summer bank holiday (BST, UTC+1).
  assert.equal(periodEnd(sel, '2026-08-30T22:30:00Z'), 'Monday 2026-08-31 00:00');
  assert.equal(periodEnd(sel, '2026-08-31T07:00:00Z'), 'Monday 2026-08-31 09:00');
  assert.equal(periodEnd(sel, '2026-08-31T09:00:00Z'), 'Monday 2026-08-31 23:00');
});

test('both clock changes: London midnight and opening times stay on London clock time', () => {
  // Clocks go forward at 1am GMT on Sunday 28 March 2027, and back at 2am BST on Sunday 25 October 2026.
  assert.equal(periodEnd(sel, '2027-03-27T23:30:00Z'), 'Sunday 2027-03-28 00:00');
  assert.equal(periodEnd(sel, '2027-03-28T00:00:00Z'), 'Sunday 2027-03-28 09:00');
  assert.equal(
    statusPeriodEnd(
      crisisPageLines(sel, new Date('2027-03-28T00:00:00Z')),
      new Date('2027-03-28T00:00:00Z'),
    ).toISOString(),
    '2027-03-28T08:00:00.000Z',
  );
  assert.equal(periodEnd(sel, '2026-10-24T22:30:00Z'), 'Sunday 2026-10-25 00:00');
  assert.equal(
    statusPeriodEnd(
      crisisPageLines(sel, new Date('2026-10-24T22:30:00Z')),
      new Date('2026-10-24T22:30:00Z'),
    ).toISOString(),
    '2026-10-24T23:00:00.000Z',
  );
  assert.equal(periodEnd(sel, '2026-10-25T00:30:00Z'), 'Sunday 2026-10-25 09:00');
  assert.equal(
    statusPeriodEnd(
      crisisPageLines(sel, new Date('2026-10-25T00:30:00Z')),
      new Date('2026-10-25T00:30:00Z'),
    ).toISOString(),
    '2026-10-25T09:00:00.000Z',
  );
});

test('Essex shows only lines that are always open: a period lasts until London midnight', () => {
  assert.equal(periodEnd(essex, '2026-11-25T14:00:00Z'), 'Thursday 2026-11-26 00:00');
  assert.equal(periodEnd(essex, '2026-07-01T12:00:00Z'), 'Thursday 2026-07-02 00:00');
  assert.equal(
    statusPeriodEnd(
      crisisPageLines(essex, new Date('2026-07-01T12:00:00Z')),
      new Date('2026-07-01T12:00:00Z'),
    ).toISOString(),
    '2026-07-01T23:00:00.000Z',
  );
});

test('inside a period, nothing the bar or the crisis page says about lines changes', () => {
  const shown = (sources: Sources, at: Date) =>
    JSON.stringify(
      [...barLines(sources, at), ...crisisPageLines(sources, at)].map((line) => [line.id, line.statusText]),
    );
  const instants = fc.date({
    min: new Date('2026-01-01T00:00:00Z'),
    max: new Date('2027-12-31T00:00:00Z'),
    noInvalidDate: true,
  });
  fc.assert(
    fc.property(fc.constantFrom(sel, essex), instants, (sources, at) => {
      const end = statusPeriodEnd(crisisPageLines(sources, at), at);
      assert.ok(end > at, 'a period ends after it starts');
      assert.equal(
        shown(sources, new Date(end.getTime() - 1)),
        shown(sources, at),
        `same words until ${end.toISOString()}`,
      );
    }),
    { numRuns: 200 },
  );
});
