/**
 * A confirmation page's address: the reference and the date the email
 * promised, and nothing personal: `/refer/sent?ref=DSR-7KQM-2XPT&by=2026-11-24`.
 * The queue does not say when a reference was accepted, so the date travels
 * with the reference; the page checks both.
 */
import { isReference } from '../../queue/reference.ts';
import { addDays, calendarDay, londonDate, type IsoDate } from '../../time/london.ts';

export function confirmationAt(path: string, reference: string, by: IsoDate | undefined): string {
  const query = new URLSearchParams({ ref: reference });
  if (by) query.set('by', by);
  return `${path}?${query}`;
}

/** What a confirmation page shows, or undefined when the address has no real reference. */
export function readConfirmationQuery(
  query: URLSearchParams,
  today: Date,
): { reference: string; by: IsoDate | undefined } | undefined {
  const reference = query.get('ref') ?? '';
  if (!isReference(reference)) return undefined;
  const by = query.get('by') ?? '';
  return { reference, by: isPlausibleBy(by, today) ? by : undefined };
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
