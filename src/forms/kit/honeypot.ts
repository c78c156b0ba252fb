/**
 * The honeypot: a question labelled "Leave this blank" that people never see
 * or hear (src/forms/kit/components/Honeypot.astro) and form-filling robots
 * answer. A post that answers it gets the same reply as a real one (a
 * confirmation with a reference-looking value) but nothing is queued, and
 * the log counts it (the form's id only, never what was sent). No CAPTCHA.
 *
 * The field's name matches nothing that browsers or password managers fill
 * in (not "website", "url", "email", "company"...): a person whose browser
 * filled the honeypot would lose their request without knowing.
 */
import { newReference } from '../../queue/reference.ts';
import { single, type RawValues } from './browser/values.ts';

export const HONEYPOT_FIELD = 'leave-blank';
export const HONEYPOT_LABEL = 'Leave this blank';

/** True when the post answered the honeypot (anything but blank). */
export function honeypotFilled(values: RawValues): boolean {
  const value = values[HONEYPOT_FIELD];
  if (value === undefined) return false;
  if (Array.isArray(value) && value.length > 1) return true;
  return (single(value) ?? '').trim() !== '';
}

/** A value that looks like a real reference and was never given to anything. */
export function decoyReference(): string {
  return newReference();
}
