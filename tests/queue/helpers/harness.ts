/**
 * A queue on a fresh DATA_DIR with tiny retry timings and captured logs,
 * plus a deadline-bound wait (polling, never a fixed sleep).
 */
import { lstat, mkdtemp, readdir, readFile, readlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { TestContext } from 'node:test';
import pino from 'pino';
import { createQueue, loadConfig } from '../../../src/queue/index.ts';
import type { MailQueue, OutgoingMessage } from '../../../src/queue/index.ts';

export const TEAM = 'dsr-team@example.nhs.uk';
export const FROM = 'DSR portal <no-reply@dsr.example.nhs.uk>';

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

export interface Harness {
  queue: MailQueue;
  dataDir: string;
  logs: string[];
  restart(env?: Record<string, string>): Promise<MailQueue>;
}

export async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'dsr-queue-'));
}

export function testEnv(dataDir: string, env: Record<string, string> = {}): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    MAIL_TO: TEAM,
    MAIL_FROM: FROM,
    QUEUE_MIN_BACKOFF: '0.05',
    QUEUE_MAX_BACKOFF: '0.2',
    SMTP_TIMEOUT: '0.5',
    QUEUE_SCAN_INTERVAL: '0.1',
    ...env,
  };
}

export async function startQueueForTest(
  t: TestContext,
  env: Record<string, string> = {},
  dataDir?: string,
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
  const make = async (overrides: Record<string, string>): Promise<MailQueue> => {
    const queue = createQueue(loadConfig(testEnv(dir, overrides)), { logger });
    t.after(() => queue.stop());
    await queue.ready;
    return queue;
  };
  const harness: Harness = {
    queue: await make(env),
    dataDir: dir,
    logs,
    async restart(next = env) {
      await harness.queue.stop();
      harness.queue = await make(next);
      return harness.queue;
    },
  };
  return harness;
}

/** Polls until `check` returns a truthy value; fails after the deadline. */
type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>;

export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 15_000): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as Truthy<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Every file under `dir`, with its bytes (a symlink's bytes are its target). */
export async function allFiles(dir: string): Promise<{ file: string; bytes: Buffer }[]> {
  const out: { file: string; bytes: Buffer }[] = [];
  for (const name of await readdir(dir, { recursive: true })) {
    const file = path.join(dir, name);
    const info = await lstat(file);
    if (info.isFile()) out.push({ file, bytes: await readFile(file) });
    if (info.isSymbolicLink()) out.push({ file, bytes: Buffer.from(await readlink(file)) });
  }
  return out;
}

export const listDir = async (dir: string): Promise<string[]> => readdir(dir).catch(() => []);

export function containsAnyMarker(text: string): string | undefined {
  return Object.values(MARKERS).find((marker) => text.includes(marker));
}
