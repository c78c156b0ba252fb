/**
 * Logs without personal data: the whole journey through every form (the
 * callback form, and the referral form once /refer exists) with marker
 * values, through every path that logs something: the page, errors (422,
 * 400, 413, 415), the honeypot, a cross-site post (403), the rate limit
 * (429), a queue failure (503), a confirmation address with a made-up
 * reference, and the queue delivering the message. Then none of the values
 * may appear anywhere in what the server printed (stdout and stderr), and
 * every JSON log line has only the fields the log contract allows.
 */
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { HONEYPOT_FIELD } from '../../src/forms/kit/honeypot.ts';
import { encode, journeyFor, markerWord, solveJourney, submitLikeABrowser, type Answers } from './journeys.ts';
import {
  formEndpoints,
  postForm,
  send,
  startServer,
  waitFor,
  waitForMail,
  type FormEndpoint,
  type Server,
} from './support.ts';

const LIMIT = 40;
let server: Server;
let endpoints: FormEndpoint[];

before(async () => {
  server = await startServer({
    env: { RATE_LIMIT_POSTS: String(LIMIT), RATE_LIMIT_SECONDS: '600', LOG_LEVEL: 'debug' },
  });
  endpoints = await formEndpoints(server.origin);
  assert.ok(endpoints.some((e) => e.path === '/ask-for-a-call'));
});
after(() => server?.stop());

/** The fields each log line may have, by component. */
const ALLOWED_FIELDS: Record<string, Set<string>> = {
  http: new Set([
    'level',
    'time',
    'component',
    'requestId',
    'method',
    'route',
    'status',
    'ms',
    'msg',
    'error',
    'code',
    'at',
  ]),
  forms: new Set(['level', 'time', 'component', 'form', 'event', 'msg', 'error', 'code', 'at']),
};

describe('logs hold no personal data', () => {
  test('a whole journey through every form, errors included', async (t) => {
    const secrets = new Set<string>();
    const references: string[] = [];
    let seed = 100;
    const from = (n: number) => `127.0.0.${20 + n}`;

    /** The same answers with fresh marker words (so each post carries values of its own), and those words noted as secrets. */
    let variant = 0;
    const vary = (answers: Answers): Answers => {
      variant++;
      const out: Answers = {};
      for (const [name, value] of Object.entries(answers)) {
        out[name] =
          typeof value === 'string'
            ? value.replace(/Q[a-z]{9}/g, (word) => markerWord(word.charCodeAt(3) * 1000 + variant))
            : value;
        if (typeof out[name] === 'string')
          for (const word of (out[name] as string).match(/Q[a-z]{9}/g) ?? []) secrets.add(word);
      }
      return out;
    };

    for (const endpoint of endpoints) {
      const journey = await solveJourney(server.origin, endpoint, seed++, { localAddress: from(0) });
      journey.secrets.forEach((s) => secrets.add(s));
      if (!journey.solved)
        t.diagnostic(`${endpoint.path}: no accepted answers found; the log is still checked for the ones tried`);
      const email = `${markerWord(seed++).toLowerCase()}@example.com`;
      const phone = `07700 900${String(seed++ % 900).padStart(3, '0')}`;
      secrets.add(email).add(phone).add(phone.replace(/\s/g, ''));
      const extra = { email, contactEmail: email, otherPhone: phone };

      // The page, then a first try with mistakes (HTML and JSON), then the real thing (through a check page, if the form has one).
      assert.equal((await send(server.origin, endpoint.path)).status, 200);
      const wrong = {
        ...vary(journey.answers),
        ...extra,
        ...Object.fromEntries([...endpoint.choices.keys()].map((name) => [name, 'not-an-option'])),
      };
      assert.equal(
        (await postForm(server.origin, endpoint.path, encode(endpoint, wrong, []), {}, { localAddress: from(1) }))
          .status,
        422,
      );
      assert.equal(
        (
          await postForm(
            server.origin,
            endpoint.path,
            encode(endpoint, wrong, []),
            { accept: 'application/json' },
            { localAddress: from(1) },
          )
        ).status,
        422,
      );

      const sent = await submitLikeABrowser(
        server.origin,
        endpoint,
        { ...vary(journey.answers), ...extra },
        { localAddress: from(1) },
      );
      if (journey.solved)
        assert.equal(sent.status, 303, `${endpoint.path}: the whole journey ends on the confirmation page`);
      if (sent.status === 303) {
        const confirmation = await send(server.origin, String(sent.headers.location));
        assert.equal(confirmation.status, 200);
        references.push(new URL(String(sent.headers.location), server.origin).searchParams.get('ref')!);
      }
      // The enhancer's way: JSON, confirmed.
      const json = await postForm(
        server.origin,
        endpoint.path,
        `${encode(endpoint, vary(journey.answers), [])}&confirm=yes`,
        { accept: 'application/json' },
        { localAddress: from(1) },
      );
      if (journey.solved) assert.equal(json.status, 201);
      if (json.status === 201) references.push((JSON.parse(json.body) as { reference: string }).reference);

      // Every way a post can go wrong, each carrying personal values.
      const bad = vary(journey.answers);
      const badBody = encode(endpoint, bad);
      const json400 = JSON.stringify(bad).slice(0, -3);
      assert.equal(
        (
          await postForm(
            server.origin,
            endpoint.path,
            json400,
            { 'content-type': 'application/json' },
            { localAddress: from(2) },
          )
        ).status,
        400,
      );
      assert.equal(
        (
          await postForm(
            server.origin,
            endpoint.path,
            badBody,
            { 'content-type': 'text/csv' },
            { localAddress: from(2) },
          )
        ).status,
        415,
      );
      assert.equal(
        (
          await postForm(
            server.origin,
            endpoint.path,
            `${badBody}&pad=${'x'.repeat(70_000)}`,
            {},
            { localAddress: from(2), chunked: true },
          )
        ).status,
        413,
      );
      assert.equal(
        (
          await postForm(
            server.origin,
            endpoint.path,
            `${badBody}&${Array.from({ length: 120 }, (_, i) => `k${i}=1`).join('&')}`,
            {},
            { localAddress: from(2) },
          )
        ).status,
        413,
      );
      assert.equal(
        (
          await postForm(
            server.origin,
            endpoint.path,
            badBody,
            { origin: 'https://evil.example' },
            { localAddress: from(2) },
          )
        ).status,
        403,
      );
      const trap = vary(journey.answers);
      assert.equal(
        (
          await postForm(
            server.origin,
            endpoint.path,
            encode(endpoint, { ...trap, [HONEYPOT_FIELD]: `buy ${markerWord(seed++)} now` }, []),
            {},
            { localAddress: from(2) },
          )
        ).status,
        303,
      );
      secrets.add(`buy ${markerWord(seed - 1)} now`);

      // A queue that cannot write: 503, the answers kept on the page, and a log line without them.
      const spoolTmp = path.join(server.dataDir, 'queue', 'tmp');
      await rm(spoolTmp, { recursive: true, force: true });
      await writeFile(spoolTmp, 'not a folder');
      try {
        const failed = await postForm(
          server.origin,
          endpoint.path,
          `${encode(endpoint, vary(journey.answers), [])}&confirm=yes`,
          {},
          { localAddress: from(3) },
        );
        if (journey.solved) assert.equal(failed.status, 503, `${endpoint.path}: the queue failing is a 503`);
        if (failed.status === 503) assert.ok(failed.body.includes('Your answers have not been sent'));
      } finally {
        await rm(spoolTmp, { force: true });
        await mkdir(spoolTmp);
      }
    }

    // Rate limited, with personal values in the post.
    const endpoint = endpoints[0]!;
    const limited = journeyFor(endpoint, seed++);
    let status = 0;
    for (let i = 0; i <= LIMIT && status !== 429; i++) {
      const body = encode(
        endpoint,
        {
          ...vary(limited.answers),
          ...Object.fromEntries([...endpoint.choices.keys()].map((name) => [name, 'not-an-option'])),
        },
        [],
      );
      status = (await postForm(server.origin, endpoint.path, body, {}, { localAddress: from(4) })).status;
    }
    assert.equal(status, 429);

    // Personal data in an address: the log has the route, never the path or the query.
    const inUrl = markerWord(seed);
    secrets.add(inUrl);
    await send(server.origin, `/ask-for-a-call/sent?ref=${inUrl}&name=${inUrl}`);
    await send(server.origin, `/${inUrl}?email=${inUrl}%40example.com`);

    // The queue delivers what was accepted (and logs it by reference).
    assert.ok(references.length > 0, 'at least one request went all the way');
    for (const reference of references) {
      const mail = await waitForMail(server.dataDir, reference);
      assert.ok(mail.includes(reference));
    }
    assert.ok(
      await waitFor(
        () =>
          references.every(
            (r) => server.stdout().includes(`"reference":"${r}"`) && server.stdout().includes('message delivered'),
          ),
        10_000,
      ),
    );

    const logs = `${server.stdout()}\n${server.stderr()}`;
    const leaked = [...secrets].filter((secret) => secret.length >= 4 && logs.includes(secret));
    assert.deepEqual(leaked, [], 'personal values found in the logs');
    // Also percent-encoded or JSON-escaped forms of them.
    for (const secret of secrets) {
      for (const form of [encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1), secret.replace(/ /g, '+')]) {
        if (form.length >= 4) assert.ok(!logs.includes(form), `found ${form} in the logs`);
      }
    }

    // Every JSON line keeps to the contract; nothing else is printed per request.
    const lines = server.stdout().split('\n').filter(Boolean);
    let checked = 0;
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as Record<string, unknown>;
      const allowed = ALLOWED_FIELDS[String(entry['component'])];
      if (!allowed) continue;
      checked++;
      assert.deepEqual(
        Object.keys(entry).filter((key) => !allowed.has(key)),
        [],
        `unexpected fields in ${line}`,
      );
    }
    assert.ok(checked > 20, `${checked} http/forms lines checked`);
    const events = lines.map((line) => (line.startsWith('{') ? (JSON.parse(line) as Record<string, unknown>) : {}));
    assert.ok(
      events.some((e) => e['event'] === 'honeypot'),
      'the honeypot is counted',
    );
    assert.ok(
      events.some((e) => e['event'] === 'not-queued' && typeof e['code'] === 'string'),
      'the queue failure is logged with its code',
    );
    assert.ok(
      events.some((e) => e['status'] === 429),
      'the rate limit is logged',
    );
    assert.equal(server.stderr().trim(), '', 'nothing on stderr');
  });
});
