/**
 * Delivers what is in the spool: at once after acceptance, then with backoff.
 * Keeps only metadata in memory (reference, times, attempts); content is read
 * from disk for each attempt and never kept. A relay that cannot be reached
 * pauses all deliveries (one probe at a time) instead of failing each message.
 */
import type { KeyObject } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { classifyFailure } from '../mail/transport.ts';
import type { Deliverer, FailureClass } from '../mail/transport.ts';
import { checkMessage, composeMessage } from '../mail/message.ts';
import type { Sender } from '../mail/message.ts';
import { backoffDelay } from './backoff.ts';
import type { QueueConfig } from './config.ts';
import { CorruptFileError, open } from './crypto.ts';
import type { Ledger } from './ledger.ts';
import type { Logger } from './log.ts';
import { isReference } from './reference.ts';
import type { Spool } from './spool.ts';

export interface WorkerDeps {
  config: QueueConfig;
  spool: Spool;
  ledger: Ledger;
  deliverer: Deliverer;
  logger: Logger;
  key: KeyObject;
  now: () => number;
}

interface Entry {
  reference: string;
  acceptedAt: number;
  attempts: number;
  nextAttemptAt: number;
  lastCode: string | undefined;
  busy: boolean;
}

export type DeliveryState = 'idle' | 'delivering' | 'retrying' | 'relay-unreachable';

export interface WorkerSnapshot {
  queued: number;
  parked: number;
  corrupt: number;
  oldestAcceptedAt: number | undefined;
  state: DeliveryState;
  failingSince: number | undefined;
  lastDeliveredAt: number | undefined;
}

const MAX_TIMER = 2 ** 31 - 1;
const iso = (ms: number): string => new Date(ms).toISOString();

/** Events: 'delivered' (reference), 'deferred' (reference, code), 'parked' (reference, reason), 'corrupt' (name), 'idle'. */
export class DeliveryWorker extends EventEmitter {
  private readonly deps: WorkerDeps;
  private readonly sender: Sender;
  private readonly entries = new Map<string, Entry>();
  /** Due now, in order; a Set gives O(1) take-first and no duplicates. */
  private readonly ready = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private inFlight = 0;
  private timer: NodeJS.Timeout | undefined;
  private wakeAt = Infinity;
  private relayFailures = 0;
  private relayBlockedUntil = 0;
  private failingSince: number | undefined;
  private lastDeliveredAt: number | undefined;
  /** Parked references, so a new reference never takes one; few, normally none. */
  private readonly parked = new Set<string>();
  private corrupt = 0;
  private stopped = false;

  constructor(deps: WorkerDeps) {
    super();
    this.deps = deps;
    this.sender = { from: deps.config.mailFrom, fromAddress: deps.config.mailFromAddress };
  }

  /** Reads the spool as left by the last run and starts delivering it. */
  async recover(): Promise<void> {
    await this.rescan();
  }

  /** Picks up files this process does not know yet (e.g. moved back by `queue retry`). */
  async rescan(): Promise<void> {
    const { spool } = this.deps;
    for await (const name of spool.names('active')) {
      if (!this.entries.has(name)) await this.load(name);
    }
    this.parked.clear();
    for await (const name of spool.names('parked')) this.parked.add(name);
    this.corrupt = await spool.count('corrupt');
    this.sweep();
    this.pump();
  }

  /** A message just made durable: deliver it at once. */
  add(reference: string, acceptedAt: number): void {
    if (this.entries.has(reference)) return;
    this.entries.set(reference, {
      reference,
      acceptedAt,
      attempts: 0,
      nextAttemptAt: 0,
      lastCode: undefined,
      busy: false,
    });
    this.ready.add(reference);
    this.pump();
  }

  /** Whether a reference is queued or parked. */
  knows(reference: string): boolean {
    return this.entries.has(reference) || this.parked.has(reference);
  }

  snapshot(): WorkerSnapshot {
    let oldest: number | undefined;
    for (const entry of this.entries.values())
      if (oldest === undefined || entry.acceptedAt < oldest) oldest = entry.acceptedAt;
    const now = this.deps.now();
    const state: DeliveryState =
      this.entries.size === 0
        ? 'idle'
        : now < this.relayBlockedUntil
          ? 'relay-unreachable'
          : this.failingSince === undefined
            ? 'delivering'
            : 'retrying';
    return {
      queued: this.entries.size,
      parked: this.parked.size,
      corrupt: this.corrupt,
      oldestAcceptedAt: oldest,
      state,
      failingSince: this.failingSince,
      lastDeliveredAt: this.lastDeliveredAt,
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  private async load(name: string): Promise<void> {
    const { spool } = this.deps;
    if (!isReference(name)) return this.quarantine(name, 'unexpected file name');
    let header;
    try {
      header = await spool.readHeader('active', name);
    } catch (error) {
      if (error instanceof CorruptFileError) return this.quarantine(name, error.message);
      throw error;
    }
    if (!header) return; // gone meanwhile: delivered or parked
    if (header.reference !== name) return this.quarantine(name, 'reference does not match file name');
    const state = await spool.readState(name);
    this.entries.set(name, {
      reference: name,
      acceptedAt: header.acceptedAt,
      attempts: state?.attempts ?? 0,
      nextAttemptAt: state?.nextAttemptAt ?? 0,
      lastCode: state?.lastCode,
      busy: false,
    });
  }

  /** Moves due entries to the ready set and sets the timer for the next one. */
  private sweep(): void {
    const now = this.deps.now();
    let next = Infinity;
    for (const entry of this.entries.values()) {
      if (entry.busy || this.ready.has(entry.reference)) continue;
      if (entry.nextAttemptAt <= now) this.ready.add(entry.reference);
      else next = Math.min(next, entry.nextAttemptAt);
    }
    this.wakeUpAt(next);
  }

  private wakeUpAt(at: number): void {
    if (this.stopped || at >= this.wakeAt || at === Infinity) return;
    clearTimeout(this.timer);
    this.wakeAt = at;
    const delay = Math.min(Math.max(at - this.deps.now(), 0), MAX_TIMER);
    this.timer = setTimeout(() => {
      this.wakeAt = Infinity;
      this.sweep();
      this.pump();
    }, delay);
    // The web server keeps the process alive; the queue alone must not.
    this.timer.unref();
  }

  private pump(): void {
    if (this.stopped) return;
    const now = this.deps.now();
    if (now < this.relayBlockedUntil) {
      if (this.ready.size) this.wakeUpAt(this.relayBlockedUntil);
      return;
    }
    while (this.inFlight < this.deps.config.concurrency && this.ready.size) {
      const reference = this.ready.values().next().value as string;
      this.ready.delete(reference);
      const entry = this.entries.get(reference);
      if (!entry || entry.busy) continue;
      entry.busy = true;
      this.inFlight += 1;
      const run: Promise<void> = this.attempt(entry)
        .catch((error: unknown) => this.internalError(entry, error))
        .finally(() => {
          entry.busy = false;
          this.inFlight -= 1;
          this.running.delete(run);
          if (this.entries.size === 0) {
            this.failingSince = undefined;
            this.emit('idle');
          }
          this.pump();
        });
      this.running.add(run);
    }
  }

  private async attempt(entry: Entry): Promise<void> {
    const { spool, config, key, deliverer, now } = this.deps;
    const { reference } = entry;
    const bytes = await spool.read('active', reference);
    if (!bytes) {
      this.entries.delete(reference);
      return;
    }
    let plaintext: Buffer;
    try {
      const opened = open(key, bytes);
      if (opened.header.reference !== reference) throw new CorruptFileError('reference does not match file name');
      plaintext = opened.plaintext;
      // Trust the times only from an authenticated header.
      entry.acceptedAt = opened.header.acceptedAt;
    } catch (error) {
      if (error instanceof CorruptFileError) return this.quarantine(reference, error.message);
      throw error;
    }
    if (entry.attempts > 0 && now() - entry.acceptedAt >= config.lifetimeMs) {
      return this.park(entry, 'expired', entry.lastCode);
    }
    let message;
    try {
      message = checkMessage(JSON.parse(plaintext.toString('utf8')));
    } catch {
      return this.park(entry, 'unreadable message', 'EINVALID');
    }
    const to = config.mailTo ?? message.to;
    if (!to) return this.park(entry, 'no recipient', 'ENORECIPIENT');
    const composed = await composeMessage(message, {
      reference,
      acceptedAt: new Date(entry.acceptedAt),
      to,
      sender: this.sender,
    });

    entry.attempts += 1;
    try {
      await deliverer.deliver(composed, reference);
    } catch (error) {
      return this.failed(entry, classifyFailure(error));
    }
    await spool.remove(reference);
    this.entries.delete(reference);
    const at = now();
    this.relayFailures = 0;
    this.relayBlockedUntil = 0;
    this.failingSince = undefined;
    this.lastDeliveredAt = at;
    await this.deps.ledger.record({
      reference,
      outcome: 'delivered',
      acceptedAt: iso(entry.acceptedAt),
      at: iso(at),
      attempts: entry.attempts,
    });
    this.deps.logger.info({ reference, attempts: entry.attempts }, 'message delivered');
    this.emit('delivered', reference);
  }

  private async failed(entry: Entry, failure: FailureClass): Promise<void> {
    const { config, spool, now, logger } = this.deps;
    const at = now();
    entry.lastCode = failure.code;
    if (failure.permanent) return this.park(entry, 'rejected by the relay', failure.code);
    this.failingSince ??= at;
    if (failure.relayDown) {
      this.relayFailures += 1;
      this.relayBlockedUntil = at + backoffDelay(this.relayFailures, config);
    }
    if (at - entry.acceptedAt >= config.lifetimeMs) return this.park(entry, 'expired', failure.code);
    const delay = backoffDelay(entry.attempts, config);
    entry.nextAttemptAt = at + delay;
    await spool.writeState(entry.reference, {
      attempts: entry.attempts,
      nextAttemptAt: entry.nextAttemptAt,
      lastCode: failure.code,
    });
    logger.warn(
      {
        reference: entry.reference,
        attempts: entry.attempts,
        code: failure.code,
        retryInSeconds: Math.round(delay / 1000),
      },
      'delivery deferred',
    );
    this.wakeUpAt(entry.nextAttemptAt);
    this.emit('deferred', entry.reference, failure.code);
  }

  /** Never deleted: kept encrypted for a person to look at and retry. */
  private async park(entry: Entry, reason: string, code: string | undefined): Promise<void> {
    const { spool, now, logger, ledger } = this.deps;
    const at = now();
    await spool.writeState(entry.reference, {
      attempts: entry.attempts,
      nextAttemptAt: 0,
      lastCode: code,
      parkedAt: at,
      parkedReason: reason,
    });
    await spool.move('active', 'parked', entry.reference);
    this.entries.delete(entry.reference);
    this.parked.add(entry.reference);
    await ledger.record({
      reference: entry.reference,
      outcome: 'parked',
      acceptedAt: iso(entry.acceptedAt),
      at: iso(at),
      attempts: entry.attempts,
      code,
    });
    logger.error(
      { alert: 'mail-parked', reference: entry.reference, reason, code, attempts: entry.attempts },
      'ALERT: a message could not be delivered and is parked; see `npm run queue -- list`',
    );
    this.emit('parked', entry.reference, reason);
  }

  /** A file that fails authentication is set aside; delivery of the others carries on. */
  private async quarantine(name: string, reason: string): Promise<void> {
    const { spool, now, logger, ledger } = this.deps;
    const reference = isReference(name) ? name : undefined;
    await spool.move('active', 'corrupt', name);
    this.entries.delete(name);
    this.corrupt += 1;
    if (reference) {
      await ledger.record({
        reference,
        outcome: 'corrupt',
        acceptedAt: undefined,
        at: iso(now()),
        attempts: 0,
        code: 'ECORRUPT',
      });
    }
    logger.error(
      { alert: 'spool-file-corrupt', reference: reference ?? 'unrecognised file', reason, folder: spool.dirs.corrupt },
      'ALERT: a queue file failed its integrity check and was moved aside',
    );
    this.emit('corrupt', name);
  }

  /** A fault of ours (e.g. disk full): keep the message and try again later. */
  private internalError(entry: Entry, error: unknown): void {
    const code = (error as { code?: unknown }).code;
    entry.nextAttemptAt = this.deps.now() + this.deps.config.minBackoffMs;
    this.deps.logger.error(
      {
        reference: entry.reference,
        code: typeof code === 'string' ? code : 'EINTERNAL',
        errorType: (error as Error)?.name,
      },
      'delivery attempt failed inside the queue; will try again',
    );
    if (this.entries.has(entry.reference)) this.wakeUpAt(entry.nextAttemptAt);
  }
}
