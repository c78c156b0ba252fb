/**
 * The submit service: the one way the site hands a message over for delivery.
 * Server-only.
 *
 * - A form: `const { reference } = await acceptForDelivery({ token, build: (reference) => message })`.
 *   It resolves only once the message is durable, so only then may the person
 *   be told "sent". It throws when the message could not be made durable (the
 *   disk or the database failed): nothing was sent, say so. The same token
 *   again gives the same reference and sends nothing more.
 * - src/server.ts: `startDelivery()` before listening; on SIGTERM
 *   `stopDelivering(by)`, then `closeDelivery()` once requests are done.
 * - /healthz: `deliveryHealth()`.
 *
 * The queue (file spool or PostgreSQL) and the channels come from the
 * settings. This module is loaded twice in production (by src/server.ts, and
 * bundled into Astro's dist/), so the one queue lives on globalThis.
 */
import path from 'node:path';
import type { OutgoingMessage } from '../channels/mail/index.ts';
import { createQueue, type Accepted, type AcceptRequest, type Queue, type QueueHealth } from '../queue/index.ts';
import { resolveSpoolKey, type ResolvedKey } from '../queue/key.ts';
import { createLogger } from '../queue/log.ts';
import { settings, SettingsError } from '../settings.ts';
import { createChannels } from './channels.ts';

export type { Accepted, AcceptRequest };
export type { OutgoingMessage };

/** What a form calls to send its message (by mail, the default channel). */
export type Accept = (request: AcceptRequest<OutgoingMessage>) => Promise<Accepted>;

const SLOT = Symbol.for('dsr.delivery');
type Slot = { [SLOT]?: { queue: Queue; key: ResolvedKey } };
const slot = globalThis as Slot;

/** The process-wide queue, made on first use from the settings. Throws SettingsError. */
function service(): { queue: Queue; key: ResolvedKey } {
  const existing = slot[SLOT];
  if (existing) return existing;
  const all = settings();
  const key = resolveSpoolKey(all.queue);
  const logger = createLogger();
  if (key.createdFile)
    logger.warn({ keyFile: key.createdFile }, 'created a development spool key; set SPOOL_KEY in production');
  const queue = createQueue(all.queue, { channels: createChannels(all), key: key.key, logger });
  return (slot[SLOT] = { queue, key });
}

/** Accepts a message for delivery: resolves with its reference once it is durable. */
export const acceptForDelivery: Accept = (request) => service().queue.accept(request);

/** The reference a submission token was given, if the queue still knows it. */
export const referenceForToken = (token: string): Promise<string | undefined> => service().queue.referenceFor(token);

export async function deliveryHealth(): Promise<QueueHealth> {
  return service().queue.health();
}

/**
 * Start-up: checks the settings, recovers the queue, starts delivering and
 * prints where messages go. On a fault it prints why and exits with code 1,
 * before the site answers anyone. A database that cannot be reached yet is
 * not a fault: posts are refused (never acknowledged) until it can.
 */
export async function startDelivery(print: (line: string) => void = console.log): Promise<void> {
  let queue: Queue;
  let key: ResolvedKey;
  try {
    ({ queue, key } = service());
    await queue.ready;
  } catch (error) {
    const reason = error instanceof SettingsError ? error.message : (error as Error).message;
    console.error(`The mail queue cannot start:\n${reason}`);
    process.exit(1);
  }
  const relative = (p: string): string => {
    const r = path.relative(process.cwd(), p);
    return r && !r.startsWith('..') ? r : p;
  };
  if (key.createdFile) {
    print(
      `Mail queue: created a development key ${relative(key.createdFile)} (owner-only). Set SPOOL_KEY in production.`,
    );
  } else if (key.file) {
    print(`Mail queue: using the development key ${relative(key.file)}.`);
  }
  const health = await queue.health();
  const where = queue.driver.description.replace(process.cwd() + path.sep, '');
  print(
    health.accepting
      ? `Mail queue: ${where} (${health.queued} waiting, ${health.parked} parked)`
      : `Mail queue: ${where} cannot be reached yet (${Object.values(health.dependencies)[0]?.code}); ` +
          'posts are refused until it can, and it keeps trying.',
  );
  for (const channel of queue.channels.values()) {
    const name = channel.name.charAt(0).toUpperCase() + channel.name.slice(1);
    print(`${name} goes to: ${channel.description}`);
  }
  if (queue.settings.production && health.delivery.channels['mail'] === 'mailbox') {
    print('Mail queue: warning: NODE_ENV=production but no SMTP_URL, so mail only reaches the mailbox folder.');
  }
}

/** For a rolling restart: no new deliveries; those under way finish or are handed back by `by`. */
export async function stopDelivering(by: number): Promise<void> {
  await slot[SLOT]?.queue.stopDelivering(by);
}

/** Once no request is under way: waits for commits, then closes the queue. */
export async function closeDelivery(): Promise<void> {
  const state = slot[SLOT];
  delete slot[SLOT];
  await state?.queue.stop();
}
