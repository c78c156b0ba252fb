/**
 * Rate limiting on the built server with a small window (3 posts in 3 s): a
 * burst gets 429 and the easy-read page (the phone route, the crisis links),
 * other addresses are served normally meanwhile, and once the window has
 * passed the same address is served again.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { rateLimitKey } from '../../src/http/rate-limit.ts';
import { postForm, send, startServer, waitFor, type Reply, type Server } from './support.ts';

const POSTS = 3;
const SECONDS = 3;
let server: Server;

before(async () => {
  server = await startServer({ env: { RATE_LIMIT_POSTS: String(POSTS), RATE_LIMIT_SECONDS: String(SECONDS) } });
});
after(() => server?.stop());

const post = (from: string) => postForm(server.origin, '/ask-for-a-call', 'name=', {}, { localAddress: from });

describe('rate limiting', () => {
  test('a burst gets 429 with the easy-read page; others are unaffected; then normal service', async () => {
    const burst = '127.0.0.3';
    const replies: Reply[] = [];
    for (let i = 0; i < POSTS + 2; i++) replies.push(await post(burst));
    const limitedAt = Date.now();
    assert.deepEqual(
      replies.map((r) => r.status),
      [422, 422, 422, 429, 429],
    );

    const page = replies[POSTS]!;
    assert.match(page.body, /<h1[^>]*>Wait a few minutes<\/h1>/);
    assert.match(page.body, /Your form has not been sent/);
    assert.match(page.body, /href="tel:\+?\d+"[^>]*>[^<]*\d/, 'the phone route');
    assert.match(page.body, /href="\/crisis"/, 'the crisis lines');
    assert.match(page.body, /href="tel:999"/, 'the emergency number');
    assert.equal(page.headers['retry-after'], String(SECONDS));
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.equal(page.headers['set-cookie'], undefined);

    // Meanwhile: another address posts normally, and pages stay quick for everyone.
    assert.equal((await post('127.0.0.4')).status, 422);
    const started = performance.now();
    const home = await send(server.origin, '/');
    assert.equal(home.status, 200);
    assert.ok(performance.now() - started < 2000, 'the home page answers quickly');
    // GETs are never counted: the limited address can still read the site.
    assert.equal((await send(server.origin, '/crisis', { localAddress: burst })).status, 200);

    // After the window, the same address is served again (polled, with a deadline).
    let last = 429;
    const recovered = await waitFor(
      async () => (last = (await post(burst)).status) !== 429,
      SECONDS * 1000 + 5000,
      250,
    );
    assert.ok(recovered, `still ${last} ${SECONDS + 5} s after the burst`);
    assert.equal(last, 422, 'normal service: the answers are checked again');
    assert.ok(Date.now() - limitedAt >= SECONDS * 1000 - 1000, 'not before the window had (nearly) passed');
  });
});

describe('rate limit keys', () => {
  test('IPv4 alone, IPv4-mapped as IPv4, IPv6 by its /64', () => {
    assert.equal(rateLimitKey('203.0.113.7'), '203.0.113.7');
    assert.equal(rateLimitKey('::ffff:203.0.113.7'), '203.0.113.7');
    assert.equal(rateLimitKey('2001:db8:1:2:3:4:5:6'), '2001:db8:1:2::/64');
    assert.equal(rateLimitKey('2001:db8:1:2::9'), '2001:db8:1:2::/64');
    assert.equal(rateLimitKey('2001:0db8:0001:0002:ffff::1'), '2001:db8:1:2::/64');
    assert.equal(rateLimitKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(rateLimitKey('::1'), '0:0:0:0::/64');
    assert.equal(rateLimitKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
    assert.equal(rateLimitKey('unknown'), 'unknown');
  });
});
