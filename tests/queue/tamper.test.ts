/** A tampered or damaged queue file is moved aside and reported; the others are still delivered. */
import assert from 'node:assert/strict';
import { readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { freePort, startRelay } from './helpers/relay.ts';
import { containsAnyMarker, newToken, sampleMessage, startQueueForTest, waitFor } from './helpers/harness.ts';

test('tampered, truncated and stray files are set aside; delivery carries on', async (t) => {
  const port = await freePort();
  const harness = await startQueueForTest(t, { SMTP_URL: `smtp://127.0.0.1:${port}` });
  const refs: string[] = [];
  for (let i = 0; i < 4; i++) {
    refs.push((await harness.queue.accept({ token: newToken(), build: (ref) => sampleMessage(ref) })).reference);
  }
  await harness.queue.stop();

  const active = path.join(harness.dataDir, 'queue', 'active');
  const [body, header, short, good] = refs as [string, string, string, string];
  const flip = async (file: string, at: (bytes: Buffer) => number) => {
    const bytes = await readFile(file);
    const i = at(bytes);
    bytes[i] = bytes[i]! ^ 0x01;
    await writeFile(file, bytes);
  };
  await flip(path.join(active, body), (b) => b.length - 3); // ciphertext
  await flip(path.join(active, header), (b) => b.indexOf('"acceptedAt":') + 14); // a digit of the clear header
  await truncate(path.join(active, short), 40);
  await writeFile(path.join(active, 'notes.txt'), 'not a queue file');

  const relay = await startRelay({}, port);
  t.after(() => relay.close());
  const queue = await harness.restart({ SMTP_URL: relay.url });
  await waitFor('the good message', () => relay.received.length === 1);
  await waitFor('the queue to settle', () => queue.health().queued === 0);

  assert.equal(relay.received[0]!.email.messageId?.startsWith(`<${good}@`), true);
  const corrupt = (await readdir(path.join(harness.dataDir, 'queue', 'corrupt'))).sort();
  assert.deepEqual(corrupt, [body, header, short, 'notes.txt'].sort());
  assert.deepEqual(await readdir(active), []);
  assert.equal(queue.health().corrupt, 4);

  const alerts = harness.logs.map((l) => JSON.parse(l)).filter((l) => l.alert === 'spool-file-corrupt');
  assert.deepEqual(alerts.map((a) => a.reference).sort(), [body, header, short, 'unrecognised file'].sort());
  for (const line of harness.logs) assert.equal(containsAnyMarker(line), undefined);
});

test('a file sealed with another key fails authentication and is set aside', async (t) => {
  const port = await freePort();
  const harness = await startQueueForTest(t, { SMTP_URL: `smtp://127.0.0.1:${port}` });
  const { reference } = await harness.queue.accept({ token: newToken(), build: (ref) => sampleMessage(ref) });
  await harness.queue.stop();
  const relay = await startRelay({}, port);
  t.after(() => relay.close());
  const queue = await harness.restart({ SMTP_URL: relay.url, SPOOL_KEY: Buffer.alloc(32, 7).toString('base64') });
  await waitFor('the file to be set aside', () => queue.health().corrupt === 1);
  assert.deepEqual(await readdir(path.join(harness.dataDir, 'queue', 'corrupt')), [reference]);
  assert.equal(relay.received.length, 0);
});
