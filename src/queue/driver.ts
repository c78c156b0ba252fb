/**
 * The promises every queue driver keeps, whatever holds the messages (files
 * on one machine, or PostgreSQL shared by several instances):
 *
 * - `commit` resolves only once the sealed message is durable; a crash at any
 *   moment loses nothing it resolved for.
 * - One submission token, one reference: `commit` stores a token's keyed
 *   hash under a unique key and, when another commit holds it already,
 *   resolves with that commit's reference and stores nothing.
 * - Delivery starts at once; temporary failures are retried with Postfix-like
 *   backoff; permanent failures and messages past their lifetime are parked
 *   (kept, never deleted) with an alert; delivered messages are deleted and
 *   only the ledger (reference, times, attempts, outcome) is kept.
 * - At least once: a message may be delivered twice (a crash after the relay
 *   took it), always with the same Message-ID, so a relay can drop repeats.
 */
import type { KeyObject } from 'node:crypto';
import type { Channel } from '../channels/channel.ts';
import type { QueueSettings } from '../settings.ts';
import type { LedgerEntry } from './ledger.ts';
import type { Logger } from './log.ts';
import type { DeliveryStatus } from './status.ts';

export interface NewMessage {
  reference: string;
  /** The keyed hash of the submission token (never the token). */
  tokenHash: string;
  /** The channel that delivers it, also sealed inside. */
  channel: string;
  sealed: Buffer;
  /** Milliseconds since the epoch. */
  acceptedAt: number;
}

/** A commit chose a reference that is already in use: try again with another. */
export class ReferenceTakenError extends Error {
  constructor() {
    super('reference already in use');
    this.name = 'ReferenceTakenError';
  }
}

/** The queue cannot take messages now (its database has not been reached); nothing was accepted. */
export class QueueUnavailableError extends Error {
  readonly code: string;
  constructor(code: string) {
    super('the queue cannot take messages now');
    this.name = 'QueueUnavailableError';
    this.code = code;
  }
}

/** Counts and times for /healthz and the start-up lines: no personal data. */
export interface QueueCounts {
  queued: number;
  parked: number;
  corrupt: number;
  /** Milliseconds since the epoch; undefined when nothing is queued. */
  oldestAcceptedAt: number | undefined;
}

/** Whether a new message can be made durable right now, and if not, an error code. */
export type Readiness = { ok: true } | { ok: false; code: string };

/** What a driver needs to deliver. */
export interface DeliveryContext {
  settings: QueueSettings;
  channels: ReadonlyMap<string, Channel>;
  key: KeyObject;
  logger: Logger;
  status: DeliveryStatus;
  now: () => number;
}

export interface QueueDriver {
  /** `file spool` or `PostgreSQL`. */
  readonly kind: 'file spool' | 'PostgreSQL';
  /** The dependency /healthz names: the spool's disk, or the database. */
  readonly dependency: 'disk' | 'database';
  /** Where the queue is, without secrets, for the start-up lines. */
  readonly description: string;
  /** Prepares storage, recovers what the last run left, and starts delivering. */
  start(): Promise<void>;
  /** The reference already given to this token hash, if any. */
  findToken(tokenHash: string): Promise<string | undefined>;
  /** Durable, then resolves with the token's reference (another commit's, if it won). */
  commit(message: NewMessage): Promise<string>;
  readiness(): Promise<Readiness>;
  counts(): Promise<QueueCounts>;
  /** Stops taking new deliveries; those under way finish, or are handed back by `by` (ms since the epoch). */
  stopDelivering(by: number): Promise<void>;
  /** Waits for commits under way, then releases files or connections. */
  close(): Promise<void>;
}

/** A message as `npm run queue -- list` shows it: no content. */
export interface ListedMessage {
  reference: string;
  state: 'queued' | 'parked';
  acceptedAt: number;
  attempts: number;
  /** Milliseconds since the epoch; undefined for "now" or parked. */
  nextAttemptAt: number | undefined;
  lastCode: string | undefined;
  parkedReason: string | undefined;
}

export type RetryResult = 'retried' | 'already-queued' | 'not-found';

/** What the `queue` command does with either driver; needs no key. */
export interface QueueOperations {
  list(): Promise<{ messages: ListedMessage[]; corrupt: number; corruptWhere: string }>;
  /** Moves a parked message back to the queue, with a fresh lifetime. */
  retry(reference: string): Promise<RetryResult>;
  /** Ledger entries at or after `since` (ms since the epoch), oldest first. */
  ledgerSince(since: number): Promise<LedgerEntry[]>;
  /** How soon a running server notices a retry, in seconds. */
  readonly pickUpSeconds: number;
  close(): Promise<void>;
}
