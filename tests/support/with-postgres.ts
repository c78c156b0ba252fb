/**
 * `node tests/support/with-postgres.ts <command> [args…]`: runs the command
 * with a throwaway PostgreSQL cluster (tests/support/postgres.ts) and its URL
 * in TEST_DATABASE_URL, then stops and removes the cluster, whatever the
 * command's outcome. `npm test` and `.ci/run` run every test this way, so the
 * queue suites run against both drivers and nothing is skipped.
 *
 * With TEST_DATABASE_URL already set, that database server is used as it is.
 * Where no cluster can be made (no server binaries), the PostgreSQL tests are
 * skipped with the reason, except on CI, where that is a failure.
 */
import { spawn } from 'node:child_process';
import { clusterAvailable, startCluster, type Cluster } from './postgres.ts';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node tests/support/with-postgres.ts <command> [args…]');
  process.exit(2);
}

let cluster: Cluster | undefined;
let child: ReturnType<typeof spawn> | undefined;
let stopping = false;
// Registered first: a signal while the cluster starts must still end with the cluster removed.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopping = true;
    child?.kill('SIGTERM');
  });
}

const env = { ...process.env };
if (!env['TEST_DATABASE_URL']) {
  const available = clusterAvailable();
  if (available.ok) {
    cluster = await startCluster();
    env['TEST_DATABASE_URL'] = cluster.url;
    console.log(`with-postgres: a throwaway PostgreSQL cluster on 127.0.0.1:${cluster.port} for the tests`);
  } else if (env['CI']) {
    console.error(`with-postgres: ${available.reason}; on CI the PostgreSQL tests must run.`);
    process.exit(1);
  } else {
    console.warn(`with-postgres: ${available.reason}; the PostgreSQL tests will be skipped.`);
  }
}

let code = 1;
if (!stopping) {
  const running = spawn(command, args, { env, stdio: 'inherit' });
  child = running;
  code = await new Promise<number>((resolve) =>
    running.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))),
  );
}
await cluster?.destroy();
process.exit(code);
