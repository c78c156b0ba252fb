/**
 * Rules about the person a form is about, the same for every form: age on
 * the day of sending, which consent question applies at that age, the NHS
 * number check digit, UK postcodes and GP surgeries, and the questions built
 * on them.
 *
 * Dates are 'YYYY-MM-DD' calendar dates on a
 * London clock (the server's `londonToday()`; the browser is given the
 * server's day in the page, so both decide the same way).
 */

import * as v from 'valibot';
import { countCharacters, tidyText } from './text.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const match = ISO.exec(date);
  if (!match) throw new RangeError(`Expected a date like 2014-03-05, not "${date}"`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The person's age in whole years on `today`, or undefined when the date of
 * birth is after `today` (a future date is never an age).
 *
 * Birthdays: a person is a year older from the start of their birthday. A
 * person born on 29 February has their birthday on 1 March in a year that is
 * not a leap year: in England and Wales they reach an age on 1 March, not on
 * 28 February (the anniversary of 29 February falls on 1 March in those
 * years). So someone born on 29 February 2008 turns 18 on 1 March 2026.
 */
export function ageOn(dateOfBirth: string, today: string): number | undefined {
  const [by, bm, bd] = parts(dateOfBirth);
  const [ty, tm, td] = parts(today);
  if (dateOfBirth > today) return undefined;
  const [am, ad] = bm === 2 && bd === 29 && !isLeapYear(ty) ? [3, 1] : [bm, bd];
  const hadBirthday = tm > am || (tm === am && td >= ad);
  return ty - by - (hadBirthday ? 0 : 1);
}

/**
 * Which consent question applies: the person's own (from `fromAge`, the age
 * the area's consent model lets a person decide for themselves), or the
 * question for younger people.
 */
type ConsentBand = 'sixteen-or-over' | 'under-sixteen';

export function consentBand(age: number, fromAge: number): ConsentBand {
  return age >= fromAge ? 'sixteen-or-over' : 'under-sixteen';
}

/**
 * NHS numbers: 10 digits, the last a Modulus 11 check digit (NHS Data
 * Dictionary). Digits 1 to 9 are multiplied by 10 down to 2 and added; the
 * check digit is 11 minus the remainder after dividing by 11 (11 becomes 0,
 * and 10 means no number can have these first 9 digits).
 * Worked example: 943 476 5919: the sum is 299, the remainder 2, 11 - 2 = 9.
 */
export function nhsCheckDigit(firstNine: string): number | undefined {
  if (!/^\d{9}$/.test(firstNine)) return undefined;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return undefined;
  return check === 11 ? 0 : check;
}

/** Spaces, hyphens and dashes people type in an NHS number ("943 476 5919", "943-476-5919"). */
const NHS_SEPARATORS = /[\s\u00a0\-\u2010-\u2015\u2212]/g;

type NhsNumberCheck = { ok: true; digits: string; display: string } | { ok: false; problem: 'format' | 'check-digit' };

export function checkNhsNumber(input: string): NhsNumberCheck {
  const digits = input.replace(NHS_SEPARATORS, '');
  if (!/^\d{10}$/.test(digits)) return { ok: false, problem: 'format' };
  if (nhsCheckDigit(digits.slice(0, 9)) !== Number(digits[9])) return { ok: false, problem: 'check-digit' };
  return { ok: true, digits, display: `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` };
}

/**
 * A UK postcode in any case, with or without its space ("se1 7eh",
 * "SE17EH"): the outward code (area, district) and the inward code (a digit
 * and two letters). Returns it in capitals with one space, or undefined.
 * BFPO and overseas territories' codes are not accepted.
 */
export function normalisePostcode(input: string): string | undefined {
  const compact = input.replace(/[\s\u00a0]/g, '').toUpperCase();
  if (!/^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(compact)) return undefined;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/** A UK postcode question: any case, with or without its space; the answer in capitals with one space. */
export function postcode(missing: string) {
  return v.pipe(
    v.string(missing),
    v.transform((value) => value.trim()),
    v.nonEmpty(missing),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const normalised = normalisePostcode(dataset.value);
      if (normalised) return normalised;
      addIssue({ message: 'Enter a real postcode, like SE1 7EH' });
      return NEVER;
    }),
  );
}

/** An NHS number question that may be left blank: the answer as "943 476 5919". */
export function nhsNumber() {
  return v.optional(
    v.pipe(
      v.string(),
      v.transform((value) => value.trim()),
      v.rawTransform(({ dataset, addIssue, NEVER }): string | undefined => {
        if (dataset.value === '') return undefined;
        const checked = checkNhsNumber(dataset.value);
        if (checked.ok) return checked.display;
        addIssue({
          message:
            checked.problem === 'format'
              ? 'NHS number must be 10 numbers'
              : 'NHS number is not right. Check each number',
        });
        return NEVER;
      }),
    ),
  );
}

/** The GP question: a surgery's name, or "I do not know". */
type GpAnswer = { known: true; name: string } | { known: false };

export const GP_MAX = 100;

/**
 * The GP surgery question: a name, or a ticked "I do not know". It reads
 * `{ name, unknown }` (the text box and the check box, `unknown` is "yes"
 * when ticked).
 */
export function gpSurgery() {
  return v.pipe(
    v.custom<{ name?: unknown; unknown?: unknown }>((input) => typeof input === 'object' && input !== null),
    v.rawTransform(({ dataset, addIssue, NEVER }): GpAnswer => {
      const typed = typeof dataset.value.name === 'string' ? tidyText(dataset.value.name).replace(/\s+/g, ' ') : '';
      if (typed === '') {
        if (dataset.value.unknown === 'yes') return { known: false };
        addIssue({ message: 'Enter the name of the GP surgery, or select I do not know' });
        return NEVER;
      }
      if (countCharacters(typed) > GP_MAX) {
        addIssue({ message: `GP surgery must be ${GP_MAX} characters or fewer` });
        return NEVER;
      }
      return { known: true, name: typed };
    }),
  );
}
