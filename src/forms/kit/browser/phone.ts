/**
 * UK phone numbers as people type them: spaces, brackets, hyphens, dashes,
 * dots, +44, 0044 or (0) are all fine; the digits must make a UK number that
 * someone can call back (landline, mobile, 03, 05, 08). What was typed is
 * kept for display; `e164` ("+447700900982") is the form a phone system dials.
 */
import * as v from 'valibot';

type PhoneProblem = 'empty' | 'not-uk' | 'format';

type ParsedPhone = { ok: true; typed: string; e164: string; national: string } | { ok: false; problem: PhoneProblem };

/** Longest text accepted, however it is spaced. */
const PHONE_MAX_TYPED = 40;

// Separators people and dictation software add: spaces of every kind,
// brackets, hyphens and dashes, dots and slashes.
const SEPARATORS = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000()[\]\-\u2010-\u2015\u2212./]/g;

/**
 * National significant numbers (the digits after the leading 0):
 * 01 is 9 or 10 digits, 02 and 03 are 10, 05 and 07 are 10, 08 is 9 or 10.
 * 04 and 06 are not used; 09 is premium rate, never a number to call back.
 */
const UK_NSN = /^(1\d{8,9}|[23]\d{9}|[57]\d{9}|8\d{8,9})$/;

export function parseUkPhone(input: string): ParsedPhone {
  const typed = input.trim();
  if (typed === '') return { ok: false, problem: 'empty' };
  if (typed.length > PHONE_MAX_TYPED) return { ok: false, problem: 'format' };
  let compact = typed.replace(SEPARATORS, '');
  // "+44 (0) 20 ..." has its brackets gone by now: "+44020...".
  if (!/^\+?\d+$/.test(compact)) return { ok: false, problem: 'format' };

  let nsn: string;
  if (compact.startsWith('+')) {
    if (!compact.startsWith('+44')) return { ok: false, problem: 'not-uk' };
    nsn = compact.slice(3);
  } else if (compact.startsWith('00')) {
    if (!compact.startsWith('0044')) return { ok: false, problem: 'not-uk' };
    nsn = compact.slice(4);
  } else if (compact.startsWith('44') && compact.length >= 11) {
    // No UK number starts 44 after its 0, so "44 7700 900982" is +44.
    nsn = compact.slice(2);
  } else if (compact.startsWith('0')) {
    nsn = compact.slice(1);
  } else {
    // People often leave off the 0: "7700 900982". Only a full 10 digits.
    nsn = compact.length === 10 ? compact : '';
  }
  if (nsn.startsWith('0')) nsn = nsn.slice(1); // the "(0)" after +44
  compact = nsn;
  if (!UK_NSN.test(compact)) return { ok: false, problem: 'format' };
  return { ok: true, typed, e164: `+44${compact}`, national: `0${compact}` };
}

/** Ofcom's drama numbers, never real ones: the examples in hints and messages. */
const PHONE_EXAMPLES = '01632 960 001, 07700 900 982 or +44 808 157 0192';
export const MOBILE_EXAMPLE = '07700 900 982';

/** The answer to a phone question: what was typed, and the number to dial. */
interface PhoneAnswer {
  typed: string;
  e164: string;
}

/**
 * A UK phone number question, for a form's schema. Only "missing" is the
 * question's own words; the others are the same on every form. It reads the
 * typed text, or `{ typed, mobile }` where another answer decides that the
 * number must be a mobile (for text messages).
 */
export function ukPhone(missing: string) {
  return v.pipe(
    v.unknown(),
    v.rawTransform(({ dataset, addIssue, NEVER }): PhoneAnswer => {
      const input = dataset.value;
      const { typed, mobile } =
        typeof input === 'object' && input !== null && 'typed' in input
          ? (input as { typed: unknown; mobile: boolean })
          : { typed: input, mobile: false };
      const parsed = typeof typed === 'string' ? parseUkPhone(typed) : ({ ok: false, problem: 'empty' } as const);
      if (!parsed.ok) {
        addIssue({
          message:
            parsed.problem === 'empty'
              ? missing
              : `Enter a ${parsed.problem === 'not-uk' ? 'UK ' : ''}phone number, like ${PHONE_EXAMPLES}`,
        });
        return NEVER;
      }
      if (mobile && !parsed.e164.startsWith('+447')) {
        addIssue({ message: `Enter a mobile phone number for text messages, like ${MOBILE_EXAMPLE}` });
        return NEVER;
      }
      return { typed: parsed.typed, e164: parsed.e164 };
    }),
  );
}
