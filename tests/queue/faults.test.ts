/**
 * Relay faults, each judged by what finally arrives in the test mailbox, and
 * every captured log line checked for personal data.
 */
import assert from 'node:assert/strict';
import { freePort, startDroppingProxy, startRelay } from './helpers/relay.ts';
import type { Relay } from './helpers/relay.ts';
import {
  containsAnyMarker,
  eachDriver,
  listed,
  newToken,
  queued,
  sampleMessage,
  startQueueForTest,
  waitFor,
} from './helpers/harness.ts';

function assertLogsClean(logs: string[]): void {
  assert.ok(logs.length > 0, 'logs were captured');
  for (const line of logs) {
    assert.equal(containsAnyMarker(line), undefined, `personal data in a log line: ${line}`);
    assert.doesNotMatch(line, /@/, `an address in a log line: ${line}`);
    JSON.parse(line);
  }
}

const logged = (logs: string[], msg: string, reference: string) =>
  logs.map((l) => JSON.parse(l)).filter((l) => l.msg === msg && l.reference === reference);

async function arrivesOnce(relay: Relay, reference: string) {
  const [mail] = await waitFor('the message to arrive', () => relay.received.length >= 1 && relay.received);
  assert.equal(mail!.email.messageId?.startsWith(`<${reference}@`), true);
  return mail!;
}

eachDriver('relay down, then up: delivered after a retry', async (t, driver) => {
  const port = await freePort();
  const { queue, logs } = await startQueueForTest(t, {
    ...driver.env,
    SMTP_URL: `smtp://127.0.0.1:${port}`,
  });
  const { reference } = await queue.accept({ token: newToken(), build: (ref) => sampleMessage(ref) });
  await waitFor('a deferral', () => logged(logs, 'delivery deferred', reference).length > 0);
  assert.equal(await queued(queue), 1);

  const relay = await startRelay({}, port);
  t.after(() => relay.close());
  await arrivesOnce(relay, reference);
  await waitFor('the queue to empty', async () => (await queued(queue)) === 0);
  assert.equal(relay.received.length, 1);
  assert.match(logged(logs, 'delivery deferred', reference)[0].code, /ECONNECTION|ESOCKET|ECONNREFUSED/);
  assertLogsClean(logs);
});

eachDriver('421 at the greeting: retried, then delivered', async (t, driver) => {
  const relay = await startRelay({ greeting: (n) => (n === 1 ? 421 : undefined) });
  t.after(() => relay.close());
  const { queue, logs } = await startQueueForTest(t, {
    ...driver.env,
    SMTP_URL: relay.url,
  });
  const { reference } = await queue.accept({ token: newToken(), build: (ref) => sampleMessage(ref) });
  await arrivesOnce(relay, reference);
  assert.match(logged(logs, 'delivery deferred', reference)[0].code, /421/);
  assertLogsClean(logs);
});

eachDriver('451 to DATA, then success', async (t, driver) => {
  const relay = await startRelay({ data: (n) => (n === 1 ? 451 : undefined) });
  t.after(() => relay.close());
  const { queue, logs } = await startQueueForTest(t, {
    ...driver.env,
    SMTP_URL: relay.url,
  });
  const { reference } = await queue.accept({ token: newToken(), build: (ref) => sampleMessage(ref) });
  await arrivesOnce(relay, reference);
  await waitFor('the queue to empty', async () => (await queued(queue)) === 0);
  assert.equal(relay.received.length, 1);
  assert.match(logged(logs, 'delivery deferred', reference)[0].code, /451/);
  assertLogsClean(logs);
});

eachDriver('550: parked, still on disk, alert logged; never retried on its own', async (t, driver) => {
  const relay = await startRelay({ data: () => 550 });
  t.after(() => relay.close());
  const harness = await startQueueForTest(t, { ...driver.env, SMTP_URL: relay.url });
  const { queue, logs } = harness;
  const { reference } = await queue.accept({ token: newToken(), build: (ref) => sampleMessage(ref) });
  const [alert] = await waitFor('the alert', () => {
    const lines = logs.map((l) => JSON.parse(l)).filter((l) => l.alert === 'mail-parked');
    return lines.length > 0 && lines;
  });
  assert.equal(alert.reference, reference);
  assert.equal(alert.level, 50);
  assert.match(alert.code, /550/);
  assert.deepEqual(await listed(harness), { queued: [], parked: [reference], corrupt: 0 });
  assert.equal(relay.received.length, 0);
  const health = await queue.health();
  assert.equal(health.parked, 1);
  assert.equal(health.queued, 0);
  assertLogsClean(logs);
});

eachDriver('slow greeting: the attempt times out, then a retry delivers', async (t, driver) => {
  // The first connection is never greeted; the client must give up on its own.
  const relay = await startRelay({ greeting: (n) => (n === 1 ? 'hang' : undefined) });
  t.after(() => relay.close());
  const { queue, logs } = await startQueueForTest(t, {
    ...driver.env,
    SMTP_URL: relay.url,
    SMTP_TIMEOUT: '0.3',
  });
  const { reference } = await queue.accept({ token: newToken(), build: (ref) => sampleMessage(ref) });
  await arrivesOnce(relay, reference);
  assert.ok(relay.connections >= 2);
  assert.match(logged(logs, 'delivery deferred', reference)[0].code, /ETIMEDOUT/);
  assertLogsClean(logs);
});

eachDriver('connection dropped mid-message: retried, delivered once', async (t, driver) => {
  const relay = await startRelay();
  t.after(() => relay.close());
  const proxy = await startDroppingProxy(relay.port);
  t.after(() => proxy.close());
  const { queue, logs } = await startQueueForTest(t, {
    ...driver.env,
    SMTP_URL: `smtp://127.0.0.1:${proxy.port}`,
  });
  const { reference } = await queue.accept({ token: newToken(), build: (ref) => sampleMessage(ref) });
  await arrivesOnce(relay, reference);
  await waitFor('the queue to empty', async () => (await queued(queue)) === 0);
  assert.equal(proxy.dropped(), true);
  assert.equal(relay.received.length, 1);
  assert.ok(logged(logs, 'delivery deferred', reference).length >= 1);
  assertLogsClean(logs);
});

eachDriver('past its lifetime: parked with an alert, not deleted', async (t, driver) => {
  const port = await freePort();
  const harness = await startQueueForTest(t, {
    ...driver.env,
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    QUEUE_LIFETIME: '0.3',
  });
  const { queue, logs } = harness;
  const { reference } = await queue.accept({ token: newToken(), build: (ref) => sampleMessage(ref) });
  const alert = await waitFor('the alert', () => logs.map((l) => JSON.parse(l)).find((l) => l.alert === 'mail-parked'));
  assert.equal(alert.reference, reference);
  assert.deepEqual(await listed(harness), { queued: [], parked: [reference], corrupt: 0 });
  assert.equal(alert.reason, 'expired');
  assert.equal(await queued(queue), 0);
  assertLogsClean(logs);
});

eachDriver('a relay that is down is probed with one message; the others wait without attempts', async (t, driver) => {
  const port = await freePort();
  const { queue, logs } = await startQueueForTest(t, {
    ...driver.env,
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    QUEUE_CONCURRENCY: '1',
    QUEUE_MIN_BACKOFF: '1',
    QUEUE_MAX_BACKOFF: '1',
  });
  const references = await Promise.all(
    Array.from({ length: 20 }, () => queue.accept({ token: newToken(), build: (ref) => sampleMessage(ref) })),
  );
  await waitFor('a deferral', () => logs.some((l) => l.includes('delivery deferred')));
  assert.equal(logs.filter((l) => l.includes('delivery deferred')).length, 1);
  const health = await queue.health();
  assert.equal(health.queued, 20);
  assert.equal(health.delivery.state, 'relay-unreachable');
  const relay = await startRelay({}, port);
  t.after(() => relay.close());
  await waitFor('all to arrive', () => relay.received.length === references.length);
  await waitFor('the queue to empty', async () => (await queued(queue)) === 0);
  assertLogsClean(logs);
});
