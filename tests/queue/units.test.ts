/** The small pure parts: backoff, references, sealing, pg-boss timings. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { backoffDelay } from '../../src/queue/backoff.ts';
import { CorruptFileError, open, readHeader, seal } from '../../src/queue/crypto.ts';
import { deliveryQueueOptions, jobTimings, retriesToCover } from '../../src/queue/postgres/jobs.ts';
import { isReference, newReference, normaliseReference } from '../../src/queue/reference.ts';
import { readSettings } from '../../src/settings.ts';

const header = { reference: 'DSR-2345-6789', acceptedAt: 1_790_000_000_000, channel: 'mail' };

test('backoff: Postfix defaults, 300 s doubling to the 4000 s cap', () => {
  const postfix = readSettings({}).queue;
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

test('pg-boss is set for the same promises: Postfix backoff, retries for the whole lifetime, nothing expired early', () => {
  const settings = readSettings({}).queue;
  const attemptMs = 15_000 * 5;
  const timings = jobTimings(attemptMs);
  const options = deliveryQueueOptions(settings, timings);
  assert.equal(options.retryBackoff, true);
  assert.equal(options.retryDelay, 300);
  assert.equal(options.retryDelayMax, 4000);
  // Even with the shortest waits pg-boss may choose, the retries outlast the 5-day lifetime.
  let waited = 0;
  for (let retry = 0; retry < options.retryLimit!; retry++) waited += Math.min(4000, 300 * 2 ** Math.min(16, retry));
  assert.ok(waited > settings.lifetimeMs / 1000, `${options.retryLimit} retries cover ${waited} s`);
  // Retention deletes waiting jobs: it must outlast the lifetime, the last wait and an expiry.
  assert.ok(options.retentionSeconds! > settings.lifetimeMs / 1000 + 4000 + options.expireInSeconds!);
  // An attempt still under way is never started again: expiry is well past the longest attempt.
  assert.ok(options.expireInSeconds! * 1000 >= 2 * attemptMs);
  assert.ok(timings.superviseIntervalSeconds >= 1 && timings.superviseIntervalSeconds <= 60);
  assert.equal(options.deadLetter, 'delivery-dead-letter');
  assert.equal(retriesToCover(10, 1, 1), 20);
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

test('sealed messages open with their key, and any changed byte is detected', () => {
  const key = randomBytes(32);
  fc.assert(
    fc.property(
      fc.uint8Array({ minLength: 0, maxLength: 300 }),
      fc.nat(),
      fc.integer({ min: 1, max: 255 }),
      (content, at, xor) => {
        const sealed = seal(key, header, Buffer.from(content));
        assert.deepEqual(open(key, sealed).plaintext, Buffer.from(content));
        const damaged = Buffer.from(sealed);
        const i = at % damaged.length;
        damaged[i] = damaged[i]! ^ xor;
        assert.throws(() => open(key, damaged), CorruptFileError);
      },
    ),
  );
  const sealed = seal(key, header, Buffer.from('x'));
  assert.deepEqual(readHeader(sealed).header, header);
  assert.throws(() => open(randomBytes(32), sealed), CorruptFileError);
});

test('a message sealed before channels existed is read as mail', () => {
  const key = randomBytes(32);
  const sealed = seal(key, header, Buffer.from('x'));
  const old = Buffer.from(sealed.toString('latin1').replace(',"channel":"mail"', ''), 'latin1');
  old.writeUInt16BE(old.readUInt16BE(6) - ',"channel":"mail"'.length, 6);
  assert.equal(readHeader(old).header.channel, 'mail');
});
