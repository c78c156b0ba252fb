/**
 * "We will call you by": the area's promise in working days, counted from
 * the London day the request arrived (that day never counts), skipping
 * weekends and England and Wales bank holidays. See src/time/working-days.ts.
 */
import type { IsoDate } from '../../time/london.ts';
import { addWorkingDays } from '../../time/working-days.ts';

/** The date by which the team calls back, or undefined when the area makes no promise. */
export function callByDate(received: Date, replyWorkingDays: number | undefined): IsoDate | undefined {
  return replyWorkingDays === undefined ? undefined : addWorkingDays(received, replyWorkingDays);
}
