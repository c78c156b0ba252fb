/**
 * The one way the app reads the time. Tests call `setClock`; end-to-end tests
 * fix the clock of the real built server with the env var DSR_FAKE_NOW, an
 * ISO instant with a zone, for example "2026-05-25T09:00:00Z".
 */
export type Clock = () => Date;

let override: Clock | undefined;

/** Replace the clock; call with no argument to go back to the real one. */
export function setClock(clock?: Clock): void {
  override = clock;
}

const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;

export function now(): Date {
  if (override) return override();
  // Read at call time so a server started with the variable honours it.
  const fake = globalThis.process?.env?.['DSR_FAKE_NOW'];
  return fake ? parseInstant(fake) : new Date();
}

// A wrong fake time must fail loudly, never fall back to the real time.
function parseInstant(value: string): Date {
  const date = new Date(value);
  if (!INSTANT.test(value) || Number.isNaN(date.getTime())) {
    throw new Error(`DSR_FAKE_NOW must be an ISO instant with a zone, like 2026-05-25T09:00:00Z, not "${value}"`);
  }
  return date;
}
