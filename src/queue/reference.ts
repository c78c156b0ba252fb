/**
 * Submission references, read aloud on the phone: `DSR-7KQM-2XPT`.
 * Random (not guessable, no personal data), from an alphabet without
 * look-alikes (no 0/O, 1/I/L, U/V confusion).
 */
import { randomInt } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
const group = (): string => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** 29^8 ≈ 5 × 10^11 possibilities. */
export function newReference(): string {
  return `DSR-${group()}-${group()}`;
}

const PATTERN = /^DSR-[2-9A-HJKMNPQRSTWXYZ]{4}-[2-9A-HJKMNPQRSTWXYZ]{4}$/;

export function isReference(value: string): boolean {
  return PATTERN.test(value);
}

/** Accepts what a person types: lower case, spaces, a missing dash. */
export function normaliseReference(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  const match = /^DSR([2-9A-Z]{4})([2-9A-Z]{4})$/.exec(compact);
  const reference = match ? `DSR-${match[1]}-${match[2]}` : '';
  return isReference(reference) ? reference : undefined;
}
