/**
 * "We will reply by": working days in England, skipping Saturdays, Sundays
 * and England and Wales bank holidays.
 */
import { isBankHoliday } from './bank-holidays.ts';
import { addDays, isoWeekday, londonDate, type IsoDate } from './london.ts';

export { formatLongDate } from './easy-read-time.ts';

export function isWorkingDay(date: IsoDate): boolean {
  return isoWeekday(date) <= 5 && !isBankHoliday(date);
}

/**
 * The London date that is `workingDays` working days after the London
 * calendar day on which `received` happened.
 *
 * Contract: the day of receipt never counts, even when it is a working day
 * and the message came in the morning; day one is the first working day after
 * it. So a message on a Saturday, a Sunday or a bank holiday counts from the
 * next working day: Friday afternoon + 2 → Tuesday, Saturday + 2 → Tuesday.
 * The day is the day on a London clock: 23:59 and 00:01 are different days,
 * whatever the UTC date.
 */
export function addWorkingDays(received: Date, workingDays: number): IsoDate {
  if (!Number.isInteger(workingDays) || workingDays < 1) {
    throw new RangeError(`Working days must be a whole number of 1 or more, not ${workingDays}`);
  }
  let date = londonDate(received);
  for (let counted = 0; counted < workingDays;) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) counted++;
  }
  return date;
}
