/**
 * `npm run queue -- list | retry` on the PostgreSQL queue. Reads only our
 * columns (reference, times, attempts, codes): no key, no content. A retry
 * makes a new job in the same transaction that moves the message back, so
 * any running instance picks it up within QUEUE_POLL_INTERVAL.
 */
import type { QueueSettings } from '../../settings.ts';
import type { ListedMessage, QueueOperations, RetryResult } from '../driver.ts';
import { iso, type LedgerEntry, type Outcome } from '../ledger.ts';
import { openDatabase } from './database.ts';
import type { PgBoss } from 'pg-boss';
import { createBoss, DELIVERY_QUEUE, jobTimings, JOBS_SCHEMA } from './jobs.ts';
import { migrate, schemaExists, SCHEMA } from './schema.ts';

interface Row {
  reference: string;
  state: 'queued' | 'parked';
  accepted_at: Date;
  attempts: number;
  next_attempt_at: Date | null;
  last_code: string | null;
  parked_reason: string | null;
}

interface LedgerRow {
  reference: string;
  outcome: Outcome;
  accepted_at: Date | null;
  at: Date;
  attempts: number;
  code: string | null;
}

export async function openPostgresOperations(settings: QueueSettings): Promise<QueueOperations> {
  const database = openDatabase(settings, () => {});
  // Sending a job needs pg-boss started; this one supervises nothing and changes no settings.
  let boss: PgBoss;
  try {
    await migrate(database);
    const createSchema = !(await schemaExists(database, JOBS_SCHEMA));
    boss = createBoss(database, jobTimings(1000), { supervise: false, createSchema });
    boss.on('error', () => {});
    await boss.start();
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    pickUpSeconds: Math.max(1, Math.round(settings.pollIntervalMs / 1000)),
    async list() {
      const { rows } = await database.query<Row>(
        `SELECT reference, state, accepted_at, attempts, next_attempt_at, last_code, parked_reason
           FROM ${SCHEMA}.messages WHERE state IN ('queued', 'parked') ORDER BY accepted_at`,
      );
      const corrupt = await database.query<{ count: string }>(
        `SELECT count(*) AS count FROM ${SCHEMA}.messages WHERE state = 'corrupt'`,
      );
      const messages: ListedMessage[] = rows.map((row) => ({
        reference: row.reference,
        state: row.state,
        acceptedAt: row.accepted_at.getTime(),
        attempts: row.attempts,
        nextAttemptAt: row.state === 'queued' ? row.next_attempt_at?.getTime() : undefined,
        lastCode: row.last_code ?? undefined,
        parkedReason: row.parked_reason ?? undefined,
      }));
      return {
        messages,
        corrupt: Number(corrupt.rows[0]?.count ?? 0),
        corruptWhere: `${SCHEMA}.messages (state 'corrupt')`,
      };
    },
    async retry(reference): Promise<RetryResult> {
      return database.transaction(async (tx) => {
        const now = iso(Date.now());
        const { rows } = await tx.query<{ attempts: number }>(
          `UPDATE ${SCHEMA}.messages SET state = 'queued', parked_at = NULL, parked_reason = NULL,
             next_attempt_at = NULL, retried_at = $2 WHERE reference = $1 AND state = 'parked' RETURNING attempts`,
          [reference, now],
        );
        if (!rows[0]) {
          const found = await tx.query(`SELECT 1 FROM ${SCHEMA}.messages WHERE reference = $1 AND state = 'queued'`, [
            reference,
          ]);
          return found.rows.length ? 'already-queued' : 'not-found';
        }
        await boss.send(DELIVERY_QUEUE, { reference }, { db: tx.db });
        await tx.query(
          `INSERT INTO ${SCHEMA}.ledger (reference, outcome, at, attempts) VALUES ($1, 'retried', $2, $3)`,
          [reference, now, rows[0].attempts],
        );
        return 'retried';
      });
    },
    async ledgerSince(since) {
      const { rows } = await database.query<LedgerRow>(
        `SELECT reference, outcome, accepted_at, at, attempts, code FROM ${SCHEMA}.ledger WHERE at >= $1 ORDER BY at, id`,
        [iso(since)],
      );
      return rows.map((row): LedgerEntry => ({
        reference: row.reference,
        outcome: row.outcome,
        acceptedAt: row.accepted_at ? iso(row.accepted_at.getTime()) : undefined,
        at: iso(row.at.getTime()),
        attempts: row.attempts,
        code: row.code ?? undefined,
      }));
    },
    async close() {
      await boss.stop({ graceful: false, close: false }).catch(() => {});
      await database.close();
    },
  };
}
