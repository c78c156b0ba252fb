/**
 * Phone numbers are written the UK way ("020 3228 5980") and dialled in
 * E.164 ("tel:+442032285980"). Short numbers (999, 111, 116 123) are dialled
 * as they are.
 */
export function telHref(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('0') ? `tel:+44${digits.slice(1)}` : `tel:${digits}`;
}

/** A text message link that opens the messages app with the word filled in. */
export function smsHref(to: string, word: string): string {
  return `sms:${to}?&body=${encodeURIComponent(word)}`;
}
