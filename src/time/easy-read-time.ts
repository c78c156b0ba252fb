/**
 * Times and dates written the way people in the UK read them:
 * "5pm", "9:30am", "midday", "midnight", "Tuesday 24 November 2026".
 */
import type { DateTime } from 'luxon';
import { atLondonTime, calendarDay, type IsoDate } from './london.ts';

/** A wall-clock time in 12-hour easy read. */
export function formatClockTime(time: DateTime): string {
  const { hour, minute } = time;
  if (minute === 0 && hour === 0) return 'midnight';
  if (minute === 0 && hour === 12) return 'midday';
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  const minutes = minute === 0 ? '' : `:${String(minute).padStart(2, '0')}`;
  return `${hour12}${minutes}${hour < 12 ? 'am' : 'pm'}`;
}

/** A 24-hour time from the area settings ("17:00", "24:00") in easy read. */
export function formatSettingsTime(time: string): string {
  return formatClockTime(atLondonTime('2000-01-03', time));
}

/** '2026-11-24' → 'Tuesday 24 November 2026'. */
export function formatLongDate(date: IsoDate): string {
  return calendarDay(date).toFormat('cccc d LLLL yyyy');
}
