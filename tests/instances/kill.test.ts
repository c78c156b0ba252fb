/**
 * Two servers on one PostgreSQL queue, a flood of posts to both, SIGKILL of
 * one at a random moment, and a relay that refuses for a while before it
 * accepts: every acknowledged reference reaches the relay, under one
 * Message-ID, and nothing acknowledged is lost.
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
  received,
  sharedEnv,
  sleep,
  startFlood,
  startTwo,
} from './helpers.ts';

const skip = TEST_DATABASE_URL ? false : 'no PostgreSQL for tests: run them with `npm test`, or set TEST_DATABASE_URL';

test(
  'SIGKILL of one of two instances during a flood, relay refusing then accepting: nothing acknowledged is lost',
  { skip },
  async (t) => {
    let refusing = true;
    const relay = await startRelay({ greeting: () => (refusing ? 421 : undefined) });
    t.after(() => relay.close());
    const [a, b] = await startTwo(t, sharedEnv(await freshDatabase(TEST_DATABASE_URL!), relay));
    const flooding = startFlood(t, [a, b], 12);
    const { answers } = flooding;
    await eachAcknowledges(answers, [a, b], 3);
    const killAt = Math.random() * 1500;
    await sleep(killAt);
    a.child.kill('SIGKILL');
    const killed = await a.exited;
    assert.equal(killed.signal, 'SIGKILL');
    await waitFor('b to carry on alone', () => acknowledgedBy(answers, 'b', killed.at) >= 20, 60_000);
    refusing = false;
    await sleep(1000);
    await flooding.stop();

    const { references, byToken } = acknowledged(answers);
    t.diagnostic(
      `killed a ${Math.round(killAt)} ms after both answered; ${references.size} acknowledged, ${answers.length} answers`,
    );
    assert.ok(
      answers.some((x) => x.instance === 'a' && x.reference),
      'a acknowledged posts before it was killed',
    );
    assert.ok(
      answers.some((x) => x.instance === 'b' && x.reference && x.sentAt > killed.at),
      'b carried on',
    );
    for (const [token, refs] of byToken) assert.equal(refs.size, 1, `token ${token} got two references`);
    for (const answer of answers) assert.ok(!answer.status || answer.status < 500, `a ${answer.status} answer`);

    await waitFor(
      'every acknowledged reference at the relay',
      () => [...references].every((reference) => received(relay).has(reference)),
      60_000,
    );
    assert.match(b.output(), /delivery deferred/, 'the relay refused some attempts');
    for (const [reference, ids] of received(relay)) {
      assert.deepEqual([...ids], [`<${reference}@dsr.example.nhs.uk>`], `${reference} arrived under one Message-ID`);
    }
  },
);
