/**
 * Rolling restarts. On SIGTERM (or SIGINT) the server:
 * 1. stops accepting connections, and /healthz answers 503 so a load
 *    balancer stops sending work;
 * 2. finishes the requests under way, their commits included: no post that
 *    was acknowledged is cut off mid-answer. Each answer from now on closes
 *    its connection; connections left idle are closed after a short grace,
 *    so a client about to reuse one gets its answer instead of a reset;
 * 3. meanwhile stops delivering: deliveries under way finish or are handed
 *    back to the queue;
 * 4. logs that it stopped and why, and exits within STOP_WITHIN_MS.
 */
import type http from 'node:http';
import net from 'node:net';
import pino from 'pino';
import { logLevel } from '../settings.ts';

const STOP_WITHIN_MS = 10_000;
/** Requests still running this long after the signal are cut, to leave time to close the queue. */
const REQUESTS_WITHIN_MS = 7_000;
/** How long an idle connection may still bring one more request. */
const IDLE_GRACE_MS = 1_000;

interface Stoppable {
  /** No new deliveries; those under way finish or are handed back by `by` (ms since the epoch). */
  stopDelivering(by: number): Promise<void>;
  /** After the last request: wait for commits, close the queue. */
  closeDelivery(): Promise<void>;
}

const log = pino({ level: logLevel(), base: { component: 'server' } });

/** Responses not yet finished, so those still to send their headers can say `Connection: close`. */
const open = new Set<http.ServerResponse>();
let stopping = false;

/** Call first in the request handler. */
export function trackResponse(res: http.ServerResponse): void {
  if (stopping) res.setHeader('Connection', 'close');
  open.add(res);
  res.on('close', () => open.delete(res));
}

export function stopGracefullyOn(server: http.Server, delivery: Stoppable): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void stop(server, delivery, signal));
  }
}

async function stop(server: http.Server, delivery: Stoppable, reason: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  const started = Date.now();
  log.info({ reason }, 'stopping: no new connections; finishing requests and deliveries under way');
  const force = setTimeout(() => {
    log.error({ reason, ms: Date.now() - started }, 'stopped: could not finish in time');
    process.exit(1);
  }, STOP_WITHIN_MS - 200);
  force.unref();

  const delivering = delivery
    .stopDelivering(started + REQUESTS_WITHIN_MS)
    .catch((error: unknown) => log.error({ code: (error as { code?: unknown }).code }, 'stopping delivery failed'));
  const cut = await drain(server, started + REQUESTS_WITHIN_MS);
  await delivering;
  await delivery
    .closeDelivery()
    .catch((error: unknown) => log.error({ code: (error as { code?: unknown }).code }, 'closing the queue failed'));
  log.info({ reason, ms: Date.now() - started, requestsCut: cut }, 'stopped');
  process.exit(0);
}

/** Resolves when every connection has closed, or at `by`; with how many requests were still running then. */
async function drain(server: http.Server, by: number): Promise<number> {
  // net.Server's close stops listening and keeps open connections; http.Server's would also drop idle
  // keep-alive connections at once, resetting a request a client is sending on one at that moment.
  const closed = new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
  for (const res of open) if (!res.headersSent) res.setHeader('Connection', 'close');
  let sweeping: NodeJS.Timeout | undefined;
  const grace = setTimeout(() => {
    sweeping = setInterval(() => server.closeIdleConnections(), 100);
  }, IDLE_GRACE_MS);
  const late = new Promise<'late'>((resolve) =>
    setTimeout(() => resolve('late'), Math.max(0, by - Date.now())).unref(),
  );
  const outcome = await Promise.race([closed, late]);
  clearTimeout(grace);
  clearInterval(sweeping);
  if (outcome !== 'late') return 0;
  const running = open.size;
  server.closeAllConnections();
  return running;
}
