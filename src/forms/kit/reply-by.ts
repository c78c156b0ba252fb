/**
 * The reply promise. An area may promise a reply within a number of working
 * days for each way of asking (`reply` in its settings); the date counts from the London
 * day a message arrived, skipping weekends and bank holidays (see
 * src/time/working-days.ts). Forms, emails and confirmation pages all say it
 * with these words.
 */
import type { IsoDate } from '../../time/london.ts';
import { addWorkingDays, formatLongDate } from '../../time/working-days.ts';

/** The date by which the team replies, or undefined when the area makes no promise. */
export function replyByDate(received: Date, replyWorkingDays: number | undefined): IsoDate | undefined {
  return replyWorkingDays === undefined ? undefined : addWorkingDays(received, replyWorkingDays);
}

/** "1 working day", "2 working days". */
export function workingDays(days: number): string {
  return `${days} working ${days === 1 ? 'day' : 'days'}`;
}

/**
 * For the team: "Tuesday 24 November 2026 (2 working days)", and whose
 * promise it is when it is this website's, so the team knows what the
 * person was told and that it did not come from the team's own page.
 */
export function replyByFact(replyBy: IsoDate, days: number, websitePromise = false): string {
  const whose = websitePromise ? ", this website's promise to the person" : '';
  return `${formatLongDate(replyBy)} (${workingDays(days)}${whose})`;
}
