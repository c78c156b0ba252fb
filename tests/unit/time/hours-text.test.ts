import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Hours } from '../../../src/area/schema.ts';
import { describeHours, describeStatus } from '../../../src/time/hours-text.ts';
import { lineStatus } from '../../../src/time/opening-hours.ts';
import { formatLongDate, formatSettingsTime } from '../../../src/time/easy-read-time.ts';

const camhs: Hours = {
  kind: 'weekly',
  times: [
    { days: [1, 2, 3, 4, 5], opens: '17:00', closes: '23:00' },
    { days: [6, 7], opens: '09:00', closes: '23:00' },
  ],
  bankHolidays: { opens: '09:00', closes: '23:00' },
};
const weekdayEvenings: Hours = { kind: 'weekly', times: [{ days: [1, 2, 3, 4, 5], opens: '17:00', closes: '23:00' }] };

function sentence(hours: Hours, utc: string): string {
  const at = new Date(utc);
  return describeStatus(lineStatus(hours, at), at);
}

describe('the open or closed sentence', () => {
  test('a line open day and night is "Open now"', () => {
    assert.equal(sentence({ kind: 'always' }, '2026-11-24T03:00:00Z'), 'Open now');
  });

  test('an open line says when it closes today', () => {
    assert.equal(sentence(camhs, '2026-11-24T18:00:00Z'), 'Open now until 11pm');
  });

  test('the closing time is London time in summer', () => {
    assert.equal(sentence(camhs, '2026-07-14T18:00:00Z'), 'Open now until 11pm');
  });

  test('a line closing at 24:00 is open until midnight', () => {
    const late: Hours = { kind: 'weekly', times: [{ days: [2], opens: '17:00', closes: '24:00' }] };
    assert.equal(sentence(late, '2026-11-24T18:00:00Z'), 'Open now until midnight');
  });

  test('a line open past midnight says it closes tomorrow', () => {
    const night: Hours = { kind: 'weekly', times: [{ days: [2], opens: '22:00', closes: '02:00' }] };
    assert.equal(sentence(night, '2026-11-24T22:30:00Z'), 'Open now until tomorrow at 2am');
  });

  test('a line that opens later today says today', () => {
    assert.equal(sentence(camhs, '2026-07-14T12:00:00Z'), 'Closed now. Opens today at 5pm');
  });

  test('a line that opens tomorrow says tomorrow', () => {
    assert.equal(sentence(camhs, '2026-11-20T23:30:00Z'), 'Closed now. Opens tomorrow at 9am');
  });

  test('a line closed at the weekend says the weekday it opens', () => {
    assert.equal(sentence(weekdayEvenings, '2026-11-20T23:30:00Z'), 'Closed now. Opens Monday at 5pm');
  });

  test('a line that opens more than 6 days ahead says the date too', () => {
    const mondays: Hours = { kind: 'weekly', times: [{ days: [1], opens: '17:00', closes: '23:00' }] };
    // Monday 28 December 2026 is a bank holiday, so the next opening is a week later.
    assert.equal(sentence(mondays, '2026-12-28T10:00:00Z'), 'Closed now. Opens Monday 4 January at 5pm');
  });

  test('a line that opens at midnight says "at midnight tonight"', () => {
    const overnight: Hours = { kind: 'weekly', times: [{ days: [3], opens: '00:00', closes: '06:00' }] };
    assert.equal(sentence(overnight, '2026-11-24T20:00:00Z'), 'Closed now. Opens at midnight tonight');
  });
});

describe('the list of opening hours', () => {
  test('a line open day and night says so in one line', () => {
    assert.deepEqual(describeHours({ kind: 'always' }), ['Open every day, day and night.']);
  });

  test('the CAMHS line groups weekdays, the weekend and bank holidays', () => {
    assert.deepEqual(describeHours(camhs), [
      'Monday to Friday: 5pm to 11pm',
      'Saturday and Sunday: 9am to 11pm',
      'Bank holidays: 9am to 11pm',
    ]);
  });

  test('a line with no bank holiday times is closed on bank holidays and says which days are closed', () => {
    assert.deepEqual(describeHours(weekdayEvenings), [
      'Monday to Friday: 5pm to 11pm',
      'Saturday and Sunday: closed',
      'Closed on bank holidays',
    ]);
  });

  test('the same hours on all seven days are "Every day"', () => {
    const daily: Hours = { kind: 'weekly', times: [{ days: [1, 2, 3, 4, 5, 6, 7], opens: '08:30', closes: '24:00' }] };
    assert.deepEqual(describeHours(daily), ['Every day: 8:30am to midnight', 'Closed on bank holidays']);
  });

  test('two openings on one day are joined with "and", earliest first', () => {
    const split: Hours = {
      kind: 'weekly',
      times: [
        { days: [3], opens: '14:00', closes: '17:00' },
        { days: [3], opens: '09:00', closes: '12:00' },
      ],
    };
    assert.equal(describeHours(split)[1], 'Wednesday: 9am to midday and 2pm to 5pm');
  });
});

describe('easy-read times and dates', () => {
  test('times are on the 12-hour clock the way people say them', () => {
    assert.deepEqual(['17:00', '09:00', '09:30', '00:00', '24:00', '12:00', '12:30', '00:15'].map(formatSettingsTime), [
      '5pm',
      '9am',
      '9:30am',
      'midnight',
      'midnight',
      'midday',
      '12:30pm',
      '12:15am',
    ]);
  });

  test('a long date has the weekday, day, month and year', () => {
    assert.equal(formatLongDate('2026-11-24'), 'Tuesday 24 November 2026');
  });
});
