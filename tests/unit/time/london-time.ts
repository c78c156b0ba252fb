/** Test helper: an instant written as a London wall-clock time, independent of the code under test. */
import { DateTime } from 'luxon';

export function londonClock(at: Date | undefined): string {
  if (!at) return 'no time';
  return DateTime.fromJSDate(at, { zone: 'Europe/London' }).toFormat('cccc yyyy-MM-dd HH:mm');
}
