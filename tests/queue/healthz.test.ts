/** GET /healthz through the page module itself, on the process-wide queue. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freePort, startRelay } from './helpers/relay.ts';
import { newToken, sampleMessage, tempDir, testEnv, waitFor } from './helpers/harness.ts';

/** The fields of the /healthz reply this test reads. */
interface Health {
  delivery: { state: string; lastDeliveredSecondsAgo: number; failingForSeconds: number };
  [field: string]: unknown;
}

test('/healthz: depth, age and delivery state; 503 once delivery has failed past the threshold', async (t) => {
  const port = await freePort();
  Object.assign(
    process.env,
    testEnv(await tempDir(), {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      QUEUE_HEALTH_THRESHOLD: '0.3',
      LOG_LEVEL: 'silent',
    }),
  );
  const { getQueue, stopQueue } = await import('../../src/queue/index.ts');
  const { GET } = await import('../../src/pages/healthz.ts');
  t.after(() => stopQueue());
  const get = async () => {
    const response = await GET({} as never);
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Health,
    };
  };

  const idle = await get();
  assert.equal(idle.status, 200);
  assert.equal(idle.headers.get('cache-control'), 'no-store');
  assert.equal(idle.body.queued, 0);
  assert.equal(idle.body.oldestAgeSeconds, null);
  assert.equal(idle.body.delivery.state, 'idle');

  await getQueue().accept({ token: newToken(), build: (ref) => sampleMessage(ref) });
  const failing = await waitFor('a 503', async () => {
    const h = await get();
    return h.status === 503 && h;
  });
  assert.equal(failing.body.ok, false);
  assert.equal(failing.body.queued, 1);
  assert.equal(typeof failing.body.oldestAgeSeconds, 'number');
  assert.ok(failing.body.delivery.failingForSeconds >= 0);
  assert.doesNotMatch(JSON.stringify(failing.body), /@|DSR-/, 'no addresses, not even references');

  const relay = await startRelay({}, port);
  t.after(() => relay.close());
  const healthy = await waitFor('a 200 again', async () => {
    const h = await get();
    return h.status === 200 && h.body.queued === 0 && h;
  });
  assert.equal(healthy.body.delivery.state, 'idle');
  assert.equal(healthy.body.delivery.lastDeliveredSecondsAgo, 0);
  assert.equal(relay.received.length, 1);
});
