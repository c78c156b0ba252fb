/**
 * The connection pool to the queue's database, shared by our own tables and
 * pg-boss, and transactions that pg-boss calls can join. The pool reconnects
 * by itself: a query made while the database is down fails at once (or after
 * the connection timeout) and the next one after it returns succeeds.
 */
import pg from 'pg';
import type { Db as IDatabase } from 'pg-boss';
import type { QueueSettings } from '../../settings.ts';

export type Query = <R extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values?: unknown[],
) => Promise<pg.QueryResult<R>>;

/** A transaction: our statements with `query`, pg-boss's with `{ db }`. */
export interface Transaction {
  query: Query;
  db: IDatabase;
}

export interface Database {
  query: Query;
  /** For pg-boss calls outside a transaction. */
  db: IDatabase;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Where the database is, without the password, for the start-up lines. */
export function describeDatabase(url: string): string {
  const parsed = new URL(url);
  return `PostgreSQL ${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

export function openDatabase(settings: QueueSettings, onIdleError: (error: Error) => void): Database {
  const pool = new pg.Pool({
    connectionString: settings.url,
    max: settings.dbConnections,
    application_name: 'dsr-portal',
    // A post waits at most this long for the database before the person is told "not sent".
    connectionTimeoutMillis: 5_000,
    query_timeout: 15_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
  });
  // An idle connection dropped by the server (a restart, a failover) must not end the process.
  pool.on('error', onIdleError);
  const query: Query = (text, values) => pool.query(text, values);
  return {
    query,
    db: { executeSql: (text, values) => pool.query(text, values) },
    async transaction(work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      // A connection lost between statements is reported as an event, which would otherwise end the process.
      const lost = (error: Error) => (broken = error);
      client.on('error', lost);
      try {
        await client.query('BEGIN');
        const tx: Transaction = {
          query: (text, values) => client.query(text, values),
          db: { executeSql: (text, values) => client.query(text, values) },
        };
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackFailed: Error) => (broken = rollbackFailed));
        throw error;
      } finally {
        client.off('error', lost);
        // A connection that broke, or could not even roll back, is thrown away, not reused.
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
