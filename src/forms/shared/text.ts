/**
 * Text answers. Browser and server count and clean text the same way, so the
 * character count shown as you type always agrees with the server.
 *
 * Browser-safe: imports valibot only.
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

export interface TextMessages {
  /** For a blank answer to a question that must be answered. */
  missing: string;
  /** For an answer longer than `max` characters. */
  tooLong: string;
}

/** A one-line or multi-line answer that must be given: tidied, at most `max` characters. */
export function requiredText(max: number, messages: TextMessages) {
  return v.pipe(
    v.string(messages.missing),
    v.transform(tidyText),
    v.nonEmpty(messages.missing),
    v.check((value) => countCharacters(value) <= max, messages.tooLong),
  );
}

/** An answer that may be left blank: blank becomes `undefined`. */
export function optionalText(max: number, messages: Pick<TextMessages, 'tooLong'>) {
  return v.optional(
    v.pipe(
      v.string(),
      v.transform(tidyText),
      v.check((value) => countCharacters(value) <= max, messages.tooLong),
      v.transform((value) => (value === '' ? undefined : value)),
    ),
  );
}

export interface NameMessages extends TextMessages {
  /** For characters a name cannot have, like numbers or symbols. */
  characters: string;
}

/** A person's name, in any alphabet: one line, tidied, letters and the marks names use. */
export function requiredName(max: number, messages: NameMessages) {
  return v.pipe(
    requiredText(max, messages),
    v.transform((value) => value.replace(/\s+/g, ' ')),
    v.check(isName, messages.characters),
  );
}

/** A name that may be left blank. */
export function optionalName(max: number, messages: Omit<NameMessages, 'missing'>) {
  return v.optional(
    v.pipe(
      v.string(),
      v.transform((value) => tidyText(value).replace(/\s+/g, ' ')),
      v.check((value) => countCharacters(value) <= max, messages.tooLong),
      v.check((value) => value === '' || isName(value), messages.characters),
      v.transform((value) => (value === '' ? undefined : value)),
    ),
  );
}
