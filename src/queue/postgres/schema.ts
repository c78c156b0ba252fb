/**
 * Our own tables, in the schema `dsr_queue` (pg-boss keeps its jobs in
 * `dsr_jobs`). A message's sealed payload lives here, never in a job: a job
 * holds only the reference. Changes are new entries at the end of
 * MIGRATIONS, applied once, in order, by whichever instance starts first.
 */
import type { Database } from './database.ts';

export const SCHEMA = 'dsr_queue';

const MIGRATIONS: string[] = [
  `
  -- The unique key that makes accepting idempotent: a keyed hash of the
  -- submission token (never the token), and the reference it was given.
  CREATE TABLE ${SCHEMA}.tokens (
    token_hash text PRIMARY KEY,
    reference text NOT NULL,
    created_at timestamptz NOT NULL
  );
  CREATE INDEX tokens_by_age ON ${SCHEMA}.tokens (created_at);

  -- Queued, parked and corrupt messages. "sealed" is AES-256-GCM under
  -- SPOOL_KEY: the database never sees answers in clear. A delivered
  -- message's row is deleted in the transaction that completes its job.
  CREATE TABLE ${SCHEMA}.messages (
    reference text PRIMARY KEY,
    channel text NOT NULL,
    sealed bytea NOT NULL,
    accepted_at timestamptz NOT NULL,
    state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'parked', 'corrupt')),
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    last_code text,
    parked_at timestamptz,
    parked_reason text,
    retried_at timestamptz
  );
  CREATE INDEX messages_by_state ON ${SCHEMA}.messages (state, accepted_at);
  -- Ciphertext does not compress: store it as it is, without trying.
  ALTER TABLE ${SCHEMA}.messages ALTER COLUMN sealed SET STORAGE EXTERNAL;

  -- What happened to each message, with no personal data.
  CREATE TABLE ${SCHEMA}.ledger (
    id bigserial PRIMARY KEY,
    reference text NOT NULL,
    outcome text NOT NULL,
    accepted_at timestamptz,
    at timestamptz NOT NULL,
    attempts integer NOT NULL,
    code text
  );
  CREATE INDEX ledger_by_time ON ${SCHEMA}.ledger (at);

  -- A fingerprint of the key the messages are sealed with (never the key):
  -- an instance started with another SPOOL_KEY refuses to work.
  CREATE TABLE ${SCHEMA}.sealing_key (
    only_one boolean PRIMARY KEY DEFAULT true CHECK (only_one),
    fingerprint text NOT NULL
  );
  `,
];

/** This instance's SPOOL_KEY differs from the one the shared queue's messages are sealed with. */
export class KeyMismatchError extends Error {
  readonly code = 'EKEYMISMATCH';
  constructor() {
    super('SPOOL_KEY is not the key this queue was made with');
    this.name = 'KeyMismatchError';
  }
}

/** Records the key's fingerprint on first use; afterwards, refuses any other key. */
export async function checkSealingKey(database: Database, fingerprint: string): Promise<void> {
  await database.query(
    `INSERT INTO ${SCHEMA}.sealing_key (fingerprint) VALUES ($1) ON CONFLICT (only_one) DO NOTHING`,
    [fingerprint],
  );
  const { rows } = await database.query<{ fingerprint: string }>(`SELECT fingerprint FROM ${SCHEMA}.sealing_key`);
  if (rows[0]?.fingerprint !== fingerprint) throw new KeyMismatchError();
}

/**
 * Whether a schema exists. A role that may not create schemas in the database
 * can still use one made for it (`CREATE SCHEMA … AUTHORIZATION role`), but
 * even `CREATE SCHEMA IF NOT EXISTS` needs that right, so it is asked first.
 */
export async function schemaExists(database: Database, name: string): Promise<boolean> {
  const { rows } = await database.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [name]);
  return rows.length > 0;
}

/** Creates or updates our tables; safe when several instances start at once. */
export async function migrate(database: Database): Promise<void> {
  const exists = await schemaExists(database, SCHEMA);
  await database.transaction(async ({ query }) => {
    await query(`SELECT pg_advisory_xact_lock(hashtext('${SCHEMA}.migrations'))`);
    if (!exists) await query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
    await query(
      `CREATE TABLE IF NOT EXISTS ${SCHEMA}.migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await query<{ version: number | null }>(
      `SELECT max(version) AS version FROM ${SCHEMA}.migrations`,
    );
    for (let version = (rows[0]?.version ?? 0) + 1; version <= MIGRATIONS.length; version++) {
      await query(MIGRATIONS[version - 1]!);
      await query(`INSERT INTO ${SCHEMA}.migrations (version) VALUES ($1)`, [version]);
    }
  });
}
