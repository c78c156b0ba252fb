/**
 * The file spool driver: the embedded default, for one instance with a
 * persistent disk (DATA_DIR). Messages are files, written the Maildir way
 * (temporary file, fsync, rename, fsync the folder) and batched into group
 * commits; tokens are symlinks; retries are timers in this process.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { writeSynced } from '../../disk/durable.ts';
import {
  ReferenceTakenError,
  type DeliveryContext,
  type NewMessage,
  type QueueCounts,
  type QueueDriver,
  type Readiness,
} from '../driver.ts';
import { Batcher } from '../batcher.ts';
import { Ledger } from './ledger.ts';
import { Spool, type NewEntry } from './spool.ts';
import { SpoolWorker } from './worker.ts';

const DAY = 86_400_000;
/** /healthz may be asked often: the disk is probed at most this often. */
const PROBE_EVERY_MS = 1000;

export class SpoolDriver implements QueueDriver {
  readonly kind = 'file spool';
  readonly dependency = 'disk';
  readonly description: string;
  private readonly context: DeliveryContext;
  private readonly spool: Spool;
  private readonly ledger: Ledger;
  /** Concurrent accepts share one set of fsyncs (group commit). */
  private readonly committer: Batcher<NewEntry, undefined>;
  private readonly worker: SpoolWorker;
  private readonly timers: NodeJS.Timeout[] = [];
  private probe: { at: number; result: Promise<Readiness> } | undefined;

  constructor(context: DeliveryContext) {
    this.context = context;
    this.spool = new Spool(context.settings.dataDir);
    this.ledger = new Ledger(context.settings.dataDir);
    this.committer = new Batcher((entries: NewEntry[]) => this.spool.commit(entries));
    this.worker = new SpoolWorker(context, this.spool, this.ledger);
    this.description = `the file spool ${this.spool.root}`;
  }

  async start(): Promise<void> {
    await this.spool.prepare();
    await this.worker.rescan();
    await this.prune();
    const every = (ms: number, task: () => Promise<unknown>): void => {
      const timer = setInterval(() => {
        task().catch((error: unknown) =>
          this.context.logger.error(
            { code: (error as { code?: unknown }).code ?? 'EINTERNAL' },
            'queue housekeeping failed',
          ),
        );
      }, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.context.settings.scanIntervalMs, () => this.worker.rescan());
    every(DAY, () => this.prune());
  }

  /** Synchronous underneath: a cached folder lookup, which must not queue behind fsyncs. */
  async findToken(tokenHash: string): Promise<string | undefined> {
    return this.spool.findToken(tokenHash);
  }

  /** This process is the spool's only writer, so it knows every reference in use. */
  async commit(message: NewMessage): Promise<string> {
    if (this.worker.knows(message.reference)) throw new ReferenceTakenError();
    const existing = this.spool.findToken(message.tokenHash);
    if (existing) return existing;
    await this.committer.run({
      reference: message.reference,
      sealed: message.sealed,
      tokenHash: message.tokenHash,
    });
    this.worker.add(message.reference, message.acceptedAt);
    return message.reference;
  }

  /** Can a message be written, flushed and removed in the spool's folder now (disk full, read-only, gone)? */
  readiness(): Promise<Readiness> {
    const now = Date.now();
    if (this.probe && now - this.probe.at < PROBE_EVERY_MS) return this.probe.result;
    const file = path.join(this.spool.dirs.tmp, `probe-${process.pid}-${now}`);
    const result = writeSynced(file, Buffer.alloc(4096)).then(
      async (): Promise<Readiness> => {
        await rm(file, { force: true });
        return { ok: true };
      },
      async (error: unknown): Promise<Readiness> => {
        await rm(file, { force: true }).catch(() => {});
        const code = (error as { code?: unknown }).code;
        return { ok: false, code: typeof code === 'string' ? code : 'EIO' };
      },
    );
    this.probe = { at: now, result };
    return result;
  }

  async counts(): Promise<QueueCounts> {
    return this.worker.counts();
  }

  async stopDelivering(by: number): Promise<void> {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    const left = await this.worker.stop(by);
    if (left > 0)
      this.context.logger.warn(
        { deliveries: left },
        'stopped with deliveries under way; they stay in the spool and are sent again after a restart',
      );
  }

  async close(): Promise<void> {
    await this.committer.idle();
  }

  private async prune(): Promise<void> {
    const { ledgerRetentionDays } = this.context.settings;
    const now = this.context.now();
    await this.ledger.prune(ledgerRetentionDays, now);
    await this.spool.pruneTokens(now - ledgerRetentionDays * DAY);
  }
}
