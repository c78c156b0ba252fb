/**
 * Where a good plain POST goes before anything is sent (the `hold` option of
 * handleFormPost): back to the form to change an answer (`change=<question>`
 * from the check page), to the page that explains why nothing can be sent
 * when nobody agrees, to "Check your answers" until the person presses
 * "Send referral" (`confirm=yes`), and only then to the queue.
 *
 * Browser-safe: no imports beyond the form's own.
 */
import { single, type RawValues } from '../shared/values.ts';
import { consentRefused, type ReferralAnswers } from './schema.ts';

export type Hold = 'change' | 'no-consent' | 'check';

export function holdReferral(
  answers: Pick<ReferralAnswers, 'consent16' | 'consentUnder16'>,
  raw: RawValues,
): Hold | undefined {
  if (single(raw['change']) !== undefined) return 'change';
  if (consentRefused(answers)) return 'no-consent';
  return single(raw['confirm']) === 'yes' ? undefined : 'check';
}
