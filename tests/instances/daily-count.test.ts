/**
 * The daily count with two real servers on one PostgreSQL queue, sharing a
 * fake clock (DSR_FAKE_NOW_FILE): when the area's send time comes, both
 * instances count and hand the summary over, and exactly one email reaches
 * the real SMTP relay; the next day, exactly one more.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { startRelay, type Relay } from '../queue/helpers/relay.ts';
import { TEST_DATABASE_URL, waitFor } from '../queue/helpers/harness.ts';
import { formArea, ROOT } from '../security/support.ts';
import { freshDatabase } from '../support/postgres.ts';
import { answers, newToken, post, sharedEnv, startTwo, type Instance } from './helpers.ts';

const skip = TEST_DATABASE_URL ? false : 'no PostgreSQL for tests: run them with `npm test`, or set TEST_DATABASE_URL';

const dailyCounts = (relay: Relay) =>
  relay.received.filter((r) => /^DSR portal daily count/.test(r.email.subject ?? ''));

/** The reference an instance says it handed over for a date, from its output. */
const handedOver = (instance: Instance, date: string): string | undefined =>
  new RegExp(`Daily count for ${date}: (DSR-[A-Z0-9-]+) is with the mail queue`).exec(instance.output())?.[1];

async function queueEmpty(instance: Instance): Promise<boolean> {
  const health = (await fetch(`${instance.origin}/healthz`).then((r) => r.json())) as { queued: number | null };
  return health.queued === 0;
}

test('two instances on one PostgreSQL queue send one daily count a day', { skip }, async (t) => {
  const area = parse(readFileSync(path.join(ROOT, 'content/areas', formArea(), 'area.yaml'), 'utf8')) as {
    dailyCount?: { at: string };
  };
  assert.equal(area.dailyCount?.at, '07:00', 'the test steps the clock across 07:00 London time');
  const dir = await mkdtemp(path.join(tmpdir(), 'dsr-daily-count-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const clock = path.join(dir, 'now');
  // December: London is on GMT, so 07:00 London is 07:00Z.
  await writeFile(clock, '2026-12-01T06:55:00Z');
  const relay = await startRelay();
  t.after(() => relay.close());
  const env = {
    ...sharedEnv(await freshDatabase(TEST_DATABASE_URL!), relay),
    DSR_FAKE_NOW_FILE: clock,
    DAILY_COUNT_CHECK_INTERVAL: '0.1',
  };
  const [a, b] = await startTwo(t, env);

  const referral = await post(a, newToken(), 4242);
  assert.equal(referral.status, 201);
  await waitFor('the referral at the relay', () => relay.received.length === 1, 30_000);
  assert.equal(dailyCounts(relay).length, 0, 'no count before the send time');

  for (const [day, now] of [
    ['2026-12-01', '2026-12-01T07:00:30Z'],
    ['2026-12-02', '2026-12-02T07:00:30Z'],
  ] as const) {
    await writeFile(clock, now);
    const [fromA, fromB] = await waitFor(
      `both instances to hand over the count for ${day}`,
      () => {
        const both = [handedOver(a, day), handedOver(b, day)];
        return both.every(Boolean) && both;
      },
      30_000,
    );
    assert.equal(fromA, fromB, 'both instances were given the same reference');
    await waitFor('the queue to be empty', () => queueEmpty(a), 30_000);
    const sent = dailyCounts(relay).filter((r) => r.email.headers.some((h) => h.value === fromA));
    assert.equal(sent.length, 1, `one count for ${day} at the relay`);
  }
  const counts = dailyCounts(relay);
  assert.equal(counts.length, 2, 'one count a day, two days');
  const personal = Object.values(answers(4242)).filter((value) => value.length > 3 && !/^[a-z-]+$/.test(value));
  for (const count of counts)
    for (const value of personal)
      assert.ok(!`${count.raw}\n${count.email.text}`.includes(value), `"${value}" is in the daily count`);
});
