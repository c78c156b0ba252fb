/**
 * The queue's public face.
 *
 * - Forms: `const { reference } = await getQueue().accept({ token, build: (reference) => message })`
 * - src/server.ts: `await startQueue()` before listening.
 *
 * This module is loaded twice in production (by server.ts from src/, and
 * bundled into Astro's dist/), so the one instance lives on globalThis.
 */
import path from 'node:path';
import { loadConfig, QueueConfigError } from './config.ts';
import type { QueueConfig } from './config.ts';
import { resolveSpoolKey } from './key.ts';
import { createLogger } from './log.ts';
import type { Logger } from './log.ts';
import { MailQueue } from './queue.ts';
import type { QueueOptions } from './queue.ts';

export { MailQueue, loadConfig, QueueConfigError };
export { InvalidMessageError } from '../mail/message.ts';
export type { OutgoingMessage } from '../mail/message.ts';
export type { Accepted, AcceptRequest, QueueHealth } from './queue.ts';
export type { QueueConfig };

const SLOT = Symbol.for('dsr.queue');
type Slot = { [SLOT]?: { queue: MailQueue; keyFile: string | undefined; keyCreated: boolean } };
const slot = globalThis as Slot;

/** A queue from explicit settings; tests and tools use this, the site uses getQueue(). */
export function createQueue(config: QueueConfig, options: Partial<QueueOptions> & { logger?: Logger } = {}): MailQueue {
  const key = options.key ?? resolveSpoolKey(config).key;
  return new MailQueue(config, { ...options, key, logger: options.logger ?? createLogger() });
}

/**
 * The process-wide queue, created on first use from the environment.
 * Throws QueueConfigError when the settings are wrong.
 */
export function getQueue(): MailQueue {
  const existing = slot[SLOT];
  if (existing) return existing.queue;
  const config = loadConfig(process.env);
  const { key, createdFile, file } = resolveSpoolKey(config);
  const logger = createLogger();
  if (createdFile)
    logger.warn({ keyFile: createdFile }, 'created a development spool key; set SPOOL_KEY in production');
  const queue = new MailQueue(config, { key, logger });
  slot[SLOT] = { queue, keyFile: file, keyCreated: createdFile !== undefined };
  return queue;
}

/**
 * Start-up for src/server.ts: checks the settings, recovers the spool, starts
 * delivery and prints where mail goes. On a fault it prints why and exits
 * with code 1, before the site answers anyone.
 */
export async function startQueue(print: (line: string) => void = console.log): Promise<MailQueue> {
  let queue: MailQueue;
  try {
    queue = getQueue();
    await queue.ready;
  } catch (error) {
    const reason = error instanceof QueueConfigError ? error.message : `${(error as Error).message}`;
    console.error(`The mail queue cannot start:\n${reason}`);
    process.exit(1);
  }
  const { config } = queue;
  const state = slot[SLOT];
  const relative = (p: string): string => {
    const r = path.relative(process.cwd(), p);
    return r && !r.startsWith('..') ? r : p;
  };
  if (state?.keyCreated && state.keyFile) {
    print(
      `Mail queue: created a development key ${relative(state.keyFile)} (owner-only). Set SPOOL_KEY in production.`,
    );
  } else if (state?.keyFile) {
    print(`Mail queue: using the development key ${relative(state.keyFile)}.`);
  }
  const health = queue.health();
  print(
    `Mail queue: ${relative(path.join(config.dataDir, 'queue'))} (${health.queued} waiting, ${health.parked} parked)`,
  );
  print(`Mail goes to: ${queue.deliverer.description}`);
  if (config.production && !config.smtpUrl) {
    print('Mail queue: warning: NODE_ENV=production but no SMTP_URL, so mail only reaches the mailbox folder.');
  }
  return queue;
}

/** Stops the process-wide queue (tests, graceful shutdown). */
export async function stopQueue(): Promise<void> {
  const state = slot[SLOT];
  delete slot[SLOT];
  await state?.queue.stop();
}
