/**
 * pg-boss, set up for the queue's promises. Its job holds only a reference;
 * pg-boss gives us job fetching (SKIP LOCKED: one instance at a time per
 * message), retries with backoff, expiry of an attempt whose instance died,
 * and a dead-letter queue. Every retention and expiry setting is explicit,
 * because its defaults would break the promises (see below).
 */
import { PgBoss, type Queue } from 'pg-boss';
import type { QueueSettings } from '../../settings.ts';
import type { Database } from './database.ts';

/** pg-boss's own tables. */
export const JOBS_SCHEMA = 'dsr_jobs';
export const DELIVERY_QUEUE = 'delivery';
/** Jobs pg-boss gave up on (retries used up): the worker parks their messages. */
export const DEAD_LETTER_QUEUE = 'delivery-dead-letter';

const DAY_SECONDS = 86_400;

interface JobTimings {
  /** An attempt that runs longer than this is taken to have died with its instance, and retried. */
  expireInSeconds: number;
  /** How often expired attempts are looked for. */
  superviseIntervalSeconds: number;
}

/** Retries needed, with pg-boss's shortest backoff, to span the message's lifetime; then a few more. */
export function retriesToCover(lifetimeSeconds: number, delay: number, maxDelay: number): number {
  let total = 0;
  let retries = 0;
  // pg-boss waits between delay × 2^n and twice that (capped at maxDelay) before retry n + 1.
  while (total < lifetimeSeconds) {
    total += Math.min(maxDelay, delay * 2 ** Math.min(16, retries));
    retries += 1;
  }
  return retries + 10;
}

/**
 * The queue's pg-boss settings from ours. `attemptTimeoutMs` is the longest
 * a channel may take over one attempt.
 */
export function jobTimings(attemptTimeoutMs: number): JobTimings {
  // Twice the longest attempt: a delivery still under way is never started a second time.
  const expireInSeconds = Math.ceil((2 * attemptTimeoutMs) / 1000) + 1;
  return { expireInSeconds, superviseIntervalSeconds: Math.min(60, Math.max(1, Math.ceil(expireInSeconds / 4))) };
}

export function deliveryQueueOptions(settings: QueueSettings, timings: JobTimings): Omit<Queue, 'name'> {
  // Postfix-like: QUEUE_MIN_BACKOFF doubling to QUEUE_MAX_BACKOFF (pg-boss counts whole seconds, and adds up to ×2 jitter).
  const retryDelay = Math.max(1, Math.round(settings.minBackoffMs / 1000));
  const retryDelayMax = Math.max(retryDelay, Math.round(settings.maxBackoffMs / 1000));
  const lifetimeSeconds = Math.ceil(settings.lifetimeMs / 1000);
  return {
    retryLimit: retriesToCover(lifetimeSeconds, retryDelay, retryDelayMax),
    retryDelay,
    retryBackoff: true,
    retryDelayMax,
    expireInSeconds: timings.expireInSeconds,
    // pg-boss deletes a job still waiting or retrying once this has passed since it was created
    // (default 14 days). Ours are parked by their lifetime first: never let retention reach them.
    retentionSeconds: lifetimeSeconds + retryDelayMax + timings.expireInSeconds + 7 * DAY_SECONDS,
    // A completed job holds only a reference; the ledger keeps the history.
    deleteAfterSeconds: DAY_SECONDS,
    deadLetter: DEAD_LETTER_QUEUE,
  };
}

/**
 * `supervise`: expire attempts of dead instances and delete old jobs (every
 * instance does; tools need not). `createSchema`: false when the schema was
 * made for us (see schemaExists).
 */
export function createBoss(
  database: Database,
  timings: JobTimings,
  options: { supervise: boolean; createSchema: boolean },
): PgBoss {
  return new PgBoss({
    db: database.db,
    schema: JOBS_SCHEMA,
    supervise: options.supervise,
    createSchema: options.createSchema,
    superviseIntervalSeconds: timings.superviseIntervalSeconds,
    monitorIntervalSeconds: timings.superviseIntervalSeconds,
    schedule: false,
    registerInstance: false,
    persistWarnings: false,
  });
}

/** Creates the two queues, or brings their settings up to date. */
export async function ensureQueues(boss: PgBoss, options: Omit<Queue, 'name'>): Promise<void> {
  const { deadLetter, ...deadLetterOptions } = options;
  await upsertQueue(boss, DEAD_LETTER_QUEUE, { ...deadLetterOptions, retryLimit: 0 });
  await upsertQueue(boss, DELIVERY_QUEUE, { ...deadLetterOptions, deadLetter });
}

async function upsertQueue(boss: PgBoss, name: string, options: Omit<Queue, 'name'>): Promise<void> {
  if (!(await boss.getQueue(name))) {
    try {
      await boss.createQueue(name, options);
      return;
    } catch (error) {
      // Another instance made it meanwhile.
      if (!(await boss.getQueue(name))) throw error;
    }
  }
  await boss.updateQueue(name, options);
}
