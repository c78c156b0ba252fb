/**
 * Alerts: log lines a person must see, the same from either driver. Route
 * lines with `"alert":"mail-parked"` or `"alert":"spool-file-corrupt"` to
 * someone who can act. References and codes only, never content.
 */
import type { DeliveryContext } from './driver.ts';

/** A message that cannot be delivered is kept (parked) until a person acts. */
export function alertParked(
  context: DeliveryContext,
  reference: string,
  reason: string,
  code: string | undefined,
  attempts: number,
): void {
  context.logger.error(
    { alert: 'mail-parked', reference, reason, code, attempts },
    'ALERT: a message could not be delivered and is parked; see `npm run queue -- list`',
  );
}

/** A sealed message that fails authentication is set aside; the others carry on. */
export function alertCorrupt(
  context: DeliveryContext,
  reference: string | undefined,
  reason: string,
  where: string,
): void {
  context.logger.error(
    { alert: 'spool-file-corrupt', reference: reference ?? 'unrecognised file', reason, where },
    'ALERT: a queued message failed its integrity check and was set aside',
  );
}
