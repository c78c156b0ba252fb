/**
 * What the queue needs from a delivery channel (mail today; SMS or a
 * referral system's API later). The queue stores each message as an opaque,
 * sealed payload with the name of its channel, and hands it back to that
 * channel to check and deliver. A new channel is a folder in src/channels/
 * that implements this, registered once in src/delivery/channels.ts.
 */

/** How a failed delivery is handled: retried later, or parked for a person. */
export interface FailureClass {
  /** Retrying will not help (rejected, misconfigured): park the message and alert. */
  permanent: boolean;
  /** The channel could not be reached at all, so the next messages would fail too. */
  unreachable: boolean;
  /** A reply code or error code, safe to log: never reply text, never content. */
  code: string;
}

export interface DeliveryMeta {
  /** The message's reference, like DSR-7KQM-2XPT. */
  reference: string;
  /** When the person was told "sent". */
  acceptedAt: Date;
}

export interface Channel<TPayload = unknown> {
  /** Stored with each message; never change it while messages may be queued. */
  readonly name: string;
  /** Where it delivers, without secrets, for the start-up lines. */
  readonly description: string;
  /** How it delivers, for /healthz: for example `smtp` or `mailbox`. */
  readonly via: string;
  /**
   * The longest one attempt may take. The queue gives up on an attempt after
   * this long, and never starts the same message again sooner.
   */
  readonly attemptTimeoutMs: number;
  /**
   * Checks a payload, when it is accepted and again before each delivery.
   * Throws InvalidMessageError naming the wrong fields, never their values.
   */
  check(payload: unknown): TPayload;
  deliver(payload: TPayload, meta: DeliveryMeta): Promise<void>;
  /** Sorts a delivery error into temporary or permanent. */
  classify(error: unknown): FailureClass;
  close(): void;
}

/** A payload its channel cannot send; names fields, never values. */
export class InvalidMessageError extends Error {
  constructor(fields: string[]) {
    super(`The message is not valid: check ${fields.join(', ') || 'its fields'}.`);
    this.name = 'InvalidMessageError';
  }
}
