/** A tampered or damaged sealed message is set aside and reported; the others are still delivered. */
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { freshDatabase } from '../support/postgres.ts';
import { freePort, startRelay } from './helpers/relay.ts';
import {
  containsAnyMarker,
  eachDriver,
  listed,
  newToken,
  queued,
  sampleMessage,
  startQueueForTest,
  TEST_DATABASE_URL,
  waitFor,
  type Harness,
} from './helpers/harness.ts';

const skip = TEST_DATABASE_URL ? false : 'no PostgreSQL for tests: run them with `npm test`, or set TEST_DATABASE_URL';

/** Changes a queued message's sealed bytes where the driver keeps them: a file, or a row. */
async function tamper(harness: Harness, reference: string, change: (bytes: Buffer) => Buffer): Promise<void> {
  const url = harness.settings.queue.url;
  if (!url) {
    const file = path.join(harness.dataDir, 'queue', 'active', reference);
    await writeFile(file, change(await readFile(file)));
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ sealed: Buffer }>(
      'SELECT sealed FROM dsr_queue.messages WHERE reference = $1',
      [reference],
    );
    await client.query('UPDATE dsr_queue.messages SET sealed = $2 WHERE reference = $1', [
      reference,
      change(rows[0]!.sealed),
    ]);
  } finally {
    await client.end();
  }
}

const flip = (at: (bytes: Buffer) => number) => (bytes: Buffer) => {
  const copy = Buffer.from(bytes);
  const i = at(copy);
  copy[i] = copy[i]! ^ 0x01;
  return copy;
};

eachDriver('tampered and truncated messages are set aside; delivery carries on', async (t, driver) => {
  const port = await freePort();
  const harness = await startQueueForTest(t, { ...driver.env, SMTP_URL: `smtp://127.0.0.1:${port}` });
  const refs: string[] = [];
  for (let i = 0; i < 4; i++) {
    refs.push((await harness.queue.accept({ token: newToken(), build: (ref) => sampleMessage(ref) })).reference);
  }
  await harness.queue.stop();

  const [body, header, short, good] = refs as [string, string, string, string];
  await tamper(
    harness,
    body,
    flip((b) => b.length - 3),
  ); // ciphertext
  await tamper(
    harness,
    header,
    flip((b) => b.indexOf('"acceptedAt":') + 14),
  ); // a digit of the clear header
  await tamper(harness, short, (b) => b.subarray(0, 40));
  if (!driver.postgres) await writeFile(path.join(harness.dataDir, 'queue', 'active', 'notes.txt'), 'not a message');

  const relay = await startRelay({}, port);
  t.after(() => relay.close());
  const queue = await harness.restart({ ...driver.env, SMTP_URL: relay.url });
  await waitFor('the good message', () => relay.received.length === 1);
  await waitFor('the queue to settle', async () => (await queued(queue)) === 0);

  assert.equal(relay.received[0]!.email.messageId?.startsWith(`<${good}@`), true);
  const strays = driver.postgres ? [] : ['notes.txt'];
  assert.equal((await queue.health()).corrupt, 3 + strays.length);
  const state = await listed(harness);
  assert.deepEqual(state.queued, []);
  assert.equal(state.corrupt, 3 + strays.length);
  if (!driver.postgres) {
    const aside = (await readdir(path.join(harness.dataDir, 'queue', 'corrupt'))).sort();
    assert.deepEqual(aside, [body, header, short, ...strays].sort());
  }

  const alerts = harness.logs.map((l) => JSON.parse(l)).filter((l) => l.alert === 'spool-file-corrupt');
  const named = driver.postgres ? [] : ['unrecognised file'];
  assert.deepEqual(alerts.map((a) => a.reference).sort(), [body, header, short, ...named].sort());
  for (const line of harness.logs) assert.equal(containsAnyMarker(line), undefined);
});

test('file spool: a message sealed with another key fails authentication and is set aside', async (t) => {
  const port = await freePort();
  const harness = await startQueueForTest(t, { SMTP_URL: `smtp://127.0.0.1:${port}` });
  await harness.queue.accept({ token: newToken(), build: (ref) => sampleMessage(ref) });
  await harness.queue.stop();
  const relay = await startRelay({}, port);
  t.after(() => relay.close());
  const queue = await harness.restart({ SMTP_URL: relay.url, SPOOL_KEY: Buffer.alloc(32, 7).toString('base64') });
  await waitFor('the message to be set aside', async () => (await queue.health()).corrupt === 1);
  assert.equal(relay.received.length, 0);
  assert.deepEqual((await listed(harness)).queued, []);
});

test('PostgreSQL: an instance with another SPOOL_KEY refuses to work, and sets nothing aside', { skip }, async (t) => {
  const port = await freePort();
  const env = { QUEUE_URL: await freshDatabase(TEST_DATABASE_URL!), SMTP_URL: `smtp://127.0.0.1:${port}` };
  const harness = await startQueueForTest(t, env);
  const { reference } = await harness.queue.accept({ token: newToken(), build: (ref) => sampleMessage(ref) });
  await harness.queue.stop();
  const relay = await startRelay({}, port);
  t.after(() => relay.close());
  const queue = await harness.restart({
    ...env,
    SMTP_URL: relay.url,
    SPOOL_KEY: Buffer.alloc(32, 7).toString('base64'),
  });
  const health = await queue.health();
  assert.deepEqual([health.accepting, health.dependencies.database?.code], [false, 'EKEYMISMATCH']);
  assert.ok(harness.logs.some((line) => line.includes('"alert":"queue-key-mismatch"')));
  await assert.rejects(queue.accept({ token: newToken(), build: (ref) => sampleMessage(ref) }));
  assert.deepEqual(await listed(harness), { queued: [reference], parked: [], corrupt: 0 });
  assert.equal(relay.received.length, 0);
});
