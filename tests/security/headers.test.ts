/**
 * Security headers on every kind of response the built server gives: pages,
 * the form (200, 422, 303, JSON 201 and 422), errors (403, 404, 413, 415,
 * 429) and static files (a picture, an /_astro/ script). The CSP allows no
 * inline script that Astro has not hashed, and no response sets a cookie.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { FORM_PATHS } from '../../src/http/methods.ts';
import { listPages } from '../support/sitemap.ts';
import { encode, journeyFor } from './journeys.ts';
import {
  formEndpoints,
  freshToken,
  postForm,
  send,
  startServer,
  type FormEndpoint,
  type Reply,
  type Server,
} from './support.ts';

let server: Server;
let callback: FormEndpoint;
/** Every response checked, with what it was, for the no-cookie check at the end. */
const seen: { what: string; reply: Reply }[] = [];

before(async () => {
  server = await startServer({ env: { RATE_LIMIT_POSTS: '3', RATE_LIMIT_SECONDS: '600' } });
  const endpoints = await formEndpoints(server.origin);
  const found = endpoints.find((endpoint) => endpoint.path === '/ask-for-a-call');
  assert.ok(found, 'the callback form is on /ask-for-a-call');
  callback = found;
});
after(() => server?.stop());

/** Each test posts from its own local address, so the (small) rate limit never mixes them up. */
let nextClient = 10;
const client = () => `127.0.0.${nextClient++}`;

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

/** The headers every response must carry, whatever produced it. */
function assertCommon(what: string, reply: Reply, cache: Caching = 'no-store') {
  seen.push({ what, reply });
  const h = reply.headers;
  assert.equal(h['x-content-type-options'], 'nosniff', `${what}: nosniff`);
  assert.equal(
    h['referrer-policy'],
    'same-origin',
    `${what}: Referrer-Policy (same-origin, not no-referrer: see headers.ts)`,
  );
  assert.equal(h['cross-origin-opener-policy'], 'same-origin', `${what}: COOP`);
  assert.equal(h['x-frame-options'], 'DENY', `${what}: X-Frame-Options`);
  const permissions = String(h['permissions-policy'] ?? '');
  for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'browsing-topics=()']) {
    assert.ok(permissions.includes(feature), `${what}: Permissions-Policy turns off ${feature}`);
  }
  const csp = String(h['content-security-policy'] ?? '');
  const d = directives(csp);
  assert.deepEqual(d.get('frame-ancestors'), ["'none'"], `${what}: CSP header says frame-ancestors 'none': ${csp}`);
  assert.deepEqual(d.get('default-src'), ["'self'"], `${what}: CSP default-src 'self'`);
  assert.doesNotMatch(
    csp,
    /unsafe-inline|unsafe-eval|\*/,
    `${what}: no unsafe-inline, unsafe-eval or wildcard in the CSP`,
  );
  assert.equal(
    h['strict-transport-security'],
    undefined,
    `${what}: no HSTS over plain HTTP without an https PUBLIC_ORIGIN`,
  );
  assert.equal(h['set-cookie'], undefined, `${what}: no cookie`);
  if (cache === 'immutable')
    assert.equal(h['cache-control'], 'public, max-age=31536000, immutable', `${what}: long cache for a hashed file`);
  else assert.equal(h['cache-control'], cache, `${what}: Cache-Control ${cache}`);
  if (cache !== 'no-store') assert.match(String(h['etag']), /^(W\/)?"[\w-]+"$/, `${what}: an ETag to revalidate with`);
}

/** An HTML page: CSP from Astro with a hash for every inline script and style, and only same-origin scripts. */
function assertPage(what: string, reply: Reply, cache: Caching = 'no-store') {
  assertCommon(what, reply, cache);
  assert.match(String(reply.headers['content-type']), /^text\/html/, `${what}: HTML`);
  const d = directives(String(reply.headers['content-security-policy']));
  const scriptSrc = d.get('script-src') ?? d.get('default-src') ?? [];
  const styleSrc = d.get('style-src') ?? d.get('default-src') ?? [];
  for (const [, tag, attributes, body] of reply.body.matchAll(/<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gi)) {
    const src = /\ssrc="([^"]*)"/.exec(attributes!)?.[1];
    if (tag!.toLowerCase() === 'script' && src !== undefined) {
      assert.ok(src.startsWith('/') && !src.startsWith('//'), `${what}: script from this site only (${src})`);
      continue;
    }
    if (!body) continue;
    const hash = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
    const allowed = tag!.toLowerCase() === 'script' ? scriptSrc : styleSrc;
    assert.ok(allowed.includes(hash), `${what}: the inline ${tag} (${body.slice(0, 60)}…) is allowed by its hash`);
  }
  assert.doesNotMatch(reply.body, /\son[a-z]+="/i, `${what}: no inline event handler (the CSP would block it)`);
  assert.doesNotMatch(reply.body, /\sstyle="/i, `${what}: no style attribute (the CSP would block it)`);
  assert.doesNotMatch(reply.body, /<meta[^>]+http-equiv="set-cookie"/i, `${what}: no cookie set from a meta tag`);
}

/** Forms and answers to posts are never stored; content pages and unhashed files are revalidated; hashed files kept. */
type Caching = 'no-store' | 'no-cache' | 'immutable';

const good = (seed: number) => encode(callback, journeyFor(callback, seed).answers);

describe('headers', () => {
  test('every page in the sitemap', async () => {
    const pages = await listPages(server.origin);
    assert.ok(pages.length > 10, 'the sitemap lists the pages');
    // Content pages carry no personal data: revalidated every time, and the back/forward cache may keep them.
    for (const page of pages) {
      assertPage(`GET ${page}`, await send(server.origin, page), FORM_PATHS.includes(page) ? 'no-store' : 'no-cache');
    }
    assertCommon('GET /sitemap.xml', await send(server.origin, '/sitemap.xml'));
    assertCommon('GET /healthz', await send(server.origin, '/healthz'));
  });

  test('the callback form: page, 422, 303 and its confirmation, JSON 201 and 422', async () => {
    const from = client();
    assertPage('GET /ask-for-a-call', await send(server.origin, '/ask-for-a-call'));

    const invalid = await postForm(server.origin, '/ask-for-a-call', 'name=', {}, { localAddress: from });
    assert.equal(invalid.status, 422);
    assertPage('POST 422', invalid);

    const sent = await postForm(server.origin, '/ask-for-a-call', good(1), {}, { localAddress: from });
    assert.equal(sent.status, 303);
    assertCommon('POST 303', sent);
    const location = String(sent.headers.location);
    assert.match(
      location,
      /^\/ask-for-a-call\/sent\?ref=DSR-[2-9A-Z]{4}-[2-9A-Z]{4}(&by=\d{4}-\d{2}-\d{2})?$/,
      'the confirmation address holds nothing personal',
    );
    assertPage('GET confirmation', await send(server.origin, location));

    const json = await postForm(
      server.origin,
      '/ask-for-a-call',
      `${good(2)}`,
      { accept: 'application/json' },
      { localAddress: client() },
    );
    assert.equal(json.status, 201);
    assert.match(String(json.headers['content-type']), /^application\/json/);
    assertCommon('POST JSON 201', json);
    const bad = await send(server.origin, '/ask-for-a-call', {
      method: 'POST',
      body: JSON.stringify({ name: '' }),
      headers: { 'content-type': 'application/json', origin: server.origin },
      localAddress: client(),
    });
    assert.equal(bad.status, 422);
    assertCommon('POST JSON 422', bad);
  });

  test('errors: 403 cross-site, 404, 413 (declared and chunked), 415, 400, 429', async () => {
    const cross = await postForm(
      server.origin,
      '/ask-for-a-call',
      good(3),
      { origin: 'https://evil.example' },
      { localAddress: client() },
    );
    assert.equal(cross.status, 403);
    assertCommon('403', cross);

    const missing = await send(server.origin, '/no-such-page');
    assert.equal(missing.status, 404);
    assertPage('404', missing);

    const big = 'notes=' + 'a'.repeat(70 * 1024);
    const declared = await postForm(server.origin, '/ask-for-a-call', big, {}, { localAddress: client() });
    assert.equal(declared.status, 413);
    assertCommon('413 (Content-Length)', declared);
    const chunked = await postForm(
      server.origin,
      '/ask-for-a-call',
      big,
      {},
      { localAddress: client(), chunked: true },
    );
    assert.equal(chunked.status, 413);
    assertCommon('413 (chunked)', chunked);

    const wrongType = await send(server.origin, '/ask-for-a-call', {
      method: 'POST',
      body: '<x/>',
      headers: { 'content-type': 'application/xml', origin: server.origin },
      localAddress: client(),
    });
    assert.equal(wrongType.status, 415);
    assertCommon('415', wrongType);

    const broken = await send(server.origin, '/ask-for-a-call', {
      method: 'POST',
      body: '{"name":',
      headers: { 'content-type': 'application/json', origin: server.origin },
      localAddress: client(),
    });
    assert.equal(broken.status, 400);
    assertCommon('400', broken);

    const from = client();
    let limited: Reply | undefined;
    for (let i = 0; i < 4 && !limited; i++) {
      const reply = await postForm(server.origin, '/ask-for-a-call', 'name=', {}, { localAddress: from });
      if (reply.status === 429) limited = reply;
    }
    assert.ok(limited, 'the fourth post in the window is refused');
    assertPage('429', limited);
  });

  test('static files: a picture, an /_astro/ script, the favicon', async () => {
    const page = await send(server.origin, '/ask-for-a-call');
    const picture = /src="(\/pictures\/[^"]+\.svg)"/.exec(page.body)?.[1];
    const script = /src="(\/_astro\/[^"]+\.js)"/.exec(page.body)?.[1];
    assert.ok(picture && script, 'the form page has a picture and a bundled script');
    const pictureReply = await send(server.origin, picture);
    assert.equal(pictureReply.status, 200);
    assertCommon(`GET ${picture}`, pictureReply, 'immutable');
    const scriptReply = await send(server.origin, script);
    assert.equal(scriptReply.status, 200);
    assertCommon(`GET ${script}`, scriptReply, 'immutable');
    const favicon = await send(server.origin, '/favicon.svg');
    assert.equal(favicon.status, 200);
    assertCommon('GET /favicon.svg', favicon, 'no-cache');
  });

  test('no response set a cookie, and no cookie was ever asked for', async () => {
    assert.ok(seen.length > 20);
    assert.deepEqual(
      seen.filter(({ reply }) => reply.headers['set-cookie']).map(({ what }) => what),
      [],
    );
    // The server never reads one either: a request carrying a cookie is answered the same, and none comes back.
    const withCookie = await send(server.origin, '/ask-for-a-call', {
      headers: { cookie: 'astro-session=x; other=y' },
    });
    assert.equal(withCookie.status, 200);
    assert.equal(withCookie.headers['set-cookie'], undefined);
  });

  test("the form's hidden token is fresh on every render: nothing else could follow a visitor", async () => {
    // The hidden token is random per render, and nothing else identifies a visitor.
    const a = await freshToken(server.origin, '/ask-for-a-call');
    const b = await freshToken(server.origin, '/ask-for-a-call');
    assert.notEqual(a, b);
  });
});
