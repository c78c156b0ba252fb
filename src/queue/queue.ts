/**
 * The mail queue: accept a message durably (idempotent by submission token),
 * then deliver it. The queue knows nothing about forms beyond a message with
 * a reference.
 */
import { createDeliverer } from '../mail/transport.ts';
import type { Deliverer } from '../mail/transport.ts';
import { checkMessage, InvalidMessageError } from '../mail/message.ts';
import type { OutgoingMessage } from '../mail/message.ts';
import type { QueueConfig } from './config.ts';
import { cipherKey, seal, tokenHash } from './crypto.ts';
import type { KeyObject } from 'node:crypto';
import { GroupCommitter } from './group-commit.ts';
import { Ledger } from './ledger.ts';
import type { Logger } from './log.ts';
import { newReference } from './reference.ts';
import { Spool } from './spool.ts';
import { DeliveryWorker } from './worker.ts';
import type { DeliveryState } from './worker.ts';
import path from 'node:path';

export interface AcceptRequest {
  /** The form's one-time submission token (a random string from a hidden field). */
  token: string;
  /** Builds the message once the reference is known; called at most once per token. */
  build: (reference: string) => OutgoingMessage | Promise<OutgoingMessage>;
}

export interface Accepted {
  reference: string;
}

/** What /healthz shows: counts and times, no personal data. */
export interface QueueHealth {
  ok: boolean;
  queued: number;
  parked: number;
  corrupt: number;
  oldestAgeSeconds: number | null;
  delivery: {
    via: 'smtp' | 'mailbox';
    state: DeliveryState;
    failingForSeconds: number | null;
    lastDeliveredSecondsAgo: number | null;
  };
}

export interface QueueOptions {
  key: Buffer;
  logger: Logger;
  now?: () => number;
  /** Tests may replace where mail goes; by default SMTP_URL or the mailbox folder. */
  deliverer?: Deliverer;
}

const DAY = 86_400_000;
const seconds = (ms: number): number => Math.max(0, Math.round(ms / 1000));

export class MailQueue {
  readonly config: QueueConfig;
  readonly deliverer: Deliverer;
  /** Delivery events: 'delivered', 'deferred', 'parked', 'corrupt', 'idle'. */
  readonly events: DeliveryWorker;
  /** Settles once the spool has been recovered; rejects when the spool cannot be used. */
  readonly ready: Promise<void>;
  private readonly key: KeyObject;
  private readonly logger: Logger;
  private readonly now: () => number;
  private readonly spool: Spool;
  private readonly ledger: Ledger;
  private readonly committer: GroupCommitter;
  private readonly pendingTokens = new Map<string, Promise<Accepted>>();
  private readonly reserved = new Set<string>();
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(config: QueueConfig, options: QueueOptions) {
    this.config = config;
    this.key = cipherKey(options.key);
    this.logger = options.logger;
    this.now = options.now ?? Date.now;
    this.spool = new Spool(config.dataDir);
    this.ledger = new Ledger(config.dataDir);
    this.committer = new GroupCommitter(this.spool);
    this.deliverer =
      options.deliverer ??
      createDeliverer({
        smtpUrl: config.smtpUrl,
        requireTls: config.requireTls,
        timeoutMs: config.smtpTimeoutMs,
        connections: config.concurrency,
        mailboxDir: path.join(config.dataDir, 'mailbox'),
      });
    this.events = new DeliveryWorker({
      config,
      spool: this.spool,
      ledger: this.ledger,
      deliverer: this.deliverer,
      logger: this.logger,
      key: this.key,
      now: this.now,
    });
    this.ready = this.start();
    // Callers await `ready` (accept() does); this only keeps an unawaited failure from killing the process.
    this.ready.catch(() => {});
  }

  /**
   * Resolves only once the encrypted message is durable on disk. The same
   * token again returns the same reference and queues nothing.
   */
  async accept(request: AcceptRequest): Promise<Accepted> {
    await this.ready;
    if (typeof request.token !== 'string' || request.token.length < 16 || request.token.length > 512) {
      throw new InvalidMessageError(['token']);
    }
    const hash = tokenHash(this.key, request.token);
    const inFlight = this.pendingTokens.get(hash);
    if (inFlight) return inFlight;
    const accepting = this.acceptNew(hash, request.build).finally(() => this.pendingTokens.delete(hash));
    this.pendingTokens.set(hash, accepting);
    return accepting;
  }

  health(): QueueHealth {
    const now = this.now();
    const s = this.events.snapshot();
    const failingFor = s.failingSince === undefined ? undefined : now - s.failingSince;
    return {
      ok: failingFor === undefined || failingFor <= this.config.healthThresholdMs,
      queued: s.queued,
      parked: s.parked,
      corrupt: s.corrupt,
      oldestAgeSeconds: s.oldestAcceptedAt === undefined ? null : seconds(now - s.oldestAcceptedAt),
      delivery: {
        via: this.config.smtpUrl ? 'smtp' : 'mailbox',
        state: s.state,
        failingForSeconds: failingFor === undefined ? null : seconds(failingFor),
        lastDeliveredSecondsAgo: s.lastDeliveredAt === undefined ? null : seconds(now - s.lastDeliveredAt),
      },
    };
  }

  /** Stops delivering (in-flight attempts finish) and waits for pending writes. */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await this.ready.catch(() => {});
    await this.committer.idle();
    await this.events.stop();
    this.deliverer.close();
  }

  private async start(): Promise<void> {
    await this.spool.prepare();
    await this.events.recover();
    await this.prune();
    const every = (ms: number, task: () => Promise<unknown>): void => {
      const timer = setInterval(() => {
        task().catch((error: unknown) =>
          this.logger.error({ code: (error as { code?: unknown }).code ?? 'EINTERNAL' }, 'queue housekeeping failed'),
        );
      }, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.config.scanIntervalMs, () => this.events.rescan());
    every(DAY, () => this.prune());
  }

  private async prune(): Promise<void> {
    const cutoff = this.now() - this.config.ledgerRetentionDays * DAY;
    await this.ledger.prune(this.config.ledgerRetentionDays, this.now());
    await this.spool.pruneTokens(cutoff);
  }

  private async acceptNew(hash: string, build: AcceptRequest['build']): Promise<Accepted> {
    const existing = this.spool.findToken(hash);
    if (existing) return { reference: existing };
    const reference = await this.freshReference();
    try {
      const message = checkMessage(await build(reference));
      if (!this.config.mailTo && !message.to) throw new InvalidMessageError(['to']);
      const acceptedAt = this.now();
      const sealed = seal(this.key, { reference, acceptedAt }, Buffer.from(JSON.stringify(message)));
      await this.committer.commit({ reference, sealed, tokenHash: hash });
      this.logger.info({ reference }, 'message accepted');
      this.events.add(reference, acceptedAt);
      return { reference };
    } finally {
      this.reserved.delete(reference);
    }
  }

  /**
   * A reference not used by any queued or parked message. This process is
   * the only writer and knows them all, so no disk lookup is needed.
   */
  private async freshReference(): Promise<string> {
    for (;;) {
      const reference = newReference();
      if (this.reserved.has(reference) || this.events.knows(reference)) continue;
      this.reserved.add(reference);
      return reference;
    }
  }
}
