/**
 * One delivery attempt, the same for every driver: open the sealed message,
 * check its lifetime, hand it to its channel, and say what should happen
 * next. The driver records the outcome (delete, retry later, park, set aside).
 */
import type { FailureClass } from '../channels/channel.ts';
import { CorruptFileError, open } from './crypto.ts';
import type { DeliveryContext } from './driver.ts';

export type Outcome =
  /** The channel took it: delete it, keep a ledger line. */
  | { kind: 'delivered'; acceptedAt: number }
  /** Try again after the backoff. */
  | { kind: 'deferred'; acceptedAt: number; failure: FailureClass }
  /** Keep it for a person, and alert. */
  | { kind: 'park'; acceptedAt: number; reason: string; code: string | undefined }
  /** It failed authentication: set it aside, and alert. */
  | { kind: 'corrupt'; reason: string };

interface Attempting {
  reference: string;
  sealed: Buffer;
  /** Attempts made before this one. */
  attempts: number;
  /** The last failure's code, for a message that expires before this attempt. */
  lastCode: string | undefined;
  /** Milliseconds since the epoch: when a person last sent it back with `queue retry`, if ever. */
  retriedAt: number | undefined;
}

/** Resolves when `promise` settles, or rejects with ETIMEDOUT after `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('attempt timed out'), { code: 'ETIMEDOUT' })), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** `attempted` is true when the channel was asked to deliver (it counts as an attempt). */
export async function attemptDelivery(
  message: Attempting,
  context: DeliveryContext,
): Promise<{ outcome: Outcome; attempted: boolean }> {
  const { settings, channels, key, now } = context;
  let opened;
  try {
    opened = open(key, message.sealed);
    if (opened.header.reference !== message.reference) throw new CorruptFileError('reference does not match its name');
  } catch (error) {
    if (error instanceof CorruptFileError)
      return { outcome: { kind: 'corrupt', reason: error.message }, attempted: false };
    throw error;
  }
  // Trust the times only from the authenticated header; a person's retry starts a new lifetime.
  const { acceptedAt } = opened.header;
  const lifetimeEnds = Math.max(acceptedAt, message.retriedAt ?? 0) + settings.lifetimeMs;
  const park = (reason: string, code: string | undefined, attempted: boolean) => ({
    outcome: { kind: 'park' as const, acceptedAt, reason, code },
    attempted,
  });
  if (message.attempts > 0 && now() >= lifetimeEnds) return park('expired', message.lastCode, false);
  const channel = channels.get(opened.header.channel);
  if (!channel) return park('no such channel', 'ENOCHANNEL', false);
  let payload;
  try {
    payload = channel.check(JSON.parse(opened.plaintext.toString('utf8')));
  } catch {
    return park('not valid for its channel', 'EINVALID', false);
  }
  try {
    await within(
      channel.deliver(payload, { reference: message.reference, acceptedAt: new Date(acceptedAt) }),
      channel.attemptTimeoutMs,
    );
  } catch (error) {
    const failure = channel.classify(error);
    if (failure.permanent) return park('rejected by the channel', failure.code, true);
    if (now() >= lifetimeEnds) return park('expired', failure.code, true);
    return { outcome: { kind: 'deferred', acceptedAt, failure }, attempted: true };
  }
  return { outcome: { kind: 'delivered', acceptedAt }, attempted: true };
}
