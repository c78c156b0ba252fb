/**
 * The queue's public face. The delivery service (src/delivery/) makes the
 * process-wide queue; tests and tools make their own with `createQueue`.
 *
 * The driver follows the settings: QUEUE_URL=postgres://… gives the
 * PostgreSQL queue that several instances share; without it, the file spool
 * in DATA_DIR, for one instance (the embedded default).
 */
import type { Channel } from '../channels/channel.ts';
import type { QueueSettings } from '../settings.ts';
import type { QueueDriver, QueueOperations, DeliveryContext } from './driver.ts';
import { resolveSpoolKey } from './key.ts';
import { createLogger, type Logger } from './log.ts';
import { PostgresDriver } from './postgres/index.ts';
import { openPostgresOperations } from './postgres/operations.ts';
import { Queue } from './queue.ts';
import { SpoolDriver } from './spool/index.ts';
import { openSpoolOperations } from './spool/operations.ts';

export { Queue };
export type { AcceptRequest, Accepted, QueueHealth } from './queue.ts';

interface CreateQueueOptions {
  channels: Channel[];
  logger?: Logger;
  /** The sealing key; by default SPOOL_KEY, or the development key file. */
  key?: Buffer;
  now?: () => number;
}

function chooseDriver(settings: QueueSettings): (context: DeliveryContext) => QueueDriver {
  return settings.url ? (context) => new PostgresDriver(context) : (context) => new SpoolDriver(context);
}

/** A started queue (`ready` settles when it can be used). Throws SettingsError for a missing production key. */
export function createQueue(settings: QueueSettings, options: CreateQueueOptions): Queue {
  return new Queue(settings, {
    key: options.key ?? resolveSpoolKey(settings).key,
    logger: options.logger ?? createLogger(),
    channels: options.channels,
    driver: chooseDriver(settings),
    ...(options.now ? { now: options.now } : {}),
  });
}

/** `npm run queue -- list | retry` with either driver; needs no key. */
export function openQueueOperations(settings: QueueSettings): Promise<QueueOperations> {
  return settings.url ? openPostgresOperations(settings) : openSpoolOperations(settings);
}
