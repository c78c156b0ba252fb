/**
 * Which crisis lines each part of the site shows, in which order, and what
 * a closed line points to, with the real settings of both areas.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as v from 'valibot';
import { parse } from 'yaml';
import { AreaSchema, NationalLineSchema } from '../../../src/area/schema.ts';
import {
  barLines,
  crisisPageLines,
  dangerLines,
  emergencyLines,
  nextStatusChange,
  whoFor,
} from '../../../src/crisis/lines.ts';
import { londonClock } from '../time/london-time.ts';

const read = (file: string) => parse(readFileSync(new URL(`../../../content/${file}`, import.meta.url), 'utf8'));
const national = v.parse(v.array(NationalLineSchema), read('shared/national-crisis-lines.yaml'));
const sel = { area: v.parse(AreaSchema, read('areas/south-east-london/area.yaml')), national };
const essex = { area: v.parse(AreaSchema, read('areas/essex/area.yaml')), national };

// A Wednesday in November (GMT) and a bank holiday Monday in summer (BST).
const WEDNESDAY_2PM = new Date('2026-11-25T14:00:00Z');
const WEDNESDAY_6PM = new Date('2026-11-25T18:00:00Z');
const BANK_HOLIDAY_10AM = new Date('2026-08-31T09:00:00Z');

const summary = (lines: ReturnType<typeof barLines>) => lines.map((line) => `${line.id}: ${line.statusText}`);

test('the bar shows 999 and NHS 111 option 2 first, then the area lines with open ones first', () => {
  assert.deepEqual(summary(barLines(sel, WEDNESDAY_2PM)), [
    'emergency: Open now, day and night',
    'nhs-111: Open now, day and night',
    'oxleas-crisis: Open now, day and night',
    'slam-crisis: Open now, day and night',
    'camhs-crisis: Closed now. Opens today at 5pm',
  ]);
  assert.deepEqual(summary(barLines(sel, WEDNESDAY_6PM)), [
    'emergency: Open now, day and night',
    'nhs-111: Open now, day and night',
    'camhs-crisis: Open now until 11pm',
    'oxleas-crisis: Open now, day and night',
    'slam-crisis: Open now, day and night',
  ]);
});

test('a closed line points to NHS 111 option 2, and an open one does not', () => {
  const camhs = barLines(sel, WEDNESDAY_2PM).find((line) => line.id === 'camhs-crisis')!;
  assert.deepEqual(camhs.instead, {
    name: 'NHS 111 for a mental health crisis',
    phone: '111',
    option: 'choose option 2',
  });
  assert.equal(barLines(sel, BANK_HOLIDAY_10AM).find((line) => line.id === 'camhs-crisis')!.instead, undefined);
});

test('each line says who it is for, with places only when not the whole area', () => {
  const who = Object.fromEntries(barLines(sel, WEDNESDAY_2PM).map((line) => [line.id, whoFor(line)]));
  assert.equal(who['camhs-crisis'], 'For children');
  assert.equal(who['oxleas-crisis'], 'For adults in Bexley, Bromley and Greenwich');
  assert.equal(who['nhs-111'], 'For people of any age in a mental health crisis');
});

test('an area with no lines of its own shows the national ones', () => {
  assert.deepEqual(
    barLines(essex, WEDNESDAY_2PM).map((line) => line.id),
    ['emergency', 'nhs-111'],
  );
  assert.deepEqual(
    crisisPageLines(essex, WEDNESDAY_2PM).map((line) => line.id),
    ['emergency', 'nhs-111', 'samaritans', 'shout'],
  );
});

test('the crisis page adds the other national lines after the bar lines; forms show fewer', () => {
  assert.deepEqual(
    crisisPageLines(sel, WEDNESDAY_2PM).map((line) => line.id),
    ['emergency', 'nhs-111', 'oxleas-crisis', 'slam-crisis', 'camhs-crisis', 'samaritans', 'shout'],
  );
  assert.deepEqual(
    emergencyLines(sel, WEDNESDAY_2PM).map((line) => line.id),
    ['emergency', 'nhs-111'],
  );
  assert.deepEqual(
    dangerLines(sel, WEDNESDAY_2PM).map((line) => line.id),
    ['emergency', 'nhs-111', 'oxleas-crisis', 'slam-crisis', 'camhs-crisis'],
  );
});

test('the next status change is the next opening or closing of any line shown', () => {
  assert.equal(londonClock(nextStatusChange(barLines(sel, WEDNESDAY_2PM))), 'Wednesday 2026-11-25 17:00');
  assert.equal(londonClock(nextStatusChange(barLines(sel, WEDNESDAY_6PM))), 'Wednesday 2026-11-25 23:00');
  assert.equal(nextStatusChange(barLines(essex, WEDNESDAY_2PM)), undefined);
});

test('a missing national line is a loud error, never a silent gap', () => {
  const without = { area: sel.area, national: national.filter((line) => line.id !== 'nhs-111') };
  assert.throws(() => barLines(without, WEDNESDAY_2PM), /nhs-111/);
});
