/**
 * The one way the app reads the time. Tests call `setClock`; the production
 * server sets a fixed clock from the DSR_FAKE_NOW setting (see src/settings.ts),
 * for trying opening hours and reply dates end to end.
 *
 * Browser-safe. The clock lives on globalThis because on the server this
 * module is loaded twice (by src/server.ts, and bundled into Astro's dist/):
 * both copies must read the same clock.
 */
type Clock = () => Date;

const SLOT = Symbol.for('dsr.clock');
type Slot = { [SLOT]?: Clock | undefined };

/** Replace the clock; call with no argument to go back to the real one. */
export function setClock(clock?: Clock): void {
  (globalThis as Slot)[SLOT] = clock;
}

export function now(): Date {
  const clock = (globalThis as Slot)[SLOT];
  return clock ? clock() : new Date();
}
