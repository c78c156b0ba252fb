/**
 * How a person can change how pages look, and how a choice travels: as
 * `data-` attributes on `<html>` (what the CSS in src/styles/reading.css
 * reads), in a query string (without JavaScript: `?pictures=off&text=biggest`)
 * and, with JavaScript, in the browser's local storage under STORAGE_KEY,
 * only after the person chooses. Shared by the server and the browser.
 */
/** Each choice, its words, and its options: the first option is how pages look at the start. */
export const CHOICES = {
  pictures: { label: 'Pictures', options: { on: 'On', off: 'Off' } },
  text: { label: 'Text size', options: { normal: 'Normal', bigger: 'Bigger', biggest: 'Biggest' } },
  spacing: { label: 'Space between lines', options: { normal: 'Normal', more: 'More' } },
  background: { label: 'Background colour', options: { white: 'White', cream: 'Cream', dark: 'Dark' } },
} as const;

export type ChoiceName = keyof typeof CHOICES;
export type Choices = { [Name in ChoiceName]: keyof (typeof CHOICES)[Name]['options'] };

export const CHOICE_NAMES = Object.keys(CHOICES) as ChoiceName[];

/** The key in local storage; the privacy page names it. */
export const STORAGE_KEY = 'dsr-display';

export const START: Choices = {
  pictures: 'on',
  text: 'normal',
  spacing: 'normal',
  background: 'white',
};

/**
 * Anything unknown or missing becomes how pages look at the start: a bad
 * link never breaks a page. A lookup, not a valibot schema, so the island
 * that runs it does not carry valibot to every page.
 */
export function readChoices(input: unknown): Choices {
  const record = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const read = <Name extends ChoiceName>(name: Name): Choices[Name] => {
    const value = record[name];
    return typeof value === 'string' && Object.hasOwn(CHOICES[name].options, value)
      ? (value as Choices[Name])
      : START[name];
  };
  return { pictures: read('pictures'), text: read('text'), spacing: read('spacing'), background: read('background') };
}

export function choicesFromQuery(query: URLSearchParams): Choices {
  return readChoices(Object.fromEntries(CHOICE_NAMES.map((name) => [name, query.get(name)])));
}

/** Only what differs from the start: what goes in a link, in storage and on `<html>`. */
export function changedChoices(choices: Choices): Partial<Choices> {
  return Object.fromEntries(
    CHOICE_NAMES.filter((name) => choices[name] !== START[name]).map((name) => [name, choices[name]]),
  );
}

export function hasChoicesIn(query: URLSearchParams): boolean {
  return CHOICE_NAMES.some((name) => query.has(name));
}

/**
 * The address of `path` showing `choices`, keeping the page's other query
 * parameters (a confirmation page's reference) and any fragment.
 */
export function addressWith(path: string, others: URLSearchParams, choices: Choices): string {
  const query = new URLSearchParams(others);
  for (const name of CHOICE_NAMES) query.delete(name);
  for (const [name, value] of Object.entries(changedChoices(choices))) query.set(name, value);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
