/**
 * Behind a proxy that terminates TLS: the built server started with
 * PUBLIC_ORIGIN=https://dsr.example.nhs.uk and TRUSTED_PROXIES=127.0.0.1.
 * This test plays the proxy (connecting from 127.0.0.1 with the headers
 * nginx or Caddy send) and, from 127.0.0.2, a client that reaches the app
 * directly and lies in its headers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { encode, journeyFor } from './journeys.ts';
import { formEndpoints, postForm, queuedFiles, send, startServer, type FormEndpoint, type Server } from './support.ts';

const PUBLIC = 'https://dsr.example.nhs.uk';
const PROXY = '127.0.0.1';
const STRANGER = '127.0.0.2';

let server: Server;
let callback: FormEndpoint;

before(async () => {
  server = await startServer({
    env: { PUBLIC_ORIGIN: PUBLIC, TRUSTED_PROXIES: PROXY, RATE_LIMIT_POSTS: '3', RATE_LIMIT_SECONDS: '600' },
  });
  callback = (await formEndpoints(server.origin)).find((endpoint) => endpoint.path === '/ask-for-a-call')!;
  assert.ok(callback);
});
after(() => server?.stop());

/** What the proxy adds to a browser's request from `client`. */
function viaProxy(client: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    host: 'dsr.example.nhs.uk',
    'x-forwarded-proto': 'https',
    'x-forwarded-host': 'dsr.example.nhs.uk',
    'x-forwarded-for': client,
    origin: PUBLIC,
    ...extra,
  };
}

const good = (seed: number) => encode(callback, journeyFor(callback, seed).answers);

describe('behind a TLS proxy', () => {
  test('a form post from the public origin, as the proxy passes it, is accepted', async () => {
    const reply = await postForm(server.origin, '/ask-for-a-call', good(11), viaProxy('198.51.100.1'), {
      localAddress: PROXY,
    });
    assert.equal(reply.status, 303, reply.body.slice(0, 300));
    assert.match(String(reply.headers.location), /^\/ask-for-a-call\/sent\?ref=DSR-/);
    assert.equal(
      reply.headers['strict-transport-security'],
      'max-age=31536000; includeSubDomains',
      'HSTS when the public origin is https',
    );
    // A proxy that keeps its own Host (proxy_pass without proxy_set_header Host) works too.
    const keptHost = await postForm(
      server.origin,
      '/ask-for-a-call',
      good(12),
      viaProxy('198.51.100.2', { host: `127.0.0.1:${server.port}` }),
      {
        localAddress: PROXY,
      },
    );
    assert.equal(keptHost.status, 303);
    // And the enhancer's JSON post.
    const json = await postForm(
      server.origin,
      '/ask-for-a-call',
      good(13),
      viaProxy('198.51.100.3', { accept: 'application/json' }),
      {
        localAddress: PROXY,
      },
    );
    assert.equal(json.status, 201);
    assert.ok((await queuedFiles(server.dataDir)).length > 0, 'the accepted posts were queued');
  });

  test('cross-site posts are refused: another site, plain http, null, none', async () => {
    for (const origin of [
      'https://evil.example',
      'http://dsr.example.nhs.uk',
      'https://dsr.example.nhs.uk.evil.example',
      'null',
      `http://127.0.0.1:${server.port}`,
    ]) {
      const reply = await postForm(server.origin, '/ask-for-a-call', good(20), viaProxy('198.51.100.4', { origin }), {
        localAddress: PROXY,
      });
      assert.equal(reply.status, 403, `Origin: ${origin}`);
    }
    const { origin: _, ...noOrigin } = viaProxy('198.51.100.4');
    const none = await send(server.origin, '/ask-for-a-call', {
      method: 'POST',
      body: good(21),
      headers: { ...noOrigin, 'content-type': 'application/x-www-form-urlencoded' },
      localAddress: PROXY,
    });
    assert.equal(none.status, 403, 'no Origin at all');
    // A client that reaches the app directly cannot pick its own host to match its Origin.
    const spoofed = await postForm(
      server.origin,
      '/ask-for-a-call',
      good(22),
      { host: 'evil.example', origin: 'http://evil.example' },
      { localAddress: STRANGER },
    );
    assert.equal(spoofed.status, 403, 'Host and Origin both made up');
  });

  test('pages and the sitemap name the public origin, whatever Host says', async () => {
    const sitemap = await send(server.origin, '/sitemap.xml', { headers: { host: 'evil.example' } });
    assert.equal(sitemap.status, 200);
    const locs = [...sitemap.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    assert.ok(locs.length > 10);
    for (const loc of locs) assert.ok(loc.startsWith(`${PUBLIC}/`), loc);
    const page = await send(server.origin, '/', { headers: viaProxy('198.51.100.5') });
    assert.equal(page.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains');
  });

  test('rate limiting counts the forwarded client when the proxy is trusted', async () => {
    const post = (client: string, forwardedFor = client) =>
      postForm(server.origin, '/ask-for-a-call', 'name=', viaProxy(client, { 'x-forwarded-for': forwardedFor }), {
        localAddress: PROXY,
      });
    for (let i = 0; i < 3; i++) assert.equal((await post('198.51.100.30')).status, 422, `post ${i + 1} of 3`);
    assert.equal((await post('198.51.100.30')).status, 429, 'the fourth post is refused');
    // A client that writes its own X-Forwarded-For: the proxy appends the real address, and only that counts.
    assert.equal((await post('198.51.100.30', '203.0.113.99, 198.51.100.30')).status, 429);
    // Another family behind the same proxy is not affected.
    assert.equal((await post('198.51.100.31')).status, 422);
  });

  test('from a peer that is not a trusted proxy, X-Forwarded-For and the app header are ignored', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const reply = await postForm(
        server.origin,
        '/ask-for-a-call',
        'name=',
        {
          host: 'dsr.example.nhs.uk',
          origin: PUBLIC,
          'x-forwarded-for': `203.0.113.${i + 1}`,
          'x-dsr-client-address': `192.0.2.${i + 1}`,
        },
        { localAddress: STRANGER },
      );
      statuses.push(reply.status);
    }
    assert.deepEqual(statuses, [422, 422, 422, 429, 429], 'counted by its own address, whatever it claims');
  });
});
