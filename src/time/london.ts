/**
 * London calendar days. Opening hours and reply dates are about the day and
 * the time on a clock in England, so every calculation goes through here.
 */
import { DateTime } from 'luxon';

const LONDON_ZONE = 'Europe/London';

/** A calendar date, 'YYYY-MM-DD', with no time and no zone. */
export type IsoDate = string;

/** 1 is Monday, 7 is Sunday. */
type IsoWeekday = number;

const ISO_DATE = /^\d{4}-\d\d-\d\d$/;

/** The instant as a London wall-clock time. */
export function inLondon(at: Date): DateTime {
  return DateTime.fromJSDate(at, { zone: LONDON_ZONE }).setLocale('en-GB');
}

/** The London calendar date on which the instant falls. */
export function londonDate(at: Date): IsoDate {
  return toIsoDate(inLondon(at));
}

/** A calendar date as a zone-free DateTime (UTC has no clock changes). */
export function calendarDay(date: IsoDate): DateTime {
  const day = ISO_DATE.test(date) ? DateTime.fromISO(date, { zone: 'utc' }) : DateTime.invalid('not YYYY-MM-DD');
  if (!day.isValid) throw new RangeError(`Expected a date like 2026-11-24, not "${date}"`);
  return day.setLocale('en-GB');
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return toIsoDate(calendarDay(date).plus({ days }));
}

export function isoWeekday(date: IsoDate): IsoWeekday {
  return calendarDay(date).weekday;
}

/** The instant at a 24-hour time ("17:00", or "24:00" for the midnight ending the day) on a London date. */
export function atLondonTime(date: IsoDate, time: string): DateTime {
  const [hour = NaN, minute = NaN] = time.split(':').map(Number);
  if (hour === 24 && minute === 0) return atLondonTime(addDays(date, 1), '00:00');
  const { year, month, day } = calendarDay(date);
  const at = DateTime.fromObject({ year, month, day, hour, minute }, { zone: LONDON_ZONE });
  if (!at.isValid) throw new RangeError(`Expected a time like 17:00, not "${time}"`);
  return at.setLocale('en-GB');
}

/** The first instant of the next London calendar day (a clock change never moves it off midnight). */
export function nextLondonMidnight(at: Date): Date {
  return inLondon(at).plus({ days: 1 }).startOf('day').toJSDate();
}

function toIsoDate(day: DateTime): IsoDate {
  return day.toFormat('yyyy-MM-dd');
}
