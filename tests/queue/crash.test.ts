/**
 * Kill -9 straight after answering, then restart: every acknowledged
 * submission arrives (once, or again with the same Message-ID), and the
 * half-written leftovers do not stop the second start.
 */
import assert from 'node:assert/strict';
import { fixture, run } from './helpers/child.ts';
import { eachDriver, tempDir, testEnv, waitFor } from './helpers/harness.ts';
import { freePort, startRelay } from './helpers/relay.ts';
import type { Relay } from './helpers/relay.ts';

async function killAfterAnswers(env: Record<string, string>, answers: number) {
  const first = run(fixture('accept-many.ts'), env);
  await waitFor('the first answers', () => first.stdout.filter((l) => l.startsWith('ACCEPTED ')).length >= answers);
  first.child.kill('SIGKILL');
  const exit = await first.exited;
  assert.equal(exit.signal, 'SIGKILL');
  return first.stdout.filter((l) => l.startsWith('ACCEPTED ')).map((l) => l.slice('ACCEPTED '.length));
}

async function restartAndDeliver(env: Record<string, string>) {
  const second = run(fixture('deliver-all.ts'), env);
  const exit = await second.exited;
  assert.equal(exit.code, 0, second.stderr.join('\n'));
  assert.ok(second.stdout.includes('EMPTY'));
}

function assertEachArrived(relay: Relay, acknowledged: string[]) {
  const byReference = new Map<string, string[]>();
  for (const { email } of relay.received) {
    const reference = /^<(DSR-[^@]+)@/.exec(email.messageId ?? '')?.[1];
    assert.ok(reference, 'every message has a reference Message-ID');
    assert.ok(email.subject?.includes(reference));
    byReference.set(reference, [...(byReference.get(reference) ?? []), email.messageId!]);
  }
  for (const reference of acknowledged) {
    const ids = byReference.get(reference);
    assert.ok(ids && ids.length >= 1, `${reference} was acknowledged but never arrived`);
    assert.equal(new Set(ids).size, 1);
  }
}

eachDriver(
  'SIGKILL straight after answering, relay up: every answered submission arrives after a restart',
  async (t, driver) => {
    const relay = await startRelay();
    t.after(() => relay.close());
    const dataDir = await tempDir();
    const env = { ...testEnv(dataDir, { ...driver.env, SMTP_URL: relay.url }), COUNT: '60', RUN_ID: 'up' };
    const acknowledged = await killAfterAnswers(env, 10);
    assert.ok(acknowledged.length >= 10);
    await restartAndDeliver(env);
    assertEachArrived(relay, acknowledged);
  },
);

eachDriver(
  'SIGKILL with the relay down: the restarted server delivers everything that was answered',
  async (t, driver) => {
    const port = await freePort();
    const dataDir = await tempDir();
    const down = {
      ...testEnv(dataDir, { ...driver.env, SMTP_URL: `smtp://127.0.0.1:${port}` }),
      COUNT: '40',
      RUN_ID: 'down',
    };
    const acknowledged = await killAfterAnswers(down, 40);
    assert.equal(acknowledged.length, 40);
    const relay = await startRelay({}, port);
    t.after(() => relay.close());
    await restartAndDeliver(down);
    assertEachArrived(relay, acknowledged);
    assert.equal(relay.received.length, 40, 'nothing was delivered before the kill, so each arrives once');
  },
);
