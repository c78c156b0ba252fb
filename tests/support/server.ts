/**
 * Start the built production server (`node src/server.ts`) for one area, on
 * its own port with its own temporary DATA_DIR, and stop it again.
 * It builds nothing: run `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './areas.ts';

export interface RunningServer {
  area: string;
  /** For example http://127.0.0.1:4510 */
  origin: string;
  dataDir: string;
  /** Everything the server printed so far. */
  output(): string;
  /** Settles when the server process ends, for whatever reason. */
  exited: Promise<unknown>;
  stop(): Promise<void>;
}

interface StartOptions {
  /** A free port is chosen when not given. */
  port?: number;
  /** Extra environment, for example { DSR_FAKE_NOW: '2026-05-25T09:00:00Z' }. */
  env?: Record<string, string>;
  /** Copy the server's output to this process's stderr. */
  echo?: boolean;
  /** How long the server may take to answer, in ms. */
  timeoutMs?: number;
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (!address || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}

export async function startAreaServer(area: string, options: StartOptions = {}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = await mkdtemp(path.join(tmpdir(), `dsr-test-${area}-`));
  const child = spawn(process.execPath, ['src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...options.env, DSR_AREA: area, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      log += chunk;
      if (options.echo) process.stderr.write(chunk);
    });
  }
  const exited = once(child, 'exit');

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitUntilAnswering(`${origin}/sitemap.xml`, exited, options.timeoutMs ?? 60_000);
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`The ${area} server did not start: ${reason}\n--- server output ---\n${log}`, { cause: error });
  }
  return { area, origin, dataDir, output: () => log, exited, stop };
}

/** Poll `url` until it answers 200; fail at once if the server exits. */
async function waitUntilAnswering(url: string, exited: Promise<unknown>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void exited.then(() => (gone = true));
  let last = '';
  while (Date.now() < deadline) {
    if (gone) throw new Error('the server process exited');
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms (last: ${last})`);
}

/** Start the area's server, run `work` against it, and always stop it. */
export async function withAreaServer<T>(
  area: string,
  work: (server: RunningServer) => Promise<T>,
  options: StartOptions = {},
): Promise<T> {
  const server = await startAreaServer(area, options);
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}
