/**
 * Delivers from the shared queue. Every instance runs one: it fetches due
 * jobs from pg-boss (SKIP LOCKED, so a message is attempted by one instance
 * at a time), opens each message's sealed row, hands it to its channel, and
 * records the outcome and settles the job in one transaction. It looks for
 * work at once after this instance accepts a message, and every
 * QUEUE_POLL_INTERVAL for the rest (retries that came due, other instances'
 * work, a job whose instance died, `queue retry`).
 */
import type { Job, PgBoss } from 'pg-boss';
import type { FailureClass } from '../../channels/channel.ts';
import { alertCorrupt, alertParked } from '../alerts.ts';
import { attemptDelivery, type Outcome } from '../attempt.ts';
import type { DeliveryContext } from '../driver.ts';
import { iso } from '../ledger.ts';
import { errorCode } from '../error-code.ts';
import type { Database } from './database.ts';
import { DEAD_LETTER_QUEUE, DELIVERY_QUEUE } from './jobs.ts';
import { SCHEMA } from './schema.ts';

type DeliveryJob = Job<{ reference: string }>;

interface Row {
  sealed: Buffer;
  state: string;
  attempts: number;
  last_code: string | null;
  retried_at: Date | null;
  accepted_at: Date;
}

/** The part of a job that fences a settle to the attempt this instance holds. */
const attemptOf = (job: DeliveryJob) => ({ id: job.id, retryCount: job.retryCount });

export class PostgresWorker {
  private readonly context: DeliveryContext;
  private readonly database: Database;
  private readonly boss: PgBoss;
  private readonly onDatabaseError: (error: unknown) => void;
  private readonly running = new Map<string, { job: DeliveryJob; done: Promise<void> }>();
  private wakeUp: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private stopped = false;

  constructor(context: DeliveryContext, database: Database, boss: PgBoss, onDatabaseError: (error: unknown) => void) {
    this.context = context;
    this.database = database;
    this.boss = boss;
    this.onDatabaseError = onDatabaseError;
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Looks for work now rather than at the next poll. */
  wake(): void {
    this.wakeUp?.();
  }

  /**
   * Fetches nothing more; waits for deliveries under way until `by`, then
   * hands back those still running (pg-boss retries them after the backoff,
   * on any instance). Returns how many were handed back.
   */
  async stop(by: number): Promise<number> {
    this.stopped = true;
    this.wake();
    await this.loop;
    await Promise.race([
      Promise.allSettled([...this.running.values()].map((run) => run.done)),
      new Promise((resolve) => setTimeout(resolve, Math.max(0, by - Date.now()))),
    ]);
    const left = [...this.running.values()].map((run) => run.job);
    if (left.length) {
      await this.boss
        .fail(DELIVERY_QUEUE, left.map(attemptOf), { code: 'ESHUTDOWN' })
        .catch((error: unknown) => this.onDatabaseError(error));
    }
    return left.length;
  }

  private async run(): Promise<void> {
    const { settings, status } = this.context;
    while (!this.stopped) {
      if (status.paused()) {
        await this.sleep(status.pausedUntil - Date.now());
        continue;
      }
      const room = settings.concurrency - this.running.size;
      if (room <= 0) {
        await this.sleep(settings.pollIntervalMs);
        continue;
      }
      let jobs: DeliveryJob[];
      try {
        jobs = await this.boss.fetch<{ reference: string }>(DELIVERY_QUEUE, { batchSize: room });
        if (jobs.length < room) await this.parkDeadLetters();
      } catch (error) {
        this.onDatabaseError(error);
        await this.sleep(settings.pollIntervalMs);
        continue;
      }
      for (const job of jobs) this.begin(job);
      if (jobs.length < room) await this.sleep(settings.pollIntervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms));
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  private begin(job: DeliveryJob): void {
    const done = this.deliver(job)
      .catch((error: unknown) => {
        // Our fault or the database's: the job stays active and is retried once it expires.
        this.context.logger.error(
          { reference: job.data.reference, code: errorCode(error) },
          'delivery attempt failed inside the queue; will try again',
        );
      })
      .finally(() => {
        this.running.delete(job.id);
        this.wake();
      });
    this.running.set(job.id, { job, done });
  }

  private async deliver(job: DeliveryJob): Promise<void> {
    const { reference } = job.data;
    const { rows } = await this.database.query<Row>(
      `SELECT sealed, state, attempts, last_code, retried_at, accepted_at FROM ${SCHEMA}.messages WHERE reference = $1`,
      [reference],
    );
    const row = rows[0];
    if (!row || row.state !== 'queued') {
      // Delivered, parked or set aside already (by another instance, or before a crash): nothing to do.
      await this.boss.complete(DELIVERY_QUEUE, attemptOf(job));
      return;
    }
    const { outcome, attempted } = await attemptDelivery(
      {
        reference,
        sealed: row.sealed,
        attempts: row.attempts,
        lastCode: row.last_code ?? undefined,
        retriedAt: row.retried_at?.getTime(),
      },
      this.context,
    );
    await this.record(job, outcome, row.attempts + (attempted ? 1 : 0));
  }

  private async record(job: DeliveryJob, outcome: Outcome, attempts: number): Promise<void> {
    const { reference } = job.data;
    const { logger, status } = this.context;
    if (outcome.kind === 'deferred') return this.defer(job, outcome.failure, attempts);
    if (outcome.kind === 'corrupt') {
      await this.settle(job, 'corrupt', attempts, { state: 'corrupt', code: 'ECORRUPT', acceptedAt: undefined });
      alertCorrupt(this.context, reference, outcome.reason, `${SCHEMA}.messages`);
      return;
    }
    if (outcome.kind === 'park') {
      await this.settle(job, 'parked', attempts, {
        state: 'parked',
        code: outcome.code,
        reason: outcome.reason,
        acceptedAt: outcome.acceptedAt,
      });
      alertParked(this.context, reference, outcome.reason, outcome.code, attempts);
      return;
    }
    await this.database.transaction(async (tx) => {
      await tx.query(
        `WITH gone AS (DELETE FROM ${SCHEMA}.messages WHERE reference = $1 RETURNING reference, accepted_at)
         INSERT INTO ${SCHEMA}.ledger (reference, outcome, accepted_at, at, attempts)
         SELECT reference, 'delivered', accepted_at, $2, $3 FROM gone`,
        [reference, iso(this.context.now()), attempts],
      );
      await this.boss.complete(DELIVERY_QUEUE, attemptOf(job), undefined, { db: tx.db });
    });
    status.delivered();
    logger.info({ reference, attempts }, 'message delivered');
  }

  /** Parked or set aside: the row stays (never deleted) and the job is done. */
  private async settle(
    job: DeliveryJob,
    outcome: 'parked' | 'corrupt',
    attempts: number,
    change: { state: 'parked' | 'corrupt'; code: string | undefined; reason?: string; acceptedAt: number | undefined },
    queue = DELIVERY_QUEUE,
  ): Promise<void> {
    const at = iso(this.context.now());
    await this.database.transaction(async (tx) => {
      await tx.query(
        `UPDATE ${SCHEMA}.messages SET state = $2, attempts = $3, last_code = $4, parked_at = $5, parked_reason = $6,
           next_attempt_at = NULL WHERE reference = $1`,
        [job.data.reference, change.state, attempts, change.code ?? null, at, change.reason ?? null],
      );
      await tx.query(
        `INSERT INTO ${SCHEMA}.ledger (reference, outcome, accepted_at, at, attempts, code) VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          job.data.reference,
          outcome,
          change.acceptedAt === undefined ? null : iso(change.acceptedAt),
          at,
          attempts,
          change.code ?? null,
        ],
      );
      await this.boss.complete(queue, attemptOf(job), undefined, { db: tx.db });
    });
  }

  /** pg-boss schedules the retry (its backoff); the row keeps the count and code for `queue list`. */
  private async defer(job: DeliveryJob, failure: FailureClass, attempts: number): Promise<void> {
    const { reference } = job.data;
    this.context.status.failed(failure);
    const retryAt = await this.database.transaction(async (tx) => {
      await this.boss.fail(DELIVERY_QUEUE, attemptOf(job), { code: failure.code }, { db: tx.db });
      const [retry] = await this.boss.findJobs(DELIVERY_QUEUE, { id: job.id, db: tx.db });
      const startAfter = retry?.startAfter;
      await tx.query(
        `UPDATE ${SCHEMA}.messages SET attempts = $2, last_code = $3, next_attempt_at = $4 WHERE reference = $1`,
        [reference, attempts, failure.code, startAfter ?? null],
      );
      return startAfter;
    });
    this.context.logger.warn(
      {
        reference,
        attempts,
        code: failure.code,
        retryInSeconds: retryAt ? Math.max(0, Math.round((retryAt.getTime() - Date.now()) / 1000)) : null,
      },
      'delivery deferred',
    );
  }

  /** Jobs pg-boss gave up on: their messages are parked for a person, like any other. */
  private async parkDeadLetters(): Promise<void> {
    const jobs = await this.boss.fetch<{ reference: string }>(DEAD_LETTER_QUEUE, { batchSize: 10 });
    for (const job of jobs) {
      const { rows } = await this.database.query<{ accepted_at: Date; attempts: number; last_code: string | null }>(
        `SELECT accepted_at, attempts, last_code FROM ${SCHEMA}.messages WHERE reference = $1 AND state = 'queued'`,
        [job.data.reference],
      );
      const row = rows[0];
      if (row) {
        const code = row.last_code ?? undefined;
        await this.settle(
          job,
          'parked',
          row.attempts,
          { state: 'parked', code, reason: 'retries used up', acceptedAt: row.accepted_at.getTime() },
          DEAD_LETTER_QUEUE,
        );
        alertParked(this.context, job.data.reference, 'retries used up', code, row.attempts);
      } else await this.boss.complete(DEAD_LETTER_QUEUE, attemptOf(job));
    }
  }
}
