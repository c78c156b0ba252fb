/**
 * One queue suite, two drivers. `eachDriver` runs a test once with the file
 * spool and once with PostgreSQL (a fresh database on the cluster in
 * TEST_DATABASE_URL, which `npm test` starts). Each run gets a queue on a
 * fresh DATA_DIR with tiny retry timings and captured logs, plus a
 * deadline-bound wait (polling, never a fixed sleep).
 */
import { lstat, mkdtemp, readdir, readFile, readlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { test, type TestContext } from 'node:test';
import pg from 'pg';
import pino from 'pino';
import type { Channel } from '../../../src/channels/channel.ts';
import type { OutgoingMessage } from '../../../src/channels/mail/index.ts';
import { createChannels } from '../../../src/delivery/channels.ts';
import { createQueue, openQueueOperations, type Queue } from '../../../src/queue/index.ts';
import { readSettings, type Settings } from '../../../src/settings.ts';
import { freshDatabase } from '../../support/postgres.ts';

export const TEAM = 'dsr-team@example.nhs.uk';
const FROM = 'DSR portal <no-reply@dsr.example.nhs.uk>';

/** Strings that stand for personal data: they must reach the mailbox and nowhere else. */
export const MARKERS = {
  name: 'Zebedee-Quillfeather',
  health: 'marker-asthma-7731',
  address: 'referrer.marker@example.org',
};

export function sampleMessage(reference: string, extra: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    subject: `Callback request ${reference} – Essex, Southend`,
    text: `Name: ${MARKERS.name}\nWhat support: ${MARKERS.health}\nReply by: 3 December 2026\n`,
    html: `<p>Name: ${MARKERS.name}</p><p>What support: ${MARKERS.health}</p>`,
    replyTo: MARKERS.address,
    ...extra,
  };
}

let tokens = 0;
export const newToken = (): string => `token-${process.pid}-${Date.now()}-${(tokens += 1)}-abcdef`;

type DriverName = 'file spool' | 'PostgreSQL';

/** The cluster `npm test` starts (tests/support/with-postgres.ts). */
export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'];
const NO_DATABASE = 'no PostgreSQL for tests: run them with `npm test`, or set TEST_DATABASE_URL';
if (!TEST_DATABASE_URL && process.env['CI']) throw new Error(`${NO_DATABASE} (on CI it must be there)`);

interface Driver {
  name: DriverName;
  postgres: boolean;
  /** Settings that select this driver: QUEUE_URL of a fresh database for PostgreSQL. */
  env: Record<string, string>;
}

/** Runs `body` as one test per driver; without a database the PostgreSQL run is skipped, saying why. */
export function eachDriver(name: string, body: (t: TestContext, driver: Driver) => Promise<void>): void {
  test(`${name} [file spool]`, (t) => body(t, { name: 'file spool', postgres: false, env: {} }));
  test(`${name} [PostgreSQL]`, { skip: TEST_DATABASE_URL ? false : NO_DATABASE }, async (t) => {
    const url = await freshDatabase(TEST_DATABASE_URL!);
    await body(t, { name: 'PostgreSQL', postgres: true, env: { QUEUE_URL: url } });
  });
}

export async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'dsr-queue-'));
}

/** Timings small enough for tests (PostgreSQL retries in whole seconds: 1–2 s here). */
export function testEnv(dataDir: string, env: Record<string, string> = {}): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    MAIL_TO: TEAM,
    MAIL_FROM: FROM,
    QUEUE_MIN_BACKOFF: '0.05',
    QUEUE_MAX_BACKOFF: '0.2',
    SMTP_TIMEOUT: '0.5',
    QUEUE_SCAN_INTERVAL: '0.1',
    QUEUE_POLL_INTERVAL: '0.1',
    ...env,
  };
}

export interface Harness {
  queue: Queue;
  settings: Settings;
  dataDir: string;
  logs: string[];
  restart(env?: Record<string, string>): Promise<Queue>;
}

interface HarnessOptions {
  /** Channels besides those the site registers (mail). */
  extraChannels?: (settings: Settings) => Channel[];
}

export async function startQueueForTest(
  t: TestContext,
  env: Record<string, string> = {},
  dataDir?: string,
  options: HarnessOptions = {},
): Promise<Harness> {
  const dir = dataDir ?? (await tempDir());
  const logs: string[] = [];
  const logger = pino(
    { level: 'debug' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    }),
  );
  const make = async (overrides: Record<string, string>): Promise<Queue> => {
    const settings = readSettings(testEnv(dir, overrides));
    harness.settings = settings;
    const channels = [...createChannels(settings), ...(options.extraChannels?.(settings) ?? [])];
    const queue = createQueue(settings.queue, { channels, logger });
    t.after(() => queue.stop());
    await queue.ready;
    return queue;
  };
  const harness = { dataDir: dir, logs } as Harness;
  harness.queue = await make(env);
  harness.restart = async (next = env) => {
    await harness.queue.stop();
    harness.queue = await make(next);
    return harness.queue;
  };
  return harness;
}

/** Polls until `check` returns a truthy value; fails after the deadline. */
type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>;

export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 20_000): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as Truthy<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** How many messages are queued (waiting or retrying) now. */
export async function queued(queue: Queue): Promise<number | null> {
  return (await queue.health()).queued;
}

/** Every file under `dir`, with its bytes (a symlink's bytes are its target). */
async function allFiles(dir: string): Promise<{ where: string; bytes: Buffer }[]> {
  const out: { where: string; bytes: Buffer }[] = [];
  for (const name of await readdir(dir, { recursive: true }).catch(() => [])) {
    const file = path.join(dir, name);
    const info = await lstat(file);
    if (info.isFile()) out.push({ where: file, bytes: await readFile(file) });
    if (info.isSymbolicLink()) out.push({ where: file, bytes: Buffer.from(await readlink(file)) });
  }
  return out;
}

/** Every row of every table the PostgreSQL queue uses (ours and pg-boss's), each value as bytes. */
async function allRows(url: string): Promise<{ where: string; bytes: Buffer }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_schema IN ('dsr_queue', 'dsr_jobs') AND table_type = 'BASE TABLE'`,
    );
    const out: { where: string; bytes: Buffer }[] = [];
    for (const { schema, name } of tables) {
      const { rows } = await client.query(`SELECT * FROM "${schema}"."${name}"`);
      for (const row of rows)
        for (const [column, value] of Object.entries(row as Record<string, unknown>)) {
          if (value === null || value === undefined) continue;
          const bytes = Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value));
          out.push({ where: `${schema}.${name}.${column}`, bytes });
        }
    }
    return out;
  } finally {
    await client.end();
  }
}

/** Everything the queue keeps at rest: DATA_DIR's files, and with PostgreSQL every row. */
export async function everythingStored(harness: Harness): Promise<{ where: string; bytes: Buffer }[]> {
  const files = await allFiles(harness.dataDir);
  const url = harness.settings.queue.url;
  return url ? [...files, ...(await allRows(url))] : files;
}

/** A sealed message starts with these bytes, in a file or a row. */
export const SEALED_MAGIC = Buffer.from('DSRQ1\n');

/** The ledger's lines, oldest first, from either driver. */
export async function ledger(harness: Harness): Promise<Record<string, unknown>[]> {
  const url = harness.settings.queue.url;
  if (!url) {
    const text = (await allFiles(path.join(harness.dataDir, 'ledger'))).map((f) => f.bytes.toString('utf8')).join('');
    return text
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT reference, outcome, accepted_at AS "acceptedAt", at, attempts, code FROM dsr_queue.ledger ORDER BY id`,
    );
    return rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

/** References by state, as `npm run queue -- list` sees them. */
export async function listed(harness: Harness): Promise<{ queued: string[]; parked: string[]; corrupt: number }> {
  const operations = await openQueueOperations(harness.settings.queue);
  try {
    const { messages, corrupt } = await operations.list();
    const of = (state: string) =>
      messages
        .filter((m) => m.state === state)
        .map((m) => m.reference)
        .sort();
    return { queued: of('queued'), parked: of('parked'), corrupt };
  } finally {
    await operations.close();
  }
}

export const listDir = async (dir: string): Promise<string[]> => readdir(dir).catch(() => []);

export function containsAnyMarker(text: string): string | undefined {
  return Object.values(MARKERS).find((marker) => text.includes(marker));
}
