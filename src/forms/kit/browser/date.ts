/**
 * Dates asked as three boxes (day, month, year), the GOV.UK way: month names
 * ("jan", "March") are fine, stray spaces are ignored, and each message says
 * what is wrong and links to the first wrong box.
 */
import * as v from 'valibot';
import type { RawValues } from './values.ts';
import { single } from './values.ts';

interface DateParts {
  day?: unknown;
  month?: unknown;
  year?: unknown;
}

/** `read` for a date question whose inputs are `<name>-day`, `<name>-month`, `<name>-year`. */
export function readDateParts(name: string): (values: RawValues) => DateParts {
  return (values) => ({
    day: single(values[`${name}-day`]),
    month: single(values[`${name}-month`]),
    year: single(values[`${name}-year`]),
  });
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "3", "03", "mar", "March", "Sept" → 3; anything else → undefined. */
export function monthNumber(text: string): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const word = text.toLowerCase().replace(/\.$/, '');
  if (word.length < 3) return undefined;
  const index = MONTHS.findIndex((month) => month.toLowerCase().startsWith(word));
  return index === -1 ? undefined : index + 1;
}

/** "2014-03-05" → "5 March 2014". */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

interface DateMessages {
  /** "Enter your date of birth" */
  missing: string;
  /** "Date of birth must include a" → "... a month", "... a day and year" */
  mustInclude: string;
  /** "Date of birth must be a real date" */
  real: string;
  /** "Year must include 4 numbers" */
  year: string;
  /** "Date of birth must be in the past"; used when `past` is set. */
  past?: string;
}

/**
 * A date question's schema. Its input is DateParts (see `readDateParts`);
 * its output is 'YYYY-MM-DD'. Issues about one box carry that box in their
 * path, so the error links to it.
 */
export function dateSchema(
  messages: DateMessages,
  options: { past?: false } | { past: true; /** Today on a London clock, 'YYYY-MM-DD'. */ today: () => string } = {},
) {
  return v.pipe(
    v.custom<DateParts>((input) => typeof input === 'object' && input !== null, messages.missing),
    v.rawTransform(({ dataset, addIssue, NEVER }): string => {
      const part = (key: keyof DateParts): string =>
        typeof dataset.value[key] === 'string' ? (dataset.value[key] as string).replace(/[\s\-‐–—]/g, '') : '';
      const day = part('day');
      const month = part('month');
      const year = part('year');
      const at = (key: keyof DateParts) =>
        [{ type: 'object', origin: 'value', input: dataset.value, key, value: dataset.value[key] }] as never;
      const missing = (['day', 'month', 'year'] as const).filter((key) => ({ day, month, year })[key] === '');
      if (missing.length === 3) {
        addIssue({ message: messages.missing, path: at('day') });
        return NEVER;
      }
      if (missing.length > 0) {
        addIssue({ message: `${messages.mustInclude} ${missing.join(' and ')}`, path: at(missing[0]!) });
        return NEVER;
      }
      const m = monthNumber(month);
      if (!/^\d{1,2}$/.test(day) || m === undefined) {
        addIssue({ message: messages.real, path: at(m === undefined && /^\d{1,2}$/.test(day) ? 'month' : 'day') });
        return NEVER;
      }
      if (!/^\d{4}$/.test(year)) {
        addIssue({ message: messages.year, path: at('year') });
        return NEVER;
      }
      const d = Number(day);
      const y = Number(year);
      const date = new Date(Date.UTC(y, m - 1, d));
      if (m < 1 || m > 12 || d < 1 || date.getUTCDate() !== d || date.getUTCMonth() !== m - 1 || y < 1900) {
        addIssue({ message: messages.real, path: at('day') });
        return NEVER;
      }
      const iso = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      if (options.past && messages.past && iso >= options.today()) {
        addIssue({ message: messages.past, path: at('day') });
        return NEVER;
      }
      return iso;
    }),
  );
}
