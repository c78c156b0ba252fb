/** The referral confirmation page's address: `/refer/sent?ref=…&by=<reply-by date>`. */
import type { IsoDate } from '../../time/london.ts';
import { confirmationAt, readConfirmationQuery } from '../shared/confirmation.ts';

export const REFER_PATH = '/refer';
export const CONFIRMATION_PATH = '/refer/sent';

export function confirmationUrl(reference: string, replyBy: IsoDate | undefined): string {
  return confirmationAt(CONFIRMATION_PATH, reference, replyBy);
}

export interface Confirmation {
  reference: string;
  /** Undefined when absent, not a real date, or not a date a referral made lately could have. */
  replyBy: IsoDate | undefined;
}

export function readConfirmation(query: URLSearchParams, today: Date): Confirmation | undefined {
  const found = readConfirmationQuery(query, today);
  return found && { reference: found.reference, replyBy: found.by };
}
