/**
 * The PostgreSQL driver (QUEUE_URL=postgres://…), for several instances on
 * one queue. Accepting is one transaction: the token's unique key, the
 * sealed message and its pg-boss job commit together, or not at all; only
 * then is the person told "sent". Any instance delivers any message.
 *
 * The database may be down when an instance starts or at any time after: the
 * instance keeps serving pages, every post is answered "not sent" (nothing
 * is acknowledged), /healthz says why, and it reconnects by itself.
 */
import type { PgBoss } from 'pg-boss';
import { keyFingerprint } from '../crypto.ts';
import {
  QueueUnavailableError,
  type DeliveryContext,
  type NewMessage,
  type QueueCounts,
  type QueueDriver,
  type Readiness,
} from '../driver.ts';
import { Batcher } from '../batcher.ts';
import { iso } from '../ledger.ts';
import { errorCode } from '../error-code.ts';
import { commitBatch } from './commit.ts';
import { describeDatabase, openDatabase, type Database } from './database.ts';
import { createBoss, deliveryQueueOptions, ensureQueues, jobTimings, JOBS_SCHEMA } from './jobs.ts';
import { checkSealingKey, KeyMismatchError, migrate, schemaExists, SCHEMA } from './schema.ts';
import { PostgresWorker } from './worker.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** /healthz may be asked often: the database is asked at most this often. */
const PROBE_EVERY_MS = 1000;
/** The same database error is logged at most this often while it lasts. */
const LOG_EVERY_MS = 30_000;

export class PostgresDriver implements QueueDriver {
  readonly kind = 'PostgreSQL';
  readonly dependency = 'database';
  readonly description: string;
  private readonly context: DeliveryContext;
  private readonly database: Database;
  private readonly timings: ReturnType<typeof jobTimings>;
  private boss: PgBoss | undefined;
  private worker: PostgresWorker | undefined;
  private connecting: Promise<void> | undefined;
  private lastError: string | undefined;
  private readonly logged = new Map<string, number>();
  private readonly timers: NodeJS.Timeout[] = [];
  private probe: { at: number; result: Promise<Readiness> } | undefined;
  /** Concurrent accepts share one transaction (group commit), and their token lookups one query. */
  private readonly committer = new Batcher<NewMessage, string>((batch) => this.commitBatch(batch));
  private readonly lookups = new Batcher<string, string | undefined>((hashes) => this.findTokens(hashes));
  private closed = false;
  private delivering = true;
  private wakeReconnect: (() => void) | undefined;

  constructor(context: DeliveryContext) {
    this.context = context;
    const url = context.settings.url;
    if (!url) throw new Error('the PostgreSQL driver needs QUEUE_URL');
    this.description = describeDatabase(url);
    this.database = openDatabase(context.settings, (error) => this.databaseError(error));
    const longest = Math.max(...[...context.channels.values()].map((channel) => channel.attemptTimeoutMs));
    this.timings = jobTimings(longest);
  }

  /** Tries once; if the database cannot be reached, carries on trying in the background. */
  async start(): Promise<void> {
    if (await this.connect()) return;
    this.connecting = this.reconnect();
  }

  async findToken(tokenHash: string): Promise<string | undefined> {
    this.mustBeConnected();
    return this.lookups.run(tokenHash);
  }

  private async findTokens(hashes: string[]): Promise<(string | undefined)[]> {
    const { rows } = await this.database.query<{ token_hash: string; reference: string }>(
      `SELECT token_hash, reference FROM ${SCHEMA}.tokens WHERE token_hash = ANY($1)`,
      [hashes],
    );
    const found = new Map(rows.map((row) => [row.token_hash, row.reference]));
    return hashes.map((hash) => found.get(hash));
  }

  async commit(message: NewMessage): Promise<string> {
    this.mustBeConnected();
    const stored = await this.committer.run(message);
    if (stored === message.reference) this.worker?.wake();
    return stored;
  }

  private async commitBatch(batch: NewMessage[]): Promise<(string | Error)[]> {
    const boss = this.mustBeConnected();
    try {
      return await commitBatch(this.database, boss, batch);
    } catch (error) {
      this.databaseError(error);
      throw error;
    }
  }

  readiness(): Promise<Readiness> {
    if (!this.boss) return Promise.resolve({ ok: false, code: this.lastError ?? 'ENOTCONNECTED' });
    const now = Date.now();
    if (this.probe && now - this.probe.at < PROBE_EVERY_MS) return this.probe.result;
    const result = this.database.query('SELECT 1').then(
      (): Readiness => ({ ok: true }),
      (error: unknown): Readiness => ({ ok: false, code: errorCode(error) }),
    );
    this.probe = { at: now, result };
    return result;
  }

  async counts(): Promise<QueueCounts> {
    this.mustBeConnected();
    const { rows } = await this.database.query<{ state: string; count: string; oldest: Date | null }>(
      `SELECT state, count(*) AS count, min(accepted_at) AS oldest FROM ${SCHEMA}.messages GROUP BY state`,
    );
    const of = (state: string) => rows.find((row) => row.state === state);
    return {
      queued: Number(of('queued')?.count ?? 0),
      parked: Number(of('parked')?.count ?? 0),
      corrupt: Number(of('corrupt')?.count ?? 0),
      oldestAcceptedAt: of('queued')?.oldest?.getTime(),
    };
  }

  async stopDelivering(by: number): Promise<void> {
    this.delivering = false;
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    const handedBack = (await this.worker?.stop(by)) ?? 0;
    if (handedBack > 0)
      this.context.logger.warn(
        { deliveries: handedBack },
        'stopped with deliveries under way; handed back for another attempt',
      );
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wakeReconnect?.();
    await this.connecting;
    await this.committer.idle();
    // pg-boss's own stop would wait for the database; it has nothing of ours in flight by now.
    await Promise.race([
      this.boss?.stop({ graceful: false, close: false }).catch(() => {}),
      new Promise((resolve) => setTimeout(resolve, 2000).unref()),
    ]);
    await this.database.close().catch(() => {});
  }

  private mustBeConnected(): PgBoss {
    if (!this.boss) throw new QueueUnavailableError(this.lastError ?? 'ENOTCONNECTED');
    return this.boss;
  }

  /** Our tables, pg-boss's, the queues' settings, then delivery. False when the database could not be used. */
  private async connect(): Promise<boolean> {
    let boss: PgBoss | undefined;
    try {
      await migrate(this.database);
      const createSchema = !(await schemaExists(this.database, JOBS_SCHEMA));
      boss = createBoss(this.database, this.timings, { supervise: true, createSchema });
      boss.on('error', (error) => this.databaseError(error));
      boss.on('warning', (warning) =>
        this.logOnce(`warning:${warning.message}`, 'warn', { detail: warning.message }, 'pg-boss warning'),
      );
      await checkSealingKey(this.database, keyFingerprint(this.context.key));
      await boss.start();
      await ensureQueues(boss, deliveryQueueOptions(this.context.settings, this.timings));
    } catch (error) {
      this.databaseError(error);
      await boss?.stop({ graceful: false, close: false }).catch(() => {});
      return false;
    }
    this.boss = boss;
    this.lastError = undefined;
    if (this.delivering) {
      this.worker = new PostgresWorker(this.context, this.database, boss, (error) => this.databaseError(error));
      this.worker.start();
      this.housekeeping();
    }
    this.context.logger.info({ queue: this.description }, 'queue database connected');
    return true;
  }

  private async reconnect(): Promise<void> {
    for (let attempt = 1; !this.closed; attempt++) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(30_000, 1000 * 2 ** attempt));
        this.wakeReconnect = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (this.closed || (await this.connect())) return;
    }
  }

  private housekeeping(): void {
    const prune = () => this.prune().catch((error: unknown) => this.databaseError(error));
    void prune();
    const timer = setInterval(prune, HOUR);
    timer.unref();
    this.timers.push(timer);
  }

  /** Ledger lines and tokens older than LEDGER_RETENTION_DAYS go; queued and parked messages stay. */
  private async prune(): Promise<void> {
    const cutoff = iso(this.context.now() - this.context.settings.ledgerRetentionDays * DAY);
    await this.database.query(`DELETE FROM ${SCHEMA}.ledger WHERE at < $1`, [cutoff]);
    await this.database.query(`DELETE FROM ${SCHEMA}.tokens WHERE created_at < $1`, [cutoff]);
  }

  private databaseError(error: unknown): void {
    const code = errorCode(error);
    this.lastError = code;
    // A failure seen now outdates a cached "ready": /healthz must not say ok for up to a second after.
    this.probe = undefined;
    if (error instanceof KeyMismatchError) {
      this.logOnce(
        code,
        'error',
        { alert: 'queue-key-mismatch', code },
        'ALERT: SPOOL_KEY differs from the key of the shared queue; this instance accepts and delivers nothing. Give every instance the same SPOOL_KEY.',
      );
      return;
    }
    this.logOnce(`database:${code}`, 'warn', { code }, 'queue database error; nothing is acknowledged until it works');
  }

  private logOnce(key: string, level: 'warn' | 'error', fields: Record<string, unknown>, message: string): void {
    const now = Date.now();
    if ((this.logged.get(key) ?? 0) > now - LOG_EVERY_MS) return;
    this.logged.set(key, now);
    this.context.logger[level](fields, message);
  }
}
