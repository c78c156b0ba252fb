/** `npm run queue -- list | retry`, run as a real process beside a running queue, with either driver. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { run } from './helpers/child.ts';
import { eachDriver, newToken, queued, sampleMessage, startQueueForTest, testEnv, waitFor } from './helpers/harness.ts';
import { startRelay } from './helpers/relay.ts';

const cli = path.join(import.meta.dirname, '..', '..', 'src', 'queue', 'cli.ts');

async function queueCommand(env: Record<string, string>, ...args: string[]) {
  const result = run(cli, env, args);
  const { code } = await result.exited;
  return { code, out: result.stdout.join('\n'), err: result.stderr.join('\n') };
}

eachDriver('list shows a parked message by reference; retry sends it back and it is delivered', async (t, driver) => {
  let refuse = true;
  const relay = await startRelay({ data: () => (refuse ? 550 : undefined) });
  t.after(() => relay.close());
  const { queue, dataDir } = await startQueueForTest(t, { ...driver.env, SMTP_URL: relay.url });
  const env = testEnv(dataDir, driver.env);
  const { reference } = await queue.accept({ token: newToken(), build: (ref) => sampleMessage(ref) });
  await waitFor('the parking', async () => (await queue.health()).parked === 1);

  const listed = await queueCommand(env, 'list');
  assert.equal(listed.code, 0, listed.err);
  const row = listed.out.split('\n').find((line) => line.startsWith(reference));
  assert.ok(row, listed.out);
  assert.match(row, /parked/);
  assert.match(row, /550/);
  assert.match(listed.out, /REFERENCE\s+STATE\s+AGE\s+ATTEMPTS\s+NEXT ATTEMPT/);

  refuse = false;
  const retried = await queueCommand(env, 'retry', reference.toLowerCase());
  assert.equal(retried.code, 0, retried.err);
  await waitFor('the delivery', () => relay.received.length === 1);
  assert.equal(relay.received[0]!.email.messageId, `<${reference}@dsr.example.nhs.uk>`);
  await waitFor('an empty queue', async () => (await queued(queue)) === 0);
  assert.match((await queueCommand(env, 'list')).out, /The queue is empty/);
});

eachDriver('retry refuses what is not a parked reference', async (t, driver) => {
  const { dataDir } = await startQueueForTest(t, driver.env);
  const env = testEnv(dataDir, driver.env);
  assert.equal((await queueCommand(env, 'retry', 'not-a-reference')).code, 2);
  const missing = await queueCommand(env, 'retry', 'DSR-2345-6789');
  assert.equal(missing.code, 1);
  assert.match(missing.err, /No parked message DSR-2345-6789/);
  assert.equal((await queueCommand(env)).code, 2);
});
