/**
 * PostgreSQL stopped during a flood (its own throwaway cluster, stopped as a
 * crash would): while it is down no post is acknowledged, a person without
 * JavaScript gets the easy-read "not sent" page with their answers and the
 * ways to get help, and /healthz says the database is the problem. When it
 * is back, posts succeed again without restarting the servers, and every
 * acknowledged post is delivered.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startRelay } from '../queue/helpers/relay.ts';
import { waitFor } from '../queue/helpers/harness.ts';
import { clusterAvailable, freshDatabase, startCluster } from '../support/postgres.ts';
import {
  acknowledged,
  answers as answersFor,
  eachAcknowledges,
  FORM_PATH,
  type Instance,
  newToken,
  post,
  received,
  sharedEnv,
  startFlood,
  startTwo,
} from './helpers.ts';

const available = clusterAvailable();
const skip = available.ok ? false : `cannot start a PostgreSQL cluster: ${available.reason}`;

async function health(instance: Instance): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${instance.origin}/healthz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The form posted by a browser without JavaScript: the page it gets back. */
async function postWithoutScript(instance: Instance, seed: number): Promise<{ status: number; html: string }> {
  const response = await fetch(`${instance.origin}${FORM_PATH}`, {
    method: 'POST',
    headers: { Origin: instance.origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...answersFor(seed), token: newToken() }),
    redirect: 'manual',
  });
  return { status: response.status, html: await response.text() };
}

test(
  'PostgreSQL down during a flood: nothing acknowledged while down; back without restarting the servers',
  { skip },
  async (t) => {
    const cluster = await startCluster();
    t.after(() => cluster.destroy());
    const relay = await startRelay();
    t.after(() => relay.close());
    const [a, b] = await startTwo(t, sharedEnv(await freshDatabase(cluster.url), relay));
    const flooding = startFlood(t, [a, b], 8);
    const { answers } = flooding;
    await eachAcknowledges(answers, [a, b], 3);

    await cluster.halt();
    const downFrom = Date.now();
    await waitFor(
      'posts answered while the database is down',
      () => answers.filter((x) => x.sentAt > downFrom).length >= 30,
      60_000,
    );

    for (const instance of [a, b]) {
      const down = await health(instance);
      assert.equal(down.status, 503);
      assert.equal(down.body['accepting'], false);
      assert.equal((down.body['dependencies'] as { database: { ok: boolean } }).database.ok, false);
    }
    const page = await postWithoutScript(a, 424242);
    assert.equal(page.status, 503);
    assert.match(page.html, /Your answers have not been sent/);
    assert.match(page.html, /We could not send your answers/);
    // Each sentence may be marked for Listen (its own <span data-s>), so they are matched one by one.
    assert.match(page.html, /Nothing was sent\./);
    assert.match(page.html, /Your answers are still in the form\./);
    assert.match(page.html, /href="tel:\+442081765565"/, 'the phone route');
    assert.match(page.html, /href="tel:999"/, 'the crisis lines');
    assert.match(page.html, new RegExp(`value="${answersFor(424242).name}"`), 'the answers are kept');
    assert.doesNotMatch(page.html, /data-not-sent hidden/);

    const upFrom = Date.now();
    await cluster.resume();
    await waitFor(
      'a post acknowledged by each server again',
      async () => {
        const [x, y] = await Promise.all([post(a, newToken()), post(b, newToken())]);
        answers.push(x, y);
        return x.reference && y.reference;
      },
      60_000,
    );
    await waitFor(
      'healthy again',
      async () => (await health(a)).status === 200 && (await health(b)).status === 200,
      30_000,
    );
    await flooding.stop();

    const whileDown = answers.filter((x) => x.sentAt > downFrom && x.answeredAt < upFrom);
    t.diagnostic(
      `${whileDown.length} posts answered while down: ${[...new Set(whileDown.map((x) => x.status ?? x.failed))]}`,
    );
    assert.deepEqual(
      whileDown.filter((x) => x.reference),
      [],
      'nothing acknowledged while the database was down',
    );
    assert.ok(
      whileDown.every((x) => x.status === 503),
      'every one was told "not sent"',
    );

    const { references } = acknowledged(answers);
    await waitFor(
      'every acknowledged post at the relay',
      () => [...references].every((r) => received(relay).has(r)),
      60_000,
    );
    for (const [reference, ids] of received(relay)) assert.equal(ids.size, 1, reference);
  },
);
