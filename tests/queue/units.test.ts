/** The small pure parts: backoff, references, sealing, settings. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { backoffDelay } from '../../src/queue/backoff.ts';
import { loadConfig } from '../../src/queue/config.ts';
import { CorruptFileError, open, seal } from '../../src/queue/crypto.ts';
import { isReference, newReference, normaliseReference } from '../../src/queue/reference.ts';

test('backoff: Postfix defaults, 300 s doubling to the 4000 s cap', () => {
  const postfix = loadConfig({});
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, postfix) / 1000),
    [300, 600, 1200, 2400, 4000, 4000],
  );
  assert.equal(postfix.lifetimeMs, 5 * 86_400_000);
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1000 }), (n) => {
      const d = backoffDelay(n, postfix);
      return d >= postfix.minBackoffMs && d <= postfix.maxBackoffMs && backoffDelay(n + 1, postfix) >= d;
    }),
  );
});

test('references are readable, unambiguous and survive being typed back', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    const reference = newReference();
    assert.ok(isReference(reference));
    assert.doesNotMatch(reference.slice(4), /[01ILOUV]/);
    seen.add(reference);
    assert.equal(normaliseReference(` ${reference.toLowerCase().replace(/-/g, ' ')} `), reference);
  }
  assert.equal(seen.size, 2000);
});

test('sealed files open with their key, and any changed byte is detected', () => {
  const key = randomBytes(32);
  fc.assert(
    fc.property(
      fc.uint8Array({ minLength: 0, maxLength: 300 }),
      fc.nat(),
      fc.integer({ min: 1, max: 255 }),
      (content, at, xor) => {
        const sealed = seal(key, { reference: 'DSR-2345-6789', acceptedAt: 1_790_000_000_000 }, Buffer.from(content));
        assert.deepEqual(open(key, sealed).plaintext, Buffer.from(content));
        const damaged = Buffer.from(sealed);
        const i = at % damaged.length;
        damaged[i] = damaged[i]! ^ xor;
        assert.throws(() => open(key, damaged), CorruptFileError);
      },
    ),
  );
  const sealed = seal(key, { reference: 'DSR-2345-6789', acceptedAt: 1 }, Buffer.from('x'));
  assert.throws(() => open(randomBytes(32), sealed), CorruptFileError);
});

test('settings: seconds, flags and TLS by default in production', () => {
  const c = loadConfig({ QUEUE_MIN_BACKOFF: '0.5', SMTP_REQUIRE_TLS: 'true', MAIL_FROM: 'Team <x@example.nhs.uk>' });
  assert.equal(c.minBackoffMs, 500);
  assert.equal(c.requireTls, true);
  assert.equal(c.mailFromAddress, 'x@example.nhs.uk');
  assert.equal(loadConfig({ NODE_ENV: 'production', SPOOL_KEY: randomBytes(32).toString('base64') }).requireTls, true);
  assert.equal(loadConfig({}).requireTls, false);
  assert.throws(() => loadConfig({ MAIL_FROM: 'nobody' }), /MAIL_FROM/);
  assert.throws(() => loadConfig({ QUEUE_MIN_BACKOFF: 'soon' }), /QUEUE_MIN_BACKOFF/);
  assert.throws(() => loadConfig({ SPOOL_KEY: 'short' }), /openssl rand -base64 32/);
});
