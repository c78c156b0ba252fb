/**
 * Answers as they arrive, before any checking: every value a string, or a
 * list of strings for a question whose name comes more than once (check
 * boxes). The same shape whether it came from a browser's FormData, a
 * urlencoded body or JSON, so browser and server check exactly the same thing.
 */
type RawValue = string | string[];
export type RawValues = Record<string, RawValue>;

/** Name/value pairs (FormData, URLSearchParams) as RawValues; files are ignored. */
export function valuesFromEntries(entries: Iterable<[string, unknown]>): RawValues {
  const values: RawValues = Object.create(null);
  for (const [name, value] of entries) {
    if (typeof value !== 'string') continue;
    const before = values[name];
    values[name] = before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value];
  }
  return values;
}

/**
 * A parsed JSON body as RawValues: strings and lists of strings are kept,
 * numbers and booleans become strings, anything else is left out (so the
 * question reads as unanswered rather than crashing anything).
 */
export function valuesFromJson(body: unknown): RawValues | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const values: RawValues = Object.create(null);
  for (const [name, value] of Object.entries(body)) {
    const scalar = asString(value);
    if (scalar !== undefined) values[name] = scalar;
    else if (Array.isArray(value)) {
      const list = value.map(asString);
      if (list.every((item) => item !== undefined)) values[name] = list as string[];
    }
  }
  return values;
}

function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

/** One value for a one-answer question (the first, if a name came twice). */
export function single(value: RawValue | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Every value for a many-answers question (check boxes). */
export function many(value: RawValue | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
