/**
 * Whether a crisis line is open at an instant, and when it next opens or
 * closes, in London time. The same facts as sentences: hours-text.ts.
 */
import type { Hours } from '../area/schema.ts';
import { bankHolidayName } from './bank-holidays.ts';
import { addDays, atLondonTime, isoWeekday, londonDate, type IsoDate } from './london.ts';

export type WeeklyHours = Extract<Hours, { kind: 'weekly' }>;

/** One stretch of opening on one day, in 24-hour times. */
export type Opening = { opens: string; closes: string };

/** `closesAt` is absent when the line does not close in the weeks ahead. */
export type LineStatus = { open: true; closesAt?: Date } | { open: false; opensAt: Date };

type Block = { start: number; end: number };

// Far enough to pass any run of bank holidays and weekends, like Christmas.
const LOOKAHEAD_DAYS = 28;

export function lineStatus(hours: Hours, at: Date): LineStatus {
  if (hours.kind === 'always') return { open: true };
  const today = londonDate(at);
  const blocks = openBlocks(hours, today);
  const time = at.getTime();
  const current = blocks.find((b) => b.start <= time && time < b.end);
  if (current) {
    const lookaheadEnds = atLondonTime(addDays(today, LOOKAHEAD_DAYS), '00:00').toMillis();
    return current.end < lookaheadEnds ? { open: true, closesAt: new Date(current.end) } : { open: true };
  }
  const next = blocks.find((b) => b.start > time);
  if (!next) throw new Error(`The line has no opening time in the ${LOOKAHEAD_DAYS} days after ${today}`);
  return { open: false, opensAt: new Date(next.start) };
}

/**
 * The openings on a London date. A bank holiday (always a weekday) uses the
 * bank holiday times instead of that weekday's times; no bank holiday times
 * means closed.
 */
function openingsOn(hours: WeeklyHours, date: IsoDate): Opening[] {
  if (bankHolidayName(date)) return hours.bankHolidays ? [hours.bankHolidays] : [];
  const weekday = isoWeekday(date);
  return hours.times.filter((t) => t.days.includes(weekday));
}

// Starts a day early so that an opening running past midnight is seen.
function openBlocks(hours: WeeklyHours, today: IsoDate): Block[] {
  const blocks: Block[] = [];
  for (let offset = -1; offset <= LOOKAHEAD_DAYS; offset++) {
    const date = addDays(today, offset);
    for (const opening of openingsOn(hours, date)) blocks.push(toBlock(date, opening));
  }
  return merge(blocks.sort((a, b) => a.start - b.start));
}

// The closing time belongs to the opening day; a closing time not after the
// opening time ("22:00" to "02:00", or "00:00") is on the next morning.
function toBlock(date: IsoDate, { opens, closes }: Opening): Block {
  const start = atLondonTime(date, opens).toMillis();
  const sameDayEnd = atLondonTime(date, closes).toMillis();
  const end = sameDayEnd > start ? sameDayEnd : atLondonTime(addDays(date, 1), closes).toMillis();
  return { start, end };
}

// Touching openings (closes 24:00, opens 00:00 next day) are one stretch.
function merge(sorted: Block[]): Block[] {
  const merged: Block[] = [];
  for (const block of sorted) {
    const last = merged.at(-1);
    if (last && block.start <= last.end) last.end = Math.max(last.end, block.end);
    else merged.push({ ...block });
  }
  return merged;
}
