/**
 * A form's confirmation page is `<form's path>/sent`, and its address holds
 * the reference and the reply-by date the email promised, and nothing
 * personal: `/refer/sent?ref=DSR-7KQM-2XPT&by=2026-11-24`. The queue does
 * not say when a reference was accepted, so the date travels with the
 * reference; the page checks both.
 */
import { isReference } from '../../queue/reference.ts';
import { addDays, calendarDay, londonDate, type IsoDate } from '../../time/london.ts';

export function confirmationUrl(formPath: string, reference: string, replyBy: IsoDate | undefined): string {
  return `${formPath}/sent?${confirmationQuery(reference, replyBy)}`;
}

/**
 * The "While you wait" card to print (`<form's path>/while-you-wait`) is
 * made from the same two things as the confirmation page, so nothing is
 * kept on the server to make it and its address holds nothing personal.
 */
export function waitCardUrl(formPath: string, reference: string, replyBy: IsoDate | undefined): string {
  return `${formPath}/while-you-wait?${confirmationQuery(reference, replyBy)}`;
}

function confirmationQuery(reference: string, replyBy: IsoDate | undefined): URLSearchParams {
  const query = new URLSearchParams({ ref: reference });
  if (replyBy) query.set('by', replyBy);
  return query;
}

export interface Confirmation {
  reference: string;
  /** Undefined when absent, not a real date, or not a date a message sent lately could have. */
  replyBy: IsoDate | undefined;
}

/** What a confirmation page shows, or undefined when the address has no real reference. */
export function readConfirmation(query: URLSearchParams, today: Date): Confirmation | undefined {
  const reference = query.get('ref') ?? '';
  if (!isReference(reference)) return undefined;
  const by = query.get('by') ?? '';
  return { reference, replyBy: isPlausibleBy(by, today) ? by : undefined };
}

// Something sent in the last year, answered within the area schema's limit of
// 30 working days (about 6 weeks; 62 days allows for Christmas and Easter).
function isPlausibleBy(by: string, today: Date): boolean {
  try {
    calendarDay(by);
  } catch {
    return false;
  }
  const day = londonDate(today);
  return by > addDays(day, -366) && by <= addDays(day, 62);
}
