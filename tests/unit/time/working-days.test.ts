import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addWorkingDays, isWorkingDay } from '../../../src/time/working-days.ts';

function replyBy(receivedUtc: string, workingDays: number): string {
  return addWorkingDays(new Date(receivedUtc), workingDays);
}

describe('reply-by dates', () => {
  test('Friday afternoon plus 2 working days is Tuesday', () => {
    assert.equal(replyBy('2026-11-20T15:00:00Z', 2), '2026-11-24');
  });

  test('the day of submission does not count, even on a weekday morning', () => {
    assert.equal(replyBy('2026-11-24T08:00:00Z', 1), '2026-11-25');
  });

  test('Saturday plus 2 working days is Tuesday, counting from Monday', () => {
    assert.equal(replyBy('2026-11-21T11:00:00Z', 2), '2026-11-24');
  });

  test('Friday before a bank holiday Monday plus 2 working days is Wednesday', () => {
    assert.equal(replyBy('2026-05-22T14:00:00Z', 2), '2026-05-27');
  });

  test('a bank holiday Monday plus 1 working day is Tuesday', () => {
    assert.equal(replyBy('2026-05-25T10:00:00Z', 1), '2026-05-26');
  });

  test('Christmas Eve 2026 plus 2 working days skips Christmas, the weekend and the Boxing Day substitute', () => {
    assert.equal(replyBy('2026-12-24T12:00:00Z', 2), '2026-12-30');
  });

  test("New Year's Eve 2026 plus 1 working day skips New Year's Day and the weekend", () => {
    assert.equal(replyBy('2026-12-31T12:00:00Z', 1), '2027-01-04');
  });

  test('late on the Sunday the clocks go forward, 11:30pm UTC is already Monday in London', () => {
    assert.equal(replyBy('2026-03-29T23:30:00Z', 1), '2026-03-31');
  });

  test('late on the Sunday the clocks go back, 11:30pm UTC is still Sunday in London', () => {
    assert.equal(replyBy('2026-10-25T23:30:00Z', 1), '2026-10-26');
  });

  test('11:59pm in summer counts from the day it was sent, though it is 10:59pm UTC', () => {
    assert.equal(replyBy('2026-06-10T22:59:00Z', 1), '2026-06-11');
  });

  test('12:01am in summer counts from the new day, though UTC is still the day before', () => {
    assert.equal(replyBy('2026-06-10T23:01:00Z', 1), '2026-06-12');
  });

  test('a number of working days below 1 or not whole is refused', () => {
    assert.throws(() => replyBy('2026-06-10T12:00:00Z', 0), RangeError);
    assert.throws(() => replyBy('2026-06-10T12:00:00Z', 1.5), RangeError);
  });
});

describe('working days', () => {
  test('an ordinary weekday is a working day', () => {
    assert.equal(isWorkingDay('2026-11-24'), true);
  });

  test('Saturday and Sunday are not working days', () => {
    assert.equal(isWorkingDay('2026-11-21'), false);
    assert.equal(isWorkingDay('2026-11-22'), false);
  });

  test('a bank holiday is not a working day', () => {
    assert.equal(isWorkingDay('2026-08-31'), false);
  });
});
