/**
 * Opening hours and open-or-closed status as easy-read sentences.
 */
import type { Hours } from '../area/schema.ts';
import { formatClockTime, formatSettingsTime } from './easy-read-time.ts';
import { addDays, calendarDay, inLondon, londonDate, type IsoDate } from './london.ts';
import type { LineStatus, Opening, WeeklyHours } from './opening-hours.ts';

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "Open now", "Open now until 11pm", "Closed now. Opens tomorrow at 9am". */
export function describeStatus(status: LineStatus, at: Date): string {
  if (!status.open) return `Closed now. Opens ${opensText(status.opensAt, londonDate(at))}`;
  return status.closesAt ? `Open now until ${untilText(status.closesAt, londonDate(at))}` : 'Open now';
}

/** The hours as lines for a list: "Monday to Friday: 5pm to 11pm", "Closed on bank holidays". */
export function describeHours(hours: Hours): string[] {
  if (hours.kind === 'always') return ['Open every day, day and night.'];
  const bankHolidays = hours.bankHolidays
    ? `Bank holidays: ${openingsText([hours.bankHolidays])}`
    : 'Closed on bank holidays';
  return [...weekLines(hours), bankHolidays];
}

function opensText(instant: Date, today: IsoDate): string {
  const time = inLondon(instant);
  // Midnight is said as the end of the day before: "at midnight tonight".
  if (time.hour === 0 && time.minute === 0) return `at midnight ${nightWord(addDays(londonDate(instant), -1), today)}`;
  return `${dayWord(londonDate(instant), today)} at ${formatClockTime(time)}`;
}

function untilText(instant: Date, today: IsoDate): string {
  const time = inLondon(instant);
  if (time.hour === 0 && time.minute === 0) {
    const night = addDays(londonDate(instant), -1);
    return night === today ? 'midnight' : `midnight ${nightWord(night, today)}`;
  }
  const date = londonDate(instant);
  return date === today ? formatClockTime(time) : `${dayWord(date, today)} at ${formatClockTime(time)}`;
}

// A weekday name alone is only clear within the coming week.
function dayWord(date: IsoDate, today: IsoDate): string {
  if (date === today) return 'today';
  if (date === addDays(today, 1)) return 'tomorrow';
  const day = calendarDay(date);
  return date <= addDays(today, 6) ? day.toFormat('cccc') : day.toFormat('cccc d LLLL');
}

function nightWord(date: IsoDate, today: IsoDate): string {
  if (date === today) return 'tonight';
  if (date === addDays(today, 1)) return 'tomorrow night';
  return `on ${dayWord(date, today)} night`;
}

// Neighbouring days with the same hours share a line: "Saturday and Sunday".
function weekLines(hours: WeeklyHours): string[] {
  const texts = DAY_NAMES.map((_, i) => openingsText(hours.times.filter((t) => t.days.includes(i + 1))));
  if (texts.every((t) => t === texts[0])) return [`Every day: ${texts[0]}`];
  const lines: string[] = [];
  for (let first = 0; first < 7;) {
    let last = first;
    while (last < 6 && texts[last + 1] === texts[first]) last++;
    lines.push(`${dayRange(first, last)}: ${texts[first]}`);
    first = last + 1;
  }
  return lines;
}

function dayRange(first: number, last: number): string {
  if (first === last) return `${DAY_NAMES[first]}`;
  return `${DAY_NAMES[first]} ${last === first + 1 ? 'and' : 'to'} ${DAY_NAMES[last]}`;
}

function openingsText(openings: Opening[]): string {
  if (openings.length === 0) return 'closed';
  return [...openings]
    .sort((a, b) => a.opens.localeCompare(b.opens))
    .map(({ opens, closes }) =>
      isAllDay(opens, closes) ? 'day and night' : `${formatSettingsTime(opens)} to ${formatSettingsTime(closes)}`,
    )
    .join(' and ');
}

function isAllDay(opens: string, closes: string): boolean {
  return opens === '00:00' && (closes === '24:00' || closes === '00:00');
}
