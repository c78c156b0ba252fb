/**
 * Delivers what is in the file spool: at once after acceptance, then with
 * backoff. Keeps only metadata in memory (reference, times, attempts);
 * content is read from disk for each attempt and never kept. This process is
 * the spool's only reader, so it schedules retries itself with timers.
 */
import type { FailureClass } from '../../channels/channel.ts';
import { attemptDelivery, type Outcome } from '../attempt.ts';
import { backoffDelay } from '../backoff.ts';
import { CorruptFileError } from '../crypto.ts';
import type { DeliveryContext, QueueCounts } from '../driver.ts';
import { alertCorrupt, alertParked } from '../alerts.ts';
import { iso } from '../ledger.ts';
import { isReference } from '../reference.ts';
import type { Ledger } from './ledger.ts';
import type { Spool } from './spool.ts';

interface Entry {
  reference: string;
  acceptedAt: number;
  attempts: number;
  nextAttemptAt: number;
  lastCode: string | undefined;
  retriedAt: number | undefined;
  busy: boolean;
}

const MAX_TIMER = 2 ** 31 - 1;

export class SpoolWorker {
  private readonly context: DeliveryContext;
  private readonly spool: Spool;
  private readonly ledger: Ledger;
  private readonly entries = new Map<string, Entry>();
  /** Due now, in order; a Set gives O(1) take-first and no duplicates. */
  private readonly ready = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private inFlight = 0;
  private timer: NodeJS.Timeout | undefined;
  private wakeAt = Infinity;
  /** Parked references, so a new reference never takes one; few, normally none. */
  private readonly parked = new Set<string>();
  private corrupt = 0;
  private stopped = false;

  constructor(context: DeliveryContext, spool: Spool, ledger: Ledger) {
    this.context = context;
    this.spool = spool;
    this.ledger = ledger;
  }

  /** Picks up files this process does not know yet (the last run's, or moved back by `queue retry`). */
  async rescan(): Promise<void> {
    for await (const name of this.spool.names('active')) {
      if (!this.entries.has(name)) await this.load(name);
    }
    this.parked.clear();
    for await (const name of this.spool.names('parked')) this.parked.add(name);
    this.corrupt = await this.spool.count('corrupt');
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
      retriedAt: undefined,
      busy: false,
    });
    this.ready.add(reference);
    this.pump();
  }

  /** Whether a reference is queued or parked. */
  knows(reference: string): boolean {
    return this.entries.has(reference) || this.parked.has(reference);
  }

  counts(): QueueCounts {
    let oldest: number | undefined;
    for (const entry of this.entries.values())
      if (oldest === undefined || entry.acceptedAt < oldest) oldest = entry.acceptedAt;
    return { queued: this.entries.size, parked: this.parked.size, corrupt: this.corrupt, oldestAcceptedAt: oldest };
  }

  /**
   * Starts nothing new; waits for attempts under way until `by`. One still
   * running then is left in the spool and delivered again after a restart.
   */
  async stop(by: number): Promise<number> {
    this.stopped = true;
    clearTimeout(this.timer);
    let deadline: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      deadline = setTimeout(resolve, Math.max(0, by - Date.now()));
    });
    while (this.running.size && Date.now() < by) await Promise.race([Promise.allSettled([...this.running]), late]);
    clearTimeout(deadline);
    return this.running.size;
  }

  private async load(name: string): Promise<void> {
    if (!isReference(name)) return this.quarantine(name, 'unexpected file name');
    let header;
    try {
      header = await this.spool.readHeader('active', name);
    } catch (error) {
      if (error instanceof CorruptFileError) return this.quarantine(name, error.message);
      throw error;
    }
    if (!header) return; // gone meanwhile: delivered or parked
    if (header.reference !== name) return this.quarantine(name, 'reference does not match file name');
    const state = await this.spool.readState(name);
    // Accepted (and perhaps being delivered) while this scan read the file: the entry add() made is the one.
    if (this.entries.has(name)) return;
    this.entries.set(name, {
      reference: name,
      acceptedAt: header.acceptedAt,
      attempts: state?.attempts ?? 0,
      nextAttemptAt: state?.nextAttemptAt ?? 0,
      lastCode: state?.lastCode,
      retriedAt: state?.retriedAt,
      busy: false,
    });
  }

  /** Moves due entries to the ready set and sets the timer for the next one. */
  private sweep(): void {
    const now = this.context.now();
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
    const delay = Math.min(Math.max(at - this.context.now(), 0), MAX_TIMER);
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
    const { status, settings } = this.context;
    if (status.paused()) {
      if (this.ready.size) this.wakeUpAt(status.pausedUntil);
      return;
    }
    while (this.inFlight < settings.concurrency && this.ready.size) {
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
          if (this.entries.size === 0) status.settled();
          this.pump();
        });
      this.running.add(run);
    }
  }

  private async attempt(entry: Entry): Promise<void> {
    const sealed = await this.spool.read('active', entry.reference);
    if (!sealed) {
      this.entries.delete(entry.reference);
      return;
    }
    const { outcome, attempted } = await attemptDelivery({ ...entry, sealed }, this.context);
    if (attempted) entry.attempts += 1;
    if (outcome.kind !== 'corrupt') entry.acceptedAt = outcome.acceptedAt;
    await this.record(entry, outcome);
  }

  private async record(entry: Entry, outcome: Outcome): Promise<void> {
    if (outcome.kind === 'corrupt') return this.quarantine(entry.reference, outcome.reason);
    if (outcome.kind === 'park') return this.park(entry, outcome.reason, outcome.code);
    if (outcome.kind === 'deferred') return this.defer(entry, outcome.failure);
    await this.spool.remove(entry.reference);
    this.entries.delete(entry.reference);
    this.context.status.delivered();
    await this.ledger.record({
      reference: entry.reference,
      outcome: 'delivered',
      acceptedAt: iso(entry.acceptedAt),
      at: iso(this.context.now()),
      attempts: entry.attempts,
    });
    this.context.logger.info({ reference: entry.reference, attempts: entry.attempts }, 'message delivered');
  }

  private async defer(entry: Entry, failure: FailureClass): Promise<void> {
    const { settings, now, logger, status } = this.context;
    const { code } = failure;
    status.failed(failure);
    entry.lastCode = code;
    const delay = backoffDelay(entry.attempts, settings);
    entry.nextAttemptAt = now() + delay;
    await this.spool.writeState(entry.reference, {
      attempts: entry.attempts,
      nextAttemptAt: entry.nextAttemptAt,
      lastCode: code,
      retriedAt: entry.retriedAt,
    });
    logger.warn(
      { reference: entry.reference, attempts: entry.attempts, code, retryInSeconds: Math.round(delay / 1000) },
      'delivery deferred',
    );
    this.wakeUpAt(entry.nextAttemptAt);
  }

  /** Never deleted: kept encrypted for a person to look at and retry. */
  private async park(entry: Entry, reason: string, code: string | undefined): Promise<void> {
    const at = this.context.now();
    await this.spool.writeState(entry.reference, {
      attempts: entry.attempts,
      nextAttemptAt: 0,
      lastCode: code,
      parkedAt: at,
      parkedReason: reason,
      retriedAt: entry.retriedAt,
    });
    await this.spool.move('active', 'parked', entry.reference);
    this.entries.delete(entry.reference);
    this.parked.add(entry.reference);
    await this.ledger.record({
      reference: entry.reference,
      outcome: 'parked',
      acceptedAt: iso(entry.acceptedAt),
      at: iso(at),
      attempts: entry.attempts,
      code,
    });
    alertParked(this.context, entry.reference, reason, code, entry.attempts);
  }

  /** A file that fails authentication is set aside; delivery of the others carries on. */
  private async quarantine(name: string, reason: string): Promise<void> {
    const reference = isReference(name) ? name : undefined;
    await this.spool.move('active', 'corrupt', name);
    this.entries.delete(name);
    this.corrupt += 1;
    if (reference) {
      await this.ledger.record({
        reference,
        outcome: 'corrupt',
        acceptedAt: undefined,
        at: iso(this.context.now()),
        attempts: 0,
        code: 'ECORRUPT',
      });
    }
    alertCorrupt(this.context, reference, reason, this.spool.dirs.corrupt);
  }

  /** A fault of ours (e.g. disk full): keep the message and try again later. */
  private internalError(entry: Entry, error: unknown): void {
    const code = (error as { code?: unknown }).code;
    entry.nextAttemptAt = this.context.now() + this.context.settings.minBackoffMs;
    this.context.logger.error(
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
