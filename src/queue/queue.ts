/**
 * The queue: accept a message durably (idempotent by submission token), then
 * deliver it through its channel. The queue knows nothing about forms or mail
 * beyond a channel's name and an opaque payload, sealed before it is stored.
 * Where messages are kept is the driver's business (see driver.ts).
 */
import type { KeyObject } from 'node:crypto';
import { InvalidMessageError, type Channel } from '../channels/channel.ts';
import type { QueueSettings } from '../settings.ts';
import { cipherKey, seal, tokenHash } from './crypto.ts';
import { ReferenceTakenError, type DeliveryContext, type QueueCounts, type QueueDriver } from './driver.ts';
import type { Logger } from './log.ts';
import { newReference } from './reference.ts';
import { DeliveryStatus, type DeliveryState } from './status.ts';

export interface AcceptRequest<TPayload = unknown> {
  /** The form's one-time submission token (a random string from a hidden field). */
  token: string;
  /** The channel that delivers it: `mail` when not given. */
  channel?: string;
  /** Builds the payload once the reference is known; called once per new submission. */
  build: (reference: string) => TPayload | Promise<TPayload>;
}

export interface Accepted {
  reference: string;
}

/** What /healthz shows: states, counts and times, no personal data. */
export interface QueueHealth {
  /** False (503) when new posts cannot be accepted, the instance is stopping, or delivery has failed too long. */
  ok: boolean;
  /** A new post can be made durable now. */
  accepting: boolean;
  stopping: boolean;
  queue: QueueDriver['kind'];
  /** The spool's disk, or the database; `code` says what is wrong. */
  dependencies: Partial<Record<QueueDriver['dependency'], { ok: boolean; code: string | null }>>;
  /** Null while the queue cannot be read. */
  queued: number | null;
  parked: number | null;
  corrupt: number | null;
  oldestAgeSeconds: number | null;
  delivery: {
    /** Each channel and how it delivers, like `{ "mail": "smtp" }`. */
    channels: Record<string, string>;
    state: DeliveryState;
    failingForSeconds: number | null;
    lastDeliveredSecondsAgo: number | null;
  };
}

interface QueueOptions {
  key: Buffer;
  logger: Logger;
  channels: Channel[];
  driver: (context: DeliveryContext) => QueueDriver;
  now?: () => number;
}

const DEFAULT_CHANNEL = 'mail';
const REFERENCE_TRIES = 3;
const seconds = (ms: number): number => Math.max(0, Math.round(ms / 1000));

export class Queue {
  readonly settings: QueueSettings;
  readonly driver: QueueDriver;
  readonly channels: ReadonlyMap<string, Channel>;
  /** Settles once the driver has started; rejects when the queue cannot be used at all. */
  readonly ready: Promise<void>;
  private readonly key: KeyObject;
  private readonly logger: Logger;
  private readonly now: () => number;
  private readonly status: DeliveryStatus;
  private readonly pendingTokens = new Map<string, Promise<Accepted>>();
  private readonly reserved = new Set<string>();
  private stopping = false;

  constructor(settings: QueueSettings, options: QueueOptions) {
    this.settings = settings;
    this.key = cipherKey(options.key);
    this.logger = options.logger;
    this.now = options.now ?? Date.now;
    this.channels = new Map(options.channels.map((channel) => [channel.name, channel]));
    this.status = new DeliveryStatus(settings, this.now);
    this.driver = options.driver({
      settings,
      channels: this.channels,
      key: this.key,
      logger: this.logger,
      status: this.status,
      now: this.now,
    });
    this.ready = this.driver.start();
    // Callers await `ready` (accept() does); this only keeps an unawaited failure from killing the process.
    this.ready.catch(() => {});
  }

  /**
   * Resolves only once the sealed message is durable. The same token again
   * returns the same reference and stores nothing. Throws InvalidMessageError
   * for a payload its channel cannot send, and the driver's error when the
   * message could not be made durable: the caller must then say "not sent".
   */
  async accept(request: AcceptRequest): Promise<Accepted> {
    await this.ready;
    if (typeof request.token !== 'string' || request.token.length < 16 || request.token.length > 512) {
      throw new InvalidMessageError(['token']);
    }
    const channel = this.channels.get(request.channel ?? DEFAULT_CHANNEL);
    if (!channel) throw new InvalidMessageError(['channel']);
    const hash = tokenHash(this.key, request.token);
    const inFlight = this.pendingTokens.get(hash);
    if (inFlight) return inFlight;
    const accepting = this.acceptNew(hash, channel, request.build).finally(() => this.pendingTokens.delete(hash));
    this.pendingTokens.set(hash, accepting);
    return accepting;
  }

  /** The reference a token was given, if it was accepted (and its token not yet pruned). */
  async referenceFor(token: string): Promise<string | undefined> {
    await this.ready;
    return this.driver.findToken(tokenHash(this.key, token));
  }

  async health(): Promise<QueueHealth> {
    const started = await this.ready.then(
      () => true,
      () => false,
    );
    const readiness = started ? await this.driver.readiness() : { ok: false as const, code: 'ENOTSTARTED' };
    const counts: QueueCounts | undefined = started ? await this.driver.counts().catch(() => undefined) : undefined;
    if (counts?.queued === 0) this.status.settled();
    const now = this.now();
    const { failingSince, lastDeliveredAt } = this.status;
    const failingFor = failingSince === undefined ? undefined : now - failingSince;
    const failingTooLong = failingFor !== undefined && failingFor > this.settings.healthThresholdMs;
    return {
      ok: readiness.ok && !this.stopping && !failingTooLong,
      accepting: readiness.ok,
      stopping: this.stopping,
      queue: this.driver.kind,
      dependencies: {
        [this.driver.dependency]: { ok: readiness.ok, code: readiness.ok ? null : readiness.code },
      },
      queued: counts?.queued ?? null,
      parked: counts?.parked ?? null,
      corrupt: counts?.corrupt ?? null,
      oldestAgeSeconds: counts?.oldestAcceptedAt === undefined ? null : seconds(now - counts.oldestAcceptedAt),
      delivery: {
        channels: Object.fromEntries([...this.channels.values()].map((channel) => [channel.name, channel.via])),
        state: counts ? this.status.state(counts.queued) : 'idle',
        failingForSeconds: failingFor === undefined ? null : seconds(failingFor),
        lastDeliveredSecondsAgo: lastDeliveredAt === undefined ? null : seconds(now - lastDeliveredAt),
      },
    };
  }

  /**
   * For a rolling restart: stop starting deliveries (those under way finish,
   * or are handed back, by `by`), and say so in /healthz. Accepting goes on
   * until `stop`, so requests under way still commit.
   */
  async stopDelivering(by: number): Promise<void> {
    this.stopping = true;
    await this.ready.catch(() => {});
    await this.driver.stopDelivering(by);
  }

  /** Stops delivering, waits for commits under way, then closes the driver and the channels. */
  async stop(by = Date.now() + 5000): Promise<void> {
    await this.stopDelivering(by);
    await this.driver.close();
    for (const channel of this.channels.values()) channel.close();
  }

  private async acceptNew(hash: string, channel: Channel, build: AcceptRequest['build']): Promise<Accepted> {
    const existing = await this.driver.findToken(hash);
    if (existing) return { reference: existing };
    for (let tries = 1; ; tries++) {
      const reference = this.freshReference();
      try {
        const payload = channel.check(await build(reference));
        const acceptedAt = this.now();
        const sealed = seal(
          this.key,
          { reference, acceptedAt, channel: channel.name },
          Buffer.from(JSON.stringify(payload)),
        );
        const stored = await this.driver.commit({
          reference,
          tokenHash: hash,
          channel: channel.name,
          sealed,
          acceptedAt,
        });
        this.logger.info({ reference: stored }, stored === reference ? 'message accepted' : 'token already accepted');
        return { reference: stored };
      } catch (error) {
        if (!(error instanceof ReferenceTakenError) || tries >= REFERENCE_TRIES) throw error;
      } finally {
        this.reserved.delete(reference);
      }
    }
  }

  /** A reference no accept in this process is using; the driver checks the others. */
  private freshReference(): string {
    for (;;) {
      const reference = newReference();
      if (this.reserved.has(reference)) continue;
      this.reserved.add(reference);
      return reference;
    }
  }
}
