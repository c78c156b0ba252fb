/**
 * England and Wales bank holidays, from the maintained date-holidays data.
 */
import Holidays from 'date-holidays';
import { isoWeekday, type IsoDate } from './london.ts';

const england = new Holidays('GB', 'ENG');
const byYear = new Map<number, ReadonlyMap<IsoDate, string>>();

/** The bank holidays of a year, date to name, in date order. */
export function bankHolidays(year: number): ReadonlyMap<IsoDate, string> {
  let days = byYear.get(year);
  if (!days) {
    days = load(year);
    byYear.set(year, days);
  }
  return days;
}

export function isBankHoliday(date: IsoDate): boolean {
  return bankHolidayName(date) !== undefined;
}

/** "Boxing Day (substitute day)", or undefined when the date is not a bank holiday. */
export function bankHolidayName(date: IsoDate): string | undefined {
  isoWeekday(date); // rejects anything that is not a real YYYY-MM-DD date
  return bankHolidays(Number(date.slice(0, 4))).get(date);
}

// date-holidays also marks Christmas, Boxing Day and New Year's Day as public
// when they fall on a weekend; the bank holiday is then only the substitute
// weekday, so weekend dates are dropped.
function load(year: number): ReadonlyMap<IsoDate, string> {
  const days = new Map<IsoDate, string>();
  for (const holiday of england.getHolidays(year)) {
    const date = holiday.date.slice(0, 10);
    const isBank = holiday.type === 'public' || holiday.type === 'bank';
    if (isBank && isoWeekday(date) <= 5) days.set(date, holiday.name);
  }
  return days;
}
