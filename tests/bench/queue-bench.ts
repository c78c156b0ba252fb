/**
 * Queue benchmark (a script, not a test): accepted-and-durable submissions
 * per second, acceptance latency (p50/p99) and memory, for both drivers side
 * by side, with the relay up (a real SMTP server in another process) and down
 * (the queue grows to BENCH_COUNT). Memory is shown twice: peak RSS, and the
 * heap after a forced GC with 1,000 and with BENCH_COUNT queued (what the
 * queue really keeps per message).
 *
 *   npm run bench:queue            BENCH_COUNT=10000 by default
 *
 * "max" scenarios keep BENCH_CONCURRENCY accepts in flight (the most the disk
 * or database allows); "500/s" scenarios submit at a fixed rate, as visitors
 * would, and time each one from when it was due (no coordinated omission).
 * PostgreSQL: BENCH_DATABASE_URL, or else a throwaway cluster started here
 * (tests/support/postgres.ts; as root it runs as the postgres user).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createChannels } from '../../src/delivery/channels.ts';
import { createQueue, type Queue } from '../../src/queue/index.ts';
import { readSettings } from '../../src/settings.ts';
import { freshDatabase, startCluster, type Cluster } from '../support/postgres.ts';

const COUNT = Number(process.env['BENCH_COUNT'] ?? 10_000);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 64);
const RATE = Number(process.env['BENCH_RATE'] ?? 500);

const answers = Array.from(
  { length: 12 },
  (_, i) => `Question ${i + 1}: an answer of a realistic length, a sentence or two typed by a referrer.`,
);
const message = (reference: string) => ({
  subject: `Callback request ${reference} – Essex, Southend`,
  text: `${answers.join('\n')}\nReply by: 3 December 2026\n`.repeat(4),
  html: `<table>${answers.map((a) => `<tr><td>${a}</td></tr>`).join('')}</table>`.repeat(4),
  replyTo: 'referrer@example.org',
});

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startRelay(): Promise<{ url: string; stop: () => Promise<number> }> {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'queue-relay.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const deadline = Date.now() + 10_000;
  while (!/PORT (\d+)/.test(out)) {
    if (Date.now() > deadline) throw new Error('the relay did not start');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const port = /PORT (\d+)/.exec(out)![1];
  return {
    url: `smtp://127.0.0.1:${port}`,
    stop: async () => {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      return Number(/RECEIVED (\d+)/.exec(out)?.[1] ?? 0);
    },
  };
}

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

interface Result {
  driver: string;
  scenario: string;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  peakRssMb: number;
  heap: string;
  queuedAtEnd: number | null;
}

type Driver = 'file spool' | 'PostgreSQL';

async function scenario(driver: Driver, name: string, smtpUrl: string, mode: 'max' | 'rate'): Promise<Result> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'dsr-queue-bench-'));
  cleanup.push(dataDir);
  const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: true }));
  const settings = readSettings({
    DATA_DIR: dataDir,
    SMTP_URL: smtpUrl,
    MAIL_TO: 'dsr-team@example.nhs.uk',
    QUEUE_MIN_BACKOFF: '300',
    ...(driver === 'PostgreSQL' ? { QUEUE_URL: await freshDatabase(await databaseServer()) } : {}),
  });
  const queue: Queue = createQueue(settings.queue, { channels: createChannels(settings), logger });
  await queue.ready;

  let peakRss = process.memoryUsage().rss;
  const heap: string[] = [];
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const latencies: number[] = [];
  let done = 0;
  const one = async (i: number, due: number) => {
    await queue.accept({ token: `bench-${name}-${i}-${'x'.repeat(24)}`, build: message });
    latencies.push(performance.now() - due);
    done += 1;
    if (done === 1000 || done === COUNT) {
      // Retained memory: collect garbage first (the script runs with --expose-gc).
      (globalThis as { gc?: () => void }).gc?.();
      heap.push((process.memoryUsage().heapUsed / 2 ** 20).toFixed(1));
    }
  };

  const start = performance.now();
  if (mode === 'max') {
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < COUNT) {
          const i = next++;
          await one(i, performance.now());
        }
      }),
    );
  } else {
    const interval = 1000 / RATE;
    let i = 0;
    let failed: unknown;
    while (i < COUNT) {
      const now = performance.now();
      while (i < COUNT && start + i * interval <= now) {
        one(i, start + i * interval).catch((error: unknown) => (failed = error));
        i += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    while (done < COUNT && !failed) await new Promise((resolve) => setTimeout(resolve, 1));
    if (failed) throw failed;
  }
  const elapsed = (performance.now() - start) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const queuedAtEnd = (await queue.health()).queued;
  await queue.stop();
  latencies.sort((a, b) => a - b);
  return {
    driver,
    scenario: name,
    perSecond: Math.round(COUNT / elapsed),
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    max: latencies.at(-1) ?? NaN,
    peakRssMb: Math.round(peakRss / 2 ** 20),
    heap: heap.join(' / '),
    queuedAtEnd,
  };
}

let cluster: Cluster | undefined;
async function databaseServer(): Promise<string> {
  const given = process.env['BENCH_DATABASE_URL'];
  if (given) return given;
  cluster ??= await startCluster();
  return cluster.url;
}

const results: Result[] = [];
const cleanup: string[] = [];
const load = () => os.loadavg()[0]!.toFixed(1);
const loadBefore = load();
const down = `smtp://127.0.0.1:${await closedPort()}`;
/** BENCH_ONLY, like "down,rate,PostgreSQL", runs only the scenarios with every one of those parts. */
const only = process.env['BENCH_ONLY']?.split(',') ?? [];
const wanted = (...parts: string[]) => only.every((part) => parts.includes(part));
try {
  for (const mode of ['rate', 'max'] as const) {
    const label = mode === 'max' ? `${CONCURRENCY} in flight` : `${RATE}/s offered`;
    for (const relay of ['up', 'down'] as const) {
      for (const driver of ['file spool', 'PostgreSQL'] as const) {
        if (!wanted(relay, mode, driver)) continue;
        const name = `relay ${relay}, ${label}`;
        if (relay === 'up') {
          const smtp = await startRelay();
          const result = await scenario(driver, name, smtp.url, mode);
          result.scenario += ` [${await smtp.stop()} delivered]`;
          results.push(result);
        } else results.push(await scenario(driver, name, down, mode));
      }
    }
  }
} finally {
  await cluster?.destroy();
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
}

const rows = [
  ['scenario', 'queue', 'accepted/s', 'p50 ms', 'p99 ms', 'max ms', 'peak RSS MB', 'heap MB at 1k / end', 'queued'],
  ...results.map((r) => [
    r.scenario,
    r.driver,
    String(r.perSecond),
    r.p50.toFixed(1),
    r.p99.toFixed(1),
    r.max.toFixed(1),
    String(r.peakRssMb),
    r.heap,
    String(r.queuedAtEnd),
  ]),
];
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
console.log(
  `Queue benchmark: ${COUNT} submissions per scenario, Node ${process.version}, ${os.cpus().length} CPUs, ` +
    `load average ${loadBefore} before / ${load()} after (other work on the machine skews the latency figures)`,
);
for (const row of rows) console.log(`| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`);
