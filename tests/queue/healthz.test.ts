/**
 * Health, as /healthz reports it: depth, age and delivery state; 503 once
 * delivery has failed past the threshold; and 503 whenever a new post could
 * not be accepted (the spool's disk refuses writes, the database is down).
 */
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { freePort, startRelay } from './helpers/relay.ts';
import {
  eachDriver,
  newToken,
  sampleMessage,
  startQueueForTest,
  tempDir,
  testEnv,
  waitFor,
} from './helpers/harness.ts';

eachDriver(
  'health: depth, age and delivery state; not ok once delivery has failed past the threshold',
  async (t, driver) => {
    const port = await freePort();
    const { queue } = await startQueueForTest(t, {
      ...driver.env,
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      QUEUE_HEALTH_THRESHOLD: '0.3',
    });
    const idle = await queue.health();
    assert.equal(idle.ok, true);
    assert.equal(idle.accepting, true);
    assert.equal(idle.queue, driver.name);
    assert.deepEqual(Object.values(idle.dependencies), [{ ok: true, code: null }]);
    assert.equal(idle.queued, 0);
    assert.equal(idle.oldestAgeSeconds, null);
    assert.equal(idle.delivery.state, 'idle');

    await queue.accept({ token: newToken(), build: (ref) => sampleMessage(ref) });
    const failing = await waitFor('not ok', async () => {
      const health = await queue.health();
      return !health.ok && health;
    });
    assert.equal(failing.accepting, true, 'still accepting: delivery failing is not a reason to refuse posts');
    assert.equal(failing.queued, 1);
    assert.equal(typeof failing.oldestAgeSeconds, 'number');
    assert.ok(failing.delivery.failingForSeconds! >= 0);
    assert.doesNotMatch(JSON.stringify(failing), /@|DSR-/, 'no addresses, not even references');

    const relay = await startRelay({}, port);
    t.after(() => relay.close());
    const healthy = await waitFor('ok again', async () => {
      const health = await queue.health();
      return health.ok && health.queued === 0 && health;
    });
    assert.equal(healthy.delivery.state, 'idle');
    assert.equal(healthy.delivery.lastDeliveredSecondsAgo! <= 1, true);
    assert.equal(relay.received.length, 1);
  },
);

test('file spool: a disk that refuses writes makes health not ok and posts fail; both recover', async (t) => {
  const { queue, dataDir } = await startQueueForTest(t);
  const tmp = path.join(dataDir, 'queue', 'tmp');
  await rm(tmp, { recursive: true, force: true });
  await writeFile(tmp, 'not a folder');
  const refusing = await waitFor('a refusal', async () => {
    const health = await queue.health();
    return !health.accepting && health;
  });
  assert.equal(refusing.ok, false);
  assert.equal(refusing.dependencies.disk?.ok, false);
  assert.match(refusing.dependencies.disk?.code ?? '', /^E[A-Z]+$/);
  await assert.rejects(queue.accept({ token: newToken(), build: (ref) => sampleMessage(ref) }));

  await rm(tmp, { force: true });
  await mkdir(tmp);
  await waitFor('accepting again', async () => (await queue.health()).accepting);
  await queue.accept({ token: newToken(), build: (ref) => sampleMessage(ref) });
});

test('PostgreSQL out of reach at start: the queue starts, refuses posts, and says why', async (t) => {
  const port = await freePort();
  const { queue } = await startQueueForTest(t, { QUEUE_URL: `postgres://portal:secret@127.0.0.1:${port}/dsr` });
  const health = await queue.health();
  assert.equal(health.ok, false);
  assert.equal(health.accepting, false);
  assert.equal(health.queue, 'PostgreSQL');
  assert.equal(health.dependencies.database?.ok, false);
  assert.equal(health.dependencies.database?.code, 'ECONNREFUSED');
  assert.equal(health.queued, null);
  await assert.rejects(queue.accept({ token: newToken(), build: (ref) => sampleMessage(ref) }), {
    name: 'QueueUnavailableError',
  });
  assert.doesNotMatch(JSON.stringify(health), /secret/);
});

test('GET /healthz answers 200 or 503 with the health, never cached', async (t) => {
  Object.assign(process.env, testEnv(await tempDir(), { LOG_LEVEL: 'silent' }));
  const { closeDelivery } = await import('../../src/delivery/index.ts');
  const { GET } = await import('../../src/pages/healthz.ts');
  t.after(() => closeDelivery());
  const response = await GET({} as never);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  const body = (await response.json()) as { ok: boolean; accepting: boolean; queue: string };
  assert.deepEqual([body.ok, body.accepting, body.queue], [true, true, 'file spool']);
});
