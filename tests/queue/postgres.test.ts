/**
 * What only the shared queue does: several instances (here two queues in one
 * process, each with its own pool) on one database, and pg-boss's settings
 * as the database holds them.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { DEAD_LETTER_QUEUE, DELIVERY_QUEUE, JOBS_SCHEMA } from '../../src/queue/postgres/jobs.ts';
import { freshDatabase } from '../support/postgres.ts';
import { newToken, queued, sampleMessage, startQueueForTest, TEST_DATABASE_URL, waitFor } from './helpers/harness.ts';
import { freePort, startRelay, type Relay } from './helpers/relay.ts';

const skip = TEST_DATABASE_URL ? false : 'no PostgreSQL for tests: run them with `npm test`, or set TEST_DATABASE_URL';

/** Instances sharing a queue share its key. */
const SPOOL_KEY = randomBytes(32).toString('base64');

function messageIds(relay: Relay): Map<string, string[]> {
  const byReference = new Map<string, string[]>();
  for (const { email } of relay.received) {
    const reference = /^<(DSR-[^@]+)@/.exec(email.messageId ?? '')![1]!;
    byReference.set(reference, [...(byReference.get(reference) ?? []), email.messageId!]);
  }
  return byReference;
}

test('the same token at two instances at once: one reference, one message', { skip }, async (t) => {
  const relay = await startRelay();
  t.after(() => relay.close());
  const env = { QUEUE_URL: await freshDatabase(TEST_DATABASE_URL!), SMTP_URL: relay.url, SPOOL_KEY };
  const a = await startQueueForTest(t, env);
  const b = await startQueueForTest(t, env);
  for (let round = 0; round < 10; round++) {
    const token = newToken();
    const [first, second] = await Promise.all([
      a.queue.accept({ token, build: (ref) => sampleMessage(ref) }),
      b.queue.accept({ token, build: (ref) => sampleMessage(ref) }),
    ]);
    assert.equal(first.reference, second.reference);
  }
  await waitFor('ten messages', () => relay.received.length >= 10);
  await waitFor('an empty queue', async () => (await queued(a.queue)) === 0);
  assert.equal(relay.received.length, 10);
  assert.equal(messageIds(relay).size, 10);
});

test('any instance delivers any message: one stops, the other delivers what it accepted', { skip }, async (t) => {
  const port = await freePort();
  const env = {
    QUEUE_URL: await freshDatabase(TEST_DATABASE_URL!),
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    SPOOL_KEY,
  };
  const a = await startQueueForTest(t, env);
  const b = await startQueueForTest(t, env);
  const references = await Promise.all(
    Array.from(
      { length: 20 },
      async () => (await a.queue.accept({ token: newToken(), build: sampleMessage })).reference,
    ),
  );
  await waitFor('a failed attempt', () => a.logs.some((line) => line.includes('delivery deferred')));
  await a.queue.stopDelivering(Date.now() + 2000);
  const relay = await startRelay({}, port);
  t.after(() => relay.close());
  await waitFor('every message', () => relay.received.length >= references.length, 30_000);
  await waitFor('an empty queue', async () => (await queued(b.queue)) === 0);
  const ids = messageIds(relay);
  assert.deepEqual([...ids.keys()].sort(), [...references].sort());
  for (const [reference, sent] of ids) assert.equal(new Set(sent).size, 1, reference);
  assert.ok(b.logs.filter((line) => line.includes('message delivered')).length >= references.length - 2);
});

test("pg-boss's retention, expiry and retries are set explicitly in the database", { skip }, async (t) => {
  const url = await freshDatabase(TEST_DATABASE_URL!);
  await startQueueForTest(t, { QUEUE_URL: url, SMTP_TIMEOUT: '15' });
  const boss = new PgBoss({ connectionString: url, schema: JOBS_SCHEMA, supervise: false, schedule: false });
  boss.on('error', () => {});
  await boss.start();
  t.after(() => boss.stop({ graceful: false }));
  const delivery = await boss.getQueue(DELIVERY_QUEUE);
  const deadLetters = await boss.getQueue(DEAD_LETTER_QUEUE);
  assert.ok(delivery && deadLetters);
  const lifetime = 5 * 86_400;
  // The test settings: 0.05 s doubling to 0.2 s, which pg-boss counts as whole seconds.
  assert.deepEqual([delivery.retryBackoff, delivery.retryDelay, delivery.retryDelayMax], [true, 1, 1]);
  assert.ok(delivery.retentionSeconds! > lifetime, 'a waiting or retrying job outlives its lifetime');
  assert.ok(delivery.expireInSeconds! >= 2 * 15 * 5, 'an attempt is never expired while SMTP may still answer');
  assert.ok(delivery.retryLimit! * delivery.retryDelay! >= lifetime, 'retries cover the lifetime');
  assert.equal(delivery.deadLetter, DEAD_LETTER_QUEUE);
  assert.equal(delivery.deleteAfterSeconds, 86_400);
  assert.equal(deadLetters.retentionSeconds, delivery.retentionSeconds);
});

/** The README's two ways to set up the database, run as written (with a test password). */
const SETUPS = {
  'the portal makes its schemas': (db: string, role: string) => [`GRANT CONNECT, CREATE ON DATABASE ${db} TO ${role}`],
  'an administrator makes the schemas': (db: string, role: string) => [
    `GRANT CONNECT ON DATABASE ${db} TO ${role}`,
    `\\c ${db}`,
    `CREATE SCHEMA dsr_queue AUTHORIZATION ${role}`,
    `CREATE SCHEMA dsr_jobs AUTHORIZATION ${role}`,
  ],
};

for (const [name, grants] of Object.entries(SETUPS)) {
  test(`the role and grants in the README are enough: ${name}`, { skip }, async (t) => {
    const url = new URL(await freshDatabase(TEST_DATABASE_URL!));
    const db = url.pathname.slice(1);
    const role = `dsr_portal_${randomBytes(4).toString('hex')}`;
    let client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`CREATE ROLE ${role} LOGIN PASSWORD 'test-only'`);
    // Nobody else may create anything, as in a database set up with care.
    await client.query(`REVOKE ALL ON DATABASE ${db} FROM PUBLIC`);
    for (const statement of grants(db, role)) {
      if (statement.startsWith('\\c ')) {
        await client.end();
        client = new pg.Client({ connectionString: url.toString() });
        await client.connect();
        await client.query('REVOKE ALL ON SCHEMA public FROM PUBLIC');
      } else await client.query(statement);
    }
    await client.end();
    url.username = role;
    url.password = 'test-only';
    const relay = await startRelay();
    t.after(() => relay.close());
    const { queue } = await startQueueForTest(t, { QUEUE_URL: url.toString(), SMTP_URL: relay.url });
    assert.deepEqual((await queue.health()).dependencies, { database: { ok: true, code: null } });
    await queue.accept({ token: newToken(), build: (ref) => sampleMessage(ref) });
    await waitFor('the delivery', () => relay.received.length === 1);
  });
}
