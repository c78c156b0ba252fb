/**
 * A rolling restart: SIGTERM to one of two servers during a flood. No
 * acknowledged post is lost, nobody gets a 5xx, the other server keeps
 * answering, and the stopping one says why it stopped and exits within 10 s.
 * Posts whose connection was refused (the server stopped listening) go to the
 * other server with the same token, as a load balancer would send them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startRelay } from '../queue/helpers/relay.ts';
import { TEST_DATABASE_URL, waitFor } from '../queue/helpers/harness.ts';
import { freshDatabase } from '../support/postgres.ts';
import {
  acknowledged,
  acknowledgedBy,
  eachAcknowledges,
  newToken,
  post,
  received,
  sharedEnv,
  sleep,
  startFlood,
  startTwo,
} from './helpers.ts';

const skip = TEST_DATABASE_URL ? false : 'no PostgreSQL for tests: run them with `npm test`, or set TEST_DATABASE_URL';

test(
  'SIGTERM to one of two instances during a flood: nothing lost, no 5xx, it exits within 10 s',
  { skip },
  async (t) => {
    const relay = await startRelay();
    t.after(() => relay.close());
    const [a, b] = await startTwo(t, sharedEnv(await freshDatabase(TEST_DATABASE_URL!), relay));
    const flooding = startFlood(t, [a, b], 12);
    const { answers } = flooding;
    await eachAcknowledges(answers, [a, b], 5);
    await sleep(Math.random() * 500);
    const signalled = Date.now();
    a.child.kill('SIGTERM');
    const exit = await a.exited;
    await waitFor('b to carry on', () => acknowledgedBy(answers, 'b', exit.at) >= 10, 60_000);
    await flooding.stop();

    const took = exit.at - signalled;
    const failed = answers.filter((x) => x.failed);
    t.diagnostic(
      `a exited ${took} ms after SIGTERM (code ${exit.code}); ${answers.length} answers; ` +
        `connections failed: ${failed.length} (${[...new Set(failed.map((x) => x.failed))].join(', ') || 'none'})`,
    );
    assert.equal(exit.code, 0);
    assert.ok(took < 10_000, `exited after ${took} ms`);
    const log = a.output();
    assert.match(log, /"reason":"SIGTERM".*"msg":"stopping/);
    assert.match(log, /"reason":"SIGTERM".*"requestsCut":0.*"msg":"stopped"/);
    for (const answer of answers)
      assert.ok(!answer.status || answer.status < 500, `a ${answer.status} from ${answer.instance}`);
    assert.ok(acknowledgedBy(answers, 'a', 0) > 0 && acknowledgedBy(answers, 'b', signalled) > 0);
    // Only a refused connection (nobody listening any more) is allowed, never one cut mid-request.
    assert.deepEqual(
      [...new Set(failed.map((x) => x.failed))].filter((code) => code !== 'ECONNREFUSED'),
      [],
    );

    const { references, byToken } = acknowledged(answers);
    for (const [token, refs] of byToken) assert.equal(refs.size, 1, `token ${token} got two references`);
    await waitFor(
      'every acknowledged post at the relay',
      () => [...references].every((r) => received(relay).has(r)),
      60_000,
    );
  },
);

test('the same token posted to both instances at once: one reference, one message', { skip }, async (t) => {
  const relay = await startRelay();
  t.after(() => relay.close());
  const [a, b] = await startTwo(t, sharedEnv(await freshDatabase(TEST_DATABASE_URL!), relay));
  const references: string[] = [];
  for (let round = 0; round < 10; round++) {
    const token = newToken();
    const [x, y] = await Promise.all([post(a, token, round), post(b, token, round)]);
    assert.deepEqual([x.status, y.status], [201, 201]);
    assert.equal(x.reference, y.reference);
    references.push(x.reference!);
  }
  await waitFor('ten messages', () => received(relay).size >= 10, 30_000);
  await sleep(1000);
  assert.equal(relay.received.length, 10, 'one message per token, not two');
  assert.deepEqual([...received(relay).keys()].sort(), references.sort());
});
