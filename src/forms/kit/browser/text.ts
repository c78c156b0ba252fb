/**
 * Text answers. Browser and server count and clean text the same way, so the
 * character count shown as you type always agrees with the server.
 */
import * as v from 'valibot';

/**
 * What a person typed, tidied: line breaks as "\n" (browsers send "\r\n"
 * but count "\n"), no control characters except line breaks and tabs, no
 * spaces at either end.
 */
export function tidyText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .trim();
}

/** A multi-line answer as its lines, for the check-your-answers page and the team's email. */
export function linesOf(text: string): string[] {
  return text.split('\n');
}

/** Characters as people count them: "é" and "😀" are one each; a line break is one. */
export function countCharacters(value: string): number {
  let count = 0;
  for (const _ of value.replace(/\r\n/g, '\n')) count++;
  return count;
}

/** Letters of any alphabet, combining marks, spaces, apostrophes, hyphens and full stops ("'t Hooft", "O'Neill"). */
const NAME = /^[\p{L}\p{M} '\u2019\u02bc\u2018\-\u2010\u2011.]+$/u;

export function isName(value: string): boolean {
  return NAME.test(value) && /\p{L}/u.test(value);
}

/** The longest name any form accepts. */
export const NAME_MAX = 100;

/**
 * How a question's messages name its answer: "Home address" gives "Home
 * address must be 300 characters or fewer" (GOV.UK wording).
 */
interface TextWords {
  /** For a blank answer to a question that must be answered: "Enter the person's home address". */
  missing: string;
  /** The answer's name at the start of a sentence: "Home address". */
  subject: string;
}

const tooLong = (subject: string, max: number) => `${subject} must be ${max} characters or fewer`;
const notAName = (subject: string) =>
  `${subject} must only include letters, spaces, hyphens, full stops and apostrophes`;

/** A one-line or multi-line answer that must be given: tidied, at most `max` characters. */
export function requiredText(max: number, words: TextWords) {
  return v.pipe(
    v.string(words.missing),
    v.transform(tidyText),
    v.nonEmpty(words.missing),
    v.check((value) => countCharacters(value) <= max, tooLong(words.subject, max)),
  );
}

/** An answer that may be left blank: blank becomes `undefined`. */
export function optionalText(max: number, subject: string) {
  return v.optional(
    v.pipe(
      v.string(),
      v.transform(tidyText),
      v.check((value) => countCharacters(value) <= max, tooLong(subject, max)),
      v.transform((value) => (value === '' ? undefined : value)),
    ),
  );
}

/** A person's name, in any alphabet: one line, tidied, letters and the marks names use. */
export function requiredName(words: TextWords, max = NAME_MAX) {
  return v.pipe(
    requiredText(max, words),
    v.transform((value) => value.replace(/\s+/g, ' ')),
    v.check(isName, notAName(words.subject)),
  );
}

/** A name that may be left blank. */
export function optionalName(max: number, subject: string) {
  return v.optional(
    v.pipe(
      v.string(),
      v.transform((value) => tidyText(value).replace(/\s+/g, ' ')),
      v.check((value) => countCharacters(value) <= max, tooLong(subject, max)),
      v.check((value) => value === '' || isName(value), notAName(subject)),
      v.transform((value) => (value === '' ? undefined : value)),
    ),
  );
}

/** The longest email address (RFC 5321). */
export const EMAIL_MAX = 254;

/**
 * The form-filler's email address, to answer them at: one plain address
 * (ASCII, no spaces, commas or brackets), so it can be the email's Reply-To.
 */
export function emailAddress(missing: string) {
  const format = 'Enter an email address in the correct format, like name@example.com';
  return v.pipe(
    v.string(missing),
    v.transform((value) => value.trim()),
    v.nonEmpty(missing),
    v.check((value) => countCharacters(value) <= EMAIL_MAX, tooLong('Email address', EMAIL_MAX)),
    v.regex(/^[\x21-\x7e]+$/, format),
    v.email(format),
  );
}

/** "borough" as it starts a label: "Borough". */
export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
