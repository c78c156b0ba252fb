/**
 * The honeypot on the built server: a post that fills "Leave this blank" is
 * answered exactly like a real one (303 to a confirmation page with a
 * reference, or JSON 201) but nothing reaches the queue or the mailbox, and
 * the log counts it without any value. A post that leaves it blank is sent.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HONEYPOT_FIELD, HONEYPOT_LABEL } from '../../src/forms/kit/honeypot.ts';
import { isReference } from '../../src/queue/reference.ts';
import { encode, journeyFor } from './journeys.ts';
import {
  formEndpoints,
  postForm,
  queuedFiles,
  send,
  startServer,
  waitForMail,
  type FormEndpoint,
  type Server,
} from './support.ts';

let server: Server;
let endpoints: FormEndpoint[];

before(async () => {
  server = await startServer({ env: { RATE_LIMIT_POSTS: '100000' } });
  endpoints = await formEndpoints(server.origin);
  assert.ok(endpoints.length > 0);
});
after(() => server?.stop());

const logLines = () =>
  server
    .stdout()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('honeypot', () => {
  test('every form has it, hidden from people, assistive technology and autofill', async () => {
    for (const endpoint of endpoints) {
      assert.ok(endpoint.honeypot, `${endpoint.path} has the honeypot`);
      const page = (await send(server.origin, endpoint.path)).body;
      const wrapper = new RegExp(
        `<div[^>]*aria-hidden="true"[^>]*>\\s*<label[^>]*for="${HONEYPOT_FIELD}"[^>]*>${HONEYPOT_LABEL}</label>\\s*<input([^>]*)>`,
      ).exec(page);
      assert.ok(wrapper, `${endpoint.path}: labelled "${HONEYPOT_LABEL}" inside aria-hidden`);
      const input = wrapper[1]!;
      assert.match(input, /\stabindex="-1"/);
      assert.match(input, /\sautocomplete="off"/);
      assert.match(input, /\svalue=""/);
      assert.doesNotMatch(input, /\shidden\b|type="hidden"/, 'not hidden in a way robots recognise');
    }
  });

  for (const mode of ['form', 'json'] as const) {
    test(`filled (${mode}): answered like a success, nothing queued, counted in the log`, async () => {
      for (const endpoint of endpoints) {
        const journey = journeyFor(endpoint, mode === 'form' ? 31 : 32);
        const body = encode(endpoint, { ...journey.answers, [HONEYPOT_FIELD]: 'http://spam.example/buy' });
        const before = logLines().filter((line) => line['event'] === 'honeypot').length;
        const reply = await postForm(
          server.origin,
          endpoint.path,
          body,
          mode === 'json' ? { accept: 'application/json' } : {},
        );
        let confirmation: string;
        if (mode === 'json') {
          assert.equal(reply.status, 201, `${endpoint.path}: JSON 201`);
          const sent = JSON.parse(reply.body) as { reference: string; confirmation: string };
          assert.ok(isReference(sent.reference), `looks like a reference: ${sent.reference}`);
          assert.deepEqual(Object.keys(sent).sort(), ['confirmation', 'reference']);
          confirmation = sent.confirmation;
        } else {
          assert.equal(reply.status, 303, `${endpoint.path}: 303`);
          assert.equal(reply.headers['cache-control'], 'no-store');
          confirmation = String(reply.headers.location);
        }
        assert.match(
          confirmation,
          /\?ref=DSR-[2-9A-Z]{4}-[2-9A-Z]{4}/,
          `${endpoint.path}: a reference-looking confirmation address`,
        );
        // The confirmation page shows, as it would for a real request.
        const page = await send(server.origin, confirmation);
        assert.equal(page.status, 200, `${confirmation} shows`);
        // The log counts it, with the form's id and nothing sent.
        const counted = logLines().filter((line) => line['event'] === 'honeypot');
        assert.equal(counted.length, before + 1, 'one honeypot line');
        assert.deepEqual(Object.keys(counted.at(-1)!).sort(), ['component', 'event', 'form', 'level', 'msg', 'time']);
        for (const secret of [...journey.secrets, 'spam.example'])
          assert.ok(
            !server.stdout().includes(secret) && !server.stderr().includes(secret),
            `the log never holds ${secret}`,
          );
      }
      // Nothing reached the queue: no spool file, no token, no mail.
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(await queuedFiles(server.dataDir), []);
    });
  }

  test('even with nonsense or nothing else in it, a filled honeypot looks like a success', async () => {
    for (const { path } of endpoints) {
      const reply = await postForm(server.origin, path, `${HONEYPOT_FIELD}=x`);
      assert.equal(reply.status, 303);
      assert.deepEqual(await queuedFiles(server.dataDir), []);
    }
  });

  test('left blank (or only spaces): the request is sent as usual', async () => {
    for (const endpoint of endpoints.filter((e) => e.path === '/ask-for-a-call')) {
      const journey = journeyFor(endpoint, 33);
      const reply = await postForm(
        server.origin,
        endpoint.path,
        encode(endpoint, { ...journey.answers, [HONEYPOT_FIELD]: '  ' }),
        {
          accept: 'application/json',
        },
      );
      assert.equal(reply.status, 201);
      const { reference } = JSON.parse(reply.body) as { reference: string };
      const mail = await waitForMail(server.dataDir, reference);
      assert.ok(mail.includes(reference));
    }
  });
});
