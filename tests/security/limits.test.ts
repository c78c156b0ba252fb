/**
 * Limits: bodies over 64 KB are refused with 413 (declared, and chunked with
 * no length), so are more names or answers than a form has, and answers
 * longer than a question allows get the question's own message. None of it
 * is ever a 5xx.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FIELD_LIMIT, VALUE_LIMIT } from '../../src/forms/kit/read-body.ts';
import { encode, journeyFor } from './journeys.ts';
import { formEndpoints, postForm, send, startServer, type FormEndpoint, type Server } from './support.ts';

let server: Server;
let endpoints: FormEndpoint[];

before(async () => {
  server = await startServer({ env: { RATE_LIMIT_POSTS: '100000' } });
  endpoints = await formEndpoints(server.origin);
  assert.ok(endpoints.length > 0, 'at least one form');
});
after(() => server?.stop());

const TOO_MANY = 'The form sent more answers than we can read';
const TOO_LONG = 'Your answers were too long to send';

describe('limits', () => {
  test('413 for a body over 64 KB, declared or chunked, on every form and on any page', async () => {
    const big = 'notes=' + 'x'.repeat(65 * 1024);
    for (const { path } of endpoints) {
      const declared = await postForm(server.origin, path, big);
      assert.equal(declared.status, 413, `${path}: Content-Length over the limit`);
      assert.match(declared.body, /too big|too long/i);
      const chunked = await postForm(server.origin, path, big, {}, { chunked: true });
      assert.equal(chunked.status, 413, `${path}: chunked, no length`);
      assert.ok(chunked.body.includes(TOO_LONG), `${path}: a clear message`);
      const json = await postForm(
        server.origin,
        path,
        JSON.stringify({ notes: 'x'.repeat(65 * 1024) }),
        {
          'content-type': 'application/json',
        },
        { chunked: true },
      );
      assert.equal(json.status, 413);
      assert.ok(JSON.parse(json.body).error.includes(TOO_LONG));
    }
    // A page that reads no body: still refused when declared; never a 5xx when chunked.
    assert.equal((await postForm(server.origin, '/', big)).status, 413);
    const home = await postForm(server.origin, '/', 'x='.padEnd(200 * 1024, 'y'), {}, { chunked: true });
    assert.ok(home.status < 500, `POST / chunked: ${home.status}`);
    // Exactly at the limit is read (and then checked like any answers).
    const atLimit = await postForm(server.origin, endpoints[0]!.path, 'notes=' + 'x'.repeat(64 * 1024 - 6));
    assert.equal(atLimit.status, 422);
  });

  test(`more than ${FIELD_LIMIT} names or ${VALUE_LIMIT} answers: refused with a clear message, as HTML and JSON`, async () => {
    for (const { path } of endpoints) {
      const names = Array.from({ length: FIELD_LIMIT + 1 }, (_, i) => `f${i}=1`).join('&');
      const html = await postForm(server.origin, path, names);
      assert.equal(html.status, 413, `${path}: ${FIELD_LIMIT + 1} names`);
      assert.ok(html.body.includes(TOO_MANY), `${path}: the page says why`);
      const repeats = Array.from({ length: VALUE_LIMIT + 1 }, () => 'notes=1').join('&');
      assert.equal((await postForm(server.origin, path, repeats)).status, 413, `${path}: ${VALUE_LIMIT + 1} answers`);
      const json = await postForm(
        server.origin,
        path,
        JSON.stringify(Object.fromEntries(Array.from({ length: FIELD_LIMIT + 1 }, (_, i) => [`f${i}`, 'x']))),
        {
          'content-type': 'application/json',
        },
      );
      assert.equal(json.status, 413);
      assert.ok(JSON.parse(json.body).error.includes(TOO_MANY));
      const list = await postForm(server.origin, path, JSON.stringify({ notes: Array(VALUE_LIMIT + 1).fill('x') }), {
        'content-type': 'application/json',
      });
      assert.equal(list.status, 413);
      // A real form, every box ticked, is far below the limits.
      const endpoint = endpoints.find((e) => e.path === path)!;
      const everything = Object.fromEntries([...endpoint.choices].map(([name, values]) => [name, values]));
      const full = await postForm(
        server.origin,
        path,
        encode(endpoint, { ...journeyFor(endpoint, 1).answers, ...everything }),
      );
      assert.notEqual(full.status, 413, `${path}: a full form is within the limits`);
    }
  });

  test("over-long answers get each question's own message (422), never a 5xx", async () => {
    for (const endpoint of endpoints) {
      const long = Object.fromEntries(endpoint.textFields.map((name) => [name, 'a'.repeat(3000)]));
      const reply = await postForm(
        server.origin,
        endpoint.path,
        encode(endpoint, { ...journeyFor(endpoint, 2).answers, ...long }),
        {
          accept: 'application/json',
        },
      );
      assert.equal(reply.status, 422, endpoint.path);
      const errors = (JSON.parse(reply.body) as { errors: { field: string; message: string }[] }).errors;
      assert.ok(errors.length > 0);
      for (const error of errors) {
        assert.match(error.message, /^[A-Z][^<>]{5,200}$/, `${error.field}: a sentence`);
        assert.ok(!error.message.includes('aaaa'), `${error.field}: the message does not quote the answer`);
      }
      // Every free-text question says how long an answer may be.
      const lengthMessages = errors.filter((error) => /characters or fewer/.test(error.message));
      assert.ok(lengthMessages.length > 0, `${endpoint.path}: some question names its length limit`);
      if (endpoint.path === '/ask-for-a-call') {
        const byField = Object.fromEntries(errors.map((e) => [e.field, e.message]));
        assert.equal(byField['name'], 'Your name must be 100 characters or fewer');
        assert.equal(byField['notes'], 'What we should know must be 500 characters or fewer');
        assert.equal(byField['bestTimeDetail'], 'When to call must be 100 characters or fewer');
      }
      // The same as HTML: the page again, the answers kept, status 422.
      const page = await postForm(server.origin, endpoint.path, encode(endpoint, long));
      assert.equal(page.status, 422);
    }
  });

  test('very long header lines and URLs: a 4xx, never a 5xx', async () => {
    const header = await send(server.origin, '/', { headers: { 'x-long': 'a'.repeat(20_000) } });
    assert.equal(header.status, 431);
    const url = await send(server.origin, `/?q=${'a'.repeat(12_000)}`);
    assert.ok(url.status < 500, `long URL: ${url.status}`);
  });
});
