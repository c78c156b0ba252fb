/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: `initdb` into a
 * temporary folder, `pg_ctl start` on a free loopback port (never 5432),
 * trust authentication, stopped and removed at the end. As root, the server
 * runs as the `postgres` user (PostgreSQL refuses to run as root).
 *
 * PG_BIN overrides where the server binaries are (default: Debian's
 * PostgreSQL 15, /usr/lib/postgresql/15/bin).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const exec = promisify(execFile);

const PG_BIN = process.env['PG_BIN'] || '/usr/lib/postgresql/15/bin';

export interface Cluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  /** Stops the server as a crash would (`-m immediate`): connections drop at once. */
  halt(): Promise<void>;
  /** Starts it again on the same port, with the same data. */
  resume(): Promise<void>;
  /** Stops the server and deletes its folder. */
  destroy(): Promise<void>;
}

/** Whether a throwaway cluster can be made here: the binaries exist, and as root a `postgres` user does. */
export function clusterAvailable(): { ok: true } | { ok: false; reason: string } {
  if (!existsSync(path.join(PG_BIN, 'initdb')))
    return { ok: false, reason: `no PostgreSQL server binaries in ${PG_BIN} (set PG_BIN)` };
  return { ok: true };
}

/** A loopback port nothing listens on now, never PostgreSQL's own 5432. */
async function freePort(): Promise<number> {
  for (;;) {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    await new Promise((resolve) => server.close(resolve));
    if (address && typeof address === 'object' && address.port !== 5432) return address.port;
  }
}

async function asPostgres(command: string, args: string[]): Promise<void> {
  const binary = path.join(PG_BIN, command);
  if (process.getuid?.() !== 0) {
    await exec(binary, args);
    return;
  }
  const quoted = [binary, ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
  await exec('su', ['postgres', '-s', '/bin/sh', '-c', quoted]);
}

export async function startCluster(): Promise<Cluster> {
  const available = clusterAvailable();
  if (!available.ok) throw new Error(`Cannot start a throwaway PostgreSQL: ${available.reason}`);
  const dir = await mkdtemp(path.join(tmpdir(), 'dsr-pg-'));
  if (process.getuid?.() === 0) {
    const { stdout } = await exec('id', ['-u', 'postgres']);
    const { stdout: group } = await exec('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(group.trim()));
  }
  await chmod(dir, 0o700);
  const data = path.join(dir, 'data');
  await asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=400',
    // Many short-lived test databases: keep their creation quick.
    '-c checkpoint_timeout=30min',
  ].join(' ');
  const ctl = (action: string[]) => asPostgres('pg_ctl', ['-D', data, '-l', path.join(dir, 'pg.log'), ...action]);
  const start = () => ctl(['-o', options, '-w', '-t', '60', 'start']);
  let running = false;
  await start();
  running = true;
  const halt = async () => {
    if (!running) return;
    running = false;
    await ctl(['-m', 'immediate', '-w', 'stop']);
  };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    halt,
    async resume() {
      if (running) return;
      await start();
      running = true;
    },
    async destroy() {
      await halt().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A new, empty database on the cluster at `serverUrl`; its URL. Each test gets its own. */
export async function freshDatabase(serverUrl: string): Promise<string> {
  const name = `dsr_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
