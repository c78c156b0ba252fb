/**
 * Accepting, for a batch of concurrent posts, in one transaction: the
 * tokens' unique keys, the sealed messages and their jobs commit together,
 * or not at all; only then is anyone told "sent". Two posts of one token
 * (two instances, or a retry) meet at the token's key: the later one waits
 * for the first to commit, stores nothing, and answers with its reference.
 */
import type { PgBoss } from 'pg-boss';
import { ReferenceTakenError, type NewMessage } from '../driver.ts';
import { iso } from '../ledger.ts';
import type { Database } from './database.ts';
import { DELIVERY_QUEUE } from './jobs.ts';
import { SCHEMA } from './schema.ts';

/** One result per message, in order: the token's reference, or why it was not stored. */
export async function commitBatch(database: Database, boss: PgBoss, batch: NewMessage[]): Promise<(string | Error)[]> {
  return database.transaction(async (tx) => {
    const { rows: claimed } = await tx.query<{ token_hash: string }>(
      `INSERT INTO ${SCHEMA}.tokens (token_hash, reference, created_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[])
       ON CONFLICT (token_hash) DO NOTHING RETURNING token_hash`,
      [batch.map((m) => m.tokenHash), batch.map((m) => m.reference), batch.map((m) => iso(m.acceptedAt))],
    );
    const isNew = new Set(claimed.map((row) => row.token_hash));
    const fresh = batch.filter((m) => isNew.has(m.tokenHash));
    // One row of parameters per message, so each sealed payload goes to the server as bytes, not hex text.
    const rows = fresh.map((_, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4})`);
    const { rows: inserted } = fresh.length
      ? await tx.query<{ reference: string }>(
          `INSERT INTO ${SCHEMA}.messages (reference, channel, sealed, accepted_at) VALUES ${rows.join(', ')}
           ON CONFLICT (reference) DO NOTHING RETURNING reference`,
          fresh.flatMap((m) => [m.reference, m.channel, m.sealed, iso(m.acceptedAt)]),
        )
      : { rows: [] };
    const stored = new Set(inserted.map((row) => row.reference));
    const taken = fresh.filter((m) => !stored.has(m.reference));
    if (taken.length)
      await tx.query(`DELETE FROM ${SCHEMA}.tokens WHERE token_hash = ANY($1)`, [taken.map((m) => m.tokenHash)]);
    if (stored.size)
      await boss.insert(
        DELIVERY_QUEUE,
        [...stored].map((reference) => ({ data: { reference } })),
        { db: tx.db },
      );
    const repeats = batch.filter((m) => !isNew.has(m.tokenHash)).map((m) => m.tokenHash);
    const { rows: earlier } = repeats.length
      ? await tx.query<{ token_hash: string; reference: string }>(
          `SELECT token_hash, reference FROM ${SCHEMA}.tokens WHERE token_hash = ANY($1)`,
          [repeats],
        )
      : { rows: [] };
    const earlierReference = new Map(earlier.map((row) => [row.token_hash, row.reference]));
    return batch.map((m) => {
      if (!isNew.has(m.tokenHash)) return earlierReference.get(m.tokenHash) ?? new Error('token not found');
      return stored.has(m.reference) ? m.reference : new ReferenceTakenError();
    });
  });
}
