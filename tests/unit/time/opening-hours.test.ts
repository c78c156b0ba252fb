import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Hours } from '../../../src/area/schema.ts';
import { lineStatus, type LineStatus } from '../../../src/time/opening-hours.ts';
import { londonClock } from './london-time.ts';

// South East London CAMHS crisis line, as in content/areas/south-east-london/area.yaml.
const camhs: Hours = {
  kind: 'weekly',
  times: [
    { days: [1, 2, 3, 4, 5], opens: '17:00', closes: '23:00' },
    { days: [6, 7], opens: '09:00', closes: '23:00' },
  ],
  bankHolidays: { opens: '09:00', closes: '23:00' },
};

/** The status with its instants as London wall-clock times, for readable assertions. */
function status(hours: Hours, utc: string): { open: boolean; opensAt?: string; closesAt?: string } {
  const s: LineStatus = lineStatus(hours, new Date(utc));
  return s.open
    ? { open: true, ...(s.closesAt && { closesAt: londonClock(s.closesAt) }) }
    : { open: false, opensAt: londonClock(s.opensAt) };
}

describe('CAMHS crisis line on ordinary days', () => {
  test('a weekday afternoon before 5pm is closed and opens at 5pm that day', () => {
    // 15:59 UTC is 16:59 in London in May (BST).
    assert.deepEqual(status(camhs, '2026-05-20T15:59:00Z'), { open: false, opensAt: 'Wednesday 2026-05-20 17:00' });
  });

  test('exactly 5pm on a weekday is open until 11pm', () => {
    assert.deepEqual(status(camhs, '2026-05-20T16:00:00Z'), { open: true, closesAt: 'Wednesday 2026-05-20 23:00' });
  });

  test('10:59pm on a weekday is open', () => {
    assert.equal(status(camhs, '2026-05-20T21:59:00Z').open, true);
  });

  test('exactly 11pm on a weekday is closed and opens at 5pm the next day', () => {
    assert.deepEqual(status(camhs, '2026-05-20T22:00:00Z'), { open: false, opensAt: 'Thursday 2026-05-21 17:00' });
  });

  test('exactly 11pm on a Friday is closed and opens at 9am on Saturday', () => {
    assert.deepEqual(status(camhs, '2026-11-20T23:00:00Z'), { open: false, opensAt: 'Saturday 2026-11-21 09:00' });
  });

  test('8:59am on a Saturday is closed and opens at 9am', () => {
    assert.deepEqual(status(camhs, '2026-11-21T08:59:00Z'), { open: false, opensAt: 'Saturday 2026-11-21 09:00' });
  });

  test('a line closing at 24:00 is open at 11:30pm until midnight', () => {
    const late: Hours = { kind: 'weekly', times: [{ days: [1, 2, 3, 4, 5], opens: '17:00', closes: '24:00' }] };
    assert.deepEqual(status(late, '2026-11-24T23:30:00Z'), { open: true, closesAt: 'Wednesday 2026-11-25 00:00' });
  });

  test('a line open day and night on weekdays stays open across midnight until the weekend', () => {
    const weekdays: Hours = { kind: 'weekly', times: [{ days: [1, 2, 3, 4, 5], opens: '00:00', closes: '24:00' }] };
    assert.deepEqual(status(weekdays, '2026-11-24T12:00:00Z'), { open: true, closesAt: 'Saturday 2026-11-28 00:00' });
  });

  test('an overnight opening is still open after midnight and closes the next morning', () => {
    const night: Hours = { kind: 'weekly', times: [{ days: [5], opens: '22:00', closes: '02:00' }] };
    assert.deepEqual(status(night, '2026-11-21T01:00:00Z'), { open: true, closesAt: 'Saturday 2026-11-21 02:00' });
  });
});

describe('CAMHS crisis line on bank holidays', () => {
  test('10am on the spring bank holiday Monday is open until 11pm', () => {
    assert.deepEqual(status(camhs, '2026-05-25T09:00:00Z'), { open: true, closesAt: 'Monday 2026-05-25 23:00' });
  });

  test('10am on Good Friday is open', () => {
    assert.equal(status(camhs, '2026-04-03T09:00:00Z').open, true);
  });

  test('11pm on the Thursday before Good Friday opens at 9am on Good Friday, not 5pm', () => {
    assert.deepEqual(status(camhs, '2026-04-02T22:00:00Z'), { open: false, opensAt: 'Friday 2026-04-03 09:00' });
  });

  test('Christmas Eve afternoon, a weekday, opens at 5pm', () => {
    assert.deepEqual(status(camhs, '2026-12-24T12:00:00Z'), { open: false, opensAt: 'Thursday 2026-12-24 17:00' });
  });

  test('10am on Christmas Day, a Friday, is open', () => {
    assert.deepEqual(status(camhs, '2026-12-25T10:00:00Z'), { open: true, closesAt: 'Friday 2026-12-25 23:00' });
  });

  test('10am on Monday 28 December 2026, the Boxing Day substitute, is open', () => {
    assert.equal(status(camhs, '2026-12-28T10:00:00Z').open, true);
  });

  test('10am on Tuesday 29 December 2026, an ordinary weekday, is closed until 5pm', () => {
    assert.deepEqual(status(camhs, '2026-12-29T10:00:00Z'), { open: false, opensAt: 'Tuesday 2026-12-29 17:00' });
  });

  test('a weekday line with no bank holiday times is closed on a bank holiday and opens the next working day', () => {
    const office: Hours = { kind: 'weekly', times: [{ days: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00' }] };
    assert.deepEqual(status(office, '2026-05-25T09:00:00Z'), { open: false, opensAt: 'Tuesday 2026-05-26 09:00' });
  });
});

describe('CAMHS crisis line when the clocks change', () => {
  test('on the Saturday night before the clocks go forward it closes at 11pm GMT', () => {
    assert.deepEqual(status(camhs, '2026-03-28T22:30:00Z'), { open: true, closesAt: 'Saturday 2026-03-28 23:00' });
  });

  test('after 11pm on the Saturday it opens at 9am BST on Sunday, which is 8am UTC', () => {
    const s = lineStatus(camhs, new Date('2026-03-28T23:00:00Z'));
    assert.deepEqual(s, { open: false, opensAt: new Date('2026-03-29T08:00:00Z') });
  });

  test('8:30am UTC on the Sunday the clocks go forward is 9:30am in London, so open', () => {
    assert.deepEqual(status(camhs, '2026-03-29T08:30:00Z'), { open: true, closesAt: 'Sunday 2026-03-29 23:00' });
  });

  test('on the Sunday the clocks go back 8:30am UTC is 8:30am in London, so closed until 9am', () => {
    assert.deepEqual(status(camhs, '2026-10-25T08:30:00Z'), { open: false, opensAt: 'Sunday 2026-10-25 09:00' });
  });

  test('on the Saturday before the clocks go back 10:59pm BST is open and closes at 10pm UTC', () => {
    const s = lineStatus(camhs, new Date('2026-10-24T21:59:00Z'));
    assert.deepEqual(s, { open: true, closesAt: new Date('2026-10-24T22:00:00Z') });
  });

  test('on the Sunday night after the clocks go back 10:30pm UTC is 10:30pm in London, so open', () => {
    assert.deepEqual(status(camhs, '2026-10-25T22:30:00Z'), { open: true, closesAt: 'Sunday 2026-10-25 23:00' });
  });
});

describe('a line open day and night', () => {
  test('is open with no closing time, even during a clock change', () => {
    for (const utc of ['2026-03-29T01:30:00Z', '2026-10-25T01:30:00Z', '2026-12-25T03:00:00Z']) {
      assert.deepEqual(lineStatus({ kind: 'always' }, new Date(utc)), { open: true });
    }
  });
});
