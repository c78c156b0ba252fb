/**
 * Several real servers (`node src/server.ts`, so run `npm run build` first)
 * on one PostgreSQL queue, a real relay, and a flood of form posts.
 *
 * The flood's clients behave like a load balancer in front of the servers:
 * each post goes to the next server; a post whose connection fails before
 * any answer (refused, reset) is sent again, with the same token, to another
 * server. Only a 201 with a reference counts as acknowledged.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { waitFor } from '../queue/helpers/harness.ts';
import { freePort, type Relay } from '../queue/helpers/relay.ts';
import { formArea, ROOT } from '../security/support.ts';

export const FORM_PATH = '/ask-for-a-call';

/** What every instance of one queue shares: the database and the sealing key. */
export function sharedEnv(queueUrl: string, relay: Relay): Record<string, string> {
  return {
    QUEUE_URL: queueUrl,
    SPOOL_KEY: randomBytes(32).toString('base64'),
    SMTP_URL: relay.url,
    MAIL_TO: 'dsr-team@example.nhs.uk',
    MAIL_FROM: 'DSR portal <no-reply@dsr.example.nhs.uk>',
    // Short timings: an attempt is over in 2.5 s, so a dead instance's is retried within about 10 s.
    SMTP_TIMEOUT: '0.5',
    QUEUE_MIN_BACKOFF: '1',
    QUEUE_MAX_BACKOFF: '2',
    QUEUE_POLL_INTERVAL: '0.2',
    RATE_LIMIT_POSTS: '1000000',
    LOG_LEVEL: 'info',
  };
}

export interface Instance {
  name: string;
  origin: string;
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  stop(): Promise<void>;
}

async function startInstance(name: string, env: Record<string, string>): Promise<Instance> {
  if (!existsSync(path.join(ROOT, 'dist/server/entry.mjs')))
    throw new Error('the site is not built: run `npm run build` first');
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), `dsr-instance-${name}-`));
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(NODE_TEST|PUBLIC_ORIGIN|TRUSTED_PROXIES|NODE_ENV)/.test(key)),
  );
  const child = spawn(process.execPath, ['src/server.ts'], {
    cwd: ROOT,
    env: { ...clean, ...env, DSR_AREA: formArea(), PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  for (const stream of [child.stdout!, child.stderr!]) stream.setEncoding('utf8').on('data', (c: string) => (log += c));
  const exited = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
    at: Date.now(),
  }));
  const origin = `http://127.0.0.1:${port}`;
  const instance: Instance = {
    name,
    origin,
    child,
    output: () => log,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 12_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited at start:\n${log}`);
    const ok = await fetch(`${origin}/sitemap.xml`, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return instance;
    if (Date.now() > deadline) {
      await instance.stop();
      throw new Error(`${name} did not start:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Letters only, as a name must be. */
const lettersFor = (seed: number): string => [...String(seed)].map((digit) => 'abcdefghij'[Number(digit)]).join('');

/** Good answers to the callback form, with a name that marks this post. */
export function answers(seed: number): Record<string, string> {
  return {
    name: `Tester Q${lettersFor(seed)}`,
    phone: `07700 900${String(100 + (seed % 800)).padStart(3, '0')}`,
    voicemail: 'yes',
    bestTime: 'any',
    about: 'my-child',
    aboutName: 'Sam',
    notes: 'Please call about the register.',
  };
}

interface Answer {
  instance: string;
  token: string;
  /** When the post was sent and answered, ms since the epoch. */
  sentAt: number;
  answeredAt: number;
  status?: number;
  reference?: string;
  /** A connection that failed before any answer: its code. */
  failed?: string;
}

let seeds = 0;

/** One post, as the form's enhancer sends it (JSON answer). */
export async function post(instance: Instance, token: string, seed = (seeds += 1)): Promise<Answer> {
  const body = new URLSearchParams({ ...answers(seed), token });
  const sentAt = Date.now();
  try {
    const response = await fetch(`${instance.origin}${FORM_PATH}`, {
      method: 'POST',
      headers: {
        Origin: instance.origin,
        Accept: 'application/json',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body,
      signal: AbortSignal.timeout(20_000),
    });
    const reply = (await response.json().catch(() => ({}))) as { reference?: string };
    return {
      instance: instance.name,
      token,
      sentAt,
      answeredAt: Date.now(),
      status: response.status,
      ...(response.status === 201 && reply.reference ? { reference: reply.reference } : {}),
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { instance: instance.name, token, sentAt, answeredAt: Date.now(), failed: cause?.code ?? 'EFETCH' };
  }
}

export const newToken = (): string => randomBytes(18).toString('base64url');

/**
 * Clients posting to the instances in turn until `until()` is true. A post
 * whose connection failed goes to the next instance with the same token.
 * Every answer, retries included, goes into `answers` as it comes.
 */
async function flood(
  instances: Instance[],
  options: { clients: number; until: () => boolean; answers?: Answer[] },
): Promise<Answer[]> {
  const answers = options.answers ?? [];
  let turn = 0;
  await Promise.all(
    Array.from({ length: options.clients }, async () => {
      while (!options.until()) {
        const token = newToken();
        for (let tries = 0; tries < instances.length * 3; tries++) {
          const answer = await post(instances[turn++ % instances.length]!, token);
          answers.push(answer);
          if (!answer.failed) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    }),
  );
  return answers;
}

/** References acknowledged (201), and each token's references: a token must never have two. */
export function acknowledged(answers: Answer[]): { references: Set<string>; byToken: Map<string, Set<string>> } {
  const byToken = new Map<string, Set<string>>();
  for (const answer of answers) {
    if (!answer.reference) continue;
    byToken.set(answer.token, (byToken.get(answer.token) ?? new Set()).add(answer.reference));
  }
  return { references: new Set([...byToken.values()].flatMap((set) => [...set])), byToken };
}

/** Each reference the relay received, with every Message-ID it arrived under. */
export function received(relay: Relay): Map<string, Set<string>> {
  const byReference = new Map<string, Set<string>>();
  for (const { email } of relay.received) {
    const reference = email.headers.find((h) => h.key === 'x-dsr-reference')?.value ?? 'none';
    byReference.set(reference, (byReference.get(reference) ?? new Set()).add(email.messageId ?? 'none'));
  }
  return byReference;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Two instances of one queue, stopped after the test. */
export async function startTwo(t: TestContext, env: Record<string, string>): Promise<[Instance, Instance]> {
  const a = await startInstance('a', env);
  const b = await startInstance('b', env);
  t.after(() => Promise.all([a.stop(), b.stop()]));
  return [a, b];
}

/** A flood (see `flood`) that runs until `stop()`, and stops after the test whatever happens. */
export function startFlood(
  t: TestContext,
  instances: Instance[],
  clients: number,
): { answers: Answer[]; stop: () => Promise<Answer[]> } {
  const answers: Answer[] = [];
  let stopped = false;
  const flooding = flood(instances, { clients, answers, until: () => stopped });
  t.after(() => (stopped = true));
  return {
    answers,
    stop: () => {
      stopped = true;
      return flooding;
    },
  };
}

/** Resolves once each instance has acknowledged `count` posts (under load, the first can take seconds). */
export function eachAcknowledges(answers: Answer[], instances: Instance[], count: number): Promise<unknown> {
  return waitFor(
    `each instance to acknowledge ${count} posts`,
    () => instances.every((instance) => acknowledgedBy(answers, instance.name) >= count),
    60_000,
  );
}

/** How many posts `instance` acknowledged that were sent after `since`. */
export const acknowledgedBy = (answers: Answer[], instance: string, since = 0): number =>
  answers.filter((answer) => answer.instance === instance && answer.reference && answer.sentAt >= since).length;
