/**
 * Postfix-like retry timing: the wait doubles after each failed attempt, from
 * the minimum (300 s) up to the maximum (4000 s), until the message's lifetime
 * (5 days) is over.
 */
export interface BackoffSettings {
  minBackoffMs: number;
  maxBackoffMs: number;
}

/** The wait after the `attempts`-th failed attempt (1 for the first failure). */
export function backoffDelay(attempts: number, settings: BackoffSettings): number {
  const doublings = Math.min(Math.max(attempts - 1, 0), 40);
  return Math.min(settings.minBackoffMs * 2 ** doublings, settings.maxBackoffMs);
}
