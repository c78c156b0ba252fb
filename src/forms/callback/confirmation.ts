/** The callback confirmation page's address: `/ask-for-a-call/sent?ref=…&by=<call-by date>`. */
import type { IsoDate } from '../../time/london.ts';
import { confirmationAt, readConfirmationQuery } from '../shared/confirmation.ts';

export const CONFIRMATION_PATH = '/ask-for-a-call/sent';

export function confirmationUrl(reference: string, callBy: IsoDate | undefined): string {
  return confirmationAt(CONFIRMATION_PATH, reference, callBy);
}

export interface Confirmation {
  reference: string;
  /** Undefined when absent, not a real date, or not a date a request made lately could have. */
  callBy: IsoDate | undefined;
}

export function readConfirmation(query: URLSearchParams, today: Date): Confirmation | undefined {
  const found = readConfirmationQuery(query, today);
  return found && { reference: found.reference, callBy: found.by };
}
