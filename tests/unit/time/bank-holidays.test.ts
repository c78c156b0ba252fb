import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bankHolidayName, bankHolidays, isBankHoliday } from '../../../src/time/bank-holidays.ts';

// Pins the date-holidays data to the gov.uk list of England and Wales bank holidays.

test('the 2025 bank holidays are the ones on gov.uk', () => {
  assert.deepEqual(
    [...bankHolidays(2025).keys()],
    ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  );
});

test('the 2026 bank holidays are the ones on gov.uk', () => {
  assert.deepEqual(
    [...bankHolidays(2026).keys()],
    ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  );
});

test('the 2027 bank holidays are the ones on gov.uk', () => {
  assert.deepEqual(
    [...bankHolidays(2027).keys()],
    ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
  );
});

test('Boxing Day on a Saturday is not a bank holiday, its Monday substitute is', () => {
  assert.equal(isBankHoliday('2026-12-26'), false);
  assert.equal(bankHolidayName('2026-12-28'), 'Boxing Day (substitute day)');
});

test('Christmas Day on a Saturday moves to the Monday', () => {
  assert.equal(isBankHoliday('2027-12-25'), false);
  assert.equal(bankHolidayName('2027-12-27'), 'Christmas Day (substitute day)');
});

test('Good Friday has its name', () => {
  assert.equal(bankHolidayName('2026-04-03'), 'Good Friday');
});

test('an ordinary weekday is not a bank holiday and has no name', () => {
  assert.equal(isBankHoliday('2026-11-24'), false);
  assert.equal(bankHolidayName('2026-11-24'), undefined);
});

test('Mothering Sunday, which date-holidays lists as an observance, is not a bank holiday', () => {
  assert.equal(isBankHoliday('2026-03-15'), false);
});

test('a year is worked out once and then reused', () => {
  assert.equal(bankHolidays(2026), bankHolidays(2026));
});

test('a date that is not YYYY-MM-DD is refused', () => {
  assert.throws(() => isBankHoliday('25/12/2026'), RangeError);
  assert.throws(() => isBankHoliday('2026-02-30'), RangeError);
});
