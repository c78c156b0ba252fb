/** src/settings.ts: every environment setting, checked once, errors that name the variable and never its value. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { test } from 'node:test';
import { readSettings, SettingsError } from '../../src/settings.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

function problems(env: Record<string, string>): string[] {
  try {
    readSettings(env);
  } catch (error) {
    assert.ok(error instanceof SettingsError);
    return error.problems;
  }
  return [];
}

test('defaults: the site runs with no settings at all', () => {
  const s = readSettings({});
  assert.equal(s.area, 'south-east-london');
  assert.deepEqual([s.server.port, s.server.host], [4321, '0.0.0.0']);
  assert.deepEqual(s.rateLimit, { posts: 20, seconds: 300 });
  assert.equal(s.queue.url, undefined, 'the file spool');
  assert.equal(s.mail.smtpUrl, undefined, 'the mailbox folder');
  assert.equal(s.mail.requireTls, false);
  assert.equal(s.fakeNow, undefined);
  assert.equal(s.logLevel, 'info');
});

test('values are converted: seconds to milliseconds, flags, lists, TLS by default in production', () => {
  const s = readSettings({
    QUEUE_MIN_BACKOFF: '0.5',
    SMTP_REQUIRE_TLS: 'true',
    MAIL_FROM: 'Team <x@example.nhs.uk>',
    TRUSTED_PROXIES: '127.0.0.1, ::ffff:10.0.0.2',
    QUEUE_URL: 'postgres://portal:pw@db.internal:5432/dsr',
    DSR_FAKE_NOW: '2026-05-25T09:00:00+01:00',
    RATE_LIMIT_SECONDS: '60',
    SPOOL_KEY: randomBytes(32).toString('base64'),
  });
  assert.equal(s.queue.minBackoffMs, 500);
  assert.equal(s.mail.requireTls, true);
  assert.equal(s.mail.fromAddress, 'x@example.nhs.uk');
  assert.deepEqual([...s.server.trustedProxies], ['127.0.0.1', '10.0.0.2']);
  assert.equal(s.queue.url, 'postgres://portal:pw@db.internal:5432/dsr');
  assert.equal(s.fakeNow?.toISOString(), '2026-05-25T08:00:00.000Z');
  assert.equal(s.rateLimit.seconds, 60);
  assert.equal(s.queue.spoolKey?.length, 32);
  assert.equal(readSettings({ NODE_ENV: 'production' }).mail.requireTls, true);
  assert.equal(readSettings({ PORT: '' }).server.port, 4321, 'empty means not set');
  assert.equal(readSettings({ DSR_TEST_FAIL_RENDER: 'pages' }).testFailRender, 'pages');
  assert.equal(readSettings({ DSR_TEST_FAIL_RENDER: 'pages', NODE_ENV: 'production' }).testFailRender, undefined);
});

test('each wrong setting is named with what it must be, and its value is never repeated', () => {
  const secret = 'hunter2-value';
  const wrong = {
    PORT: `80${secret}`,
    RATE_LIMIT_POSTS: '0',
    RATE_LIMIT_SECONDS: `soon-${secret}`,
    SMTP_URL: `http://user:${secret}@relay.example`,
    QUEUE_URL: `mysql://user:${secret}@db/x`,
    MAIL_FROM: `nobody-${secret}`,
    MAIL_TO: `not an address ${secret}`,
    SPOOL_KEY: `short-${secret}`,
    LOG_LEVEL: `loud-${secret}`,
    DSR_FAKE_NOW: '2026-03-29T09:00:00',
    PUBLIC_ORIGIN: `https://dsr.example.nhs.uk/${secret}`,
    TRUSTED_PROXIES: `proxy-${secret}`,
    QUEUE_CONCURRENCY: '99',
    DSR_AREA: `../${secret}`,
    DSR_TEST_FAIL_RENDER: `all-${secret}`,
  };
  const found = problems(wrong);
  assert.deepEqual(found.map((line) => line.split(' ')[0]).sort(), Object.keys(wrong).sort());
  for (const line of found) {
    assert.match(line, /^[A-Z_]+ must .+\.$/);
    assert.doesNotMatch(line, new RegExp(secret));
  }
  assert.ok(found.includes('RATE_LIMIT_SECONDS must be a whole number from 1 to 86400.'));
  assert.ok(found.some((line) => line.startsWith('SPOOL_KEY must be 32 bytes in base64. Make one with')));
  assert.deepEqual(problems({ QUEUE_MIN_BACKOFF: '10', QUEUE_MAX_BACKOFF: '5' }), [
    'QUEUE_MAX_BACKOFF must not be less than QUEUE_MIN_BACKOFF.',
  ]);
});

test('no module but src/settings.ts reads process.env', () => {
  const hits = execFileSync('grep', ['-rlE', 'process\\.env|process\\?\\.env', 'src', 'astro.config.mjs'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .trim()
    .split('\n');
  // src/server.ts only writes one variable, for Astro's adapter, before loading it.
  assert.deepEqual(hits.sort(), ['src/server.ts', 'src/settings.ts']);
  const server = execFileSync('grep', ['-n', 'process.env', 'src/server.ts'], { cwd: ROOT, encoding: 'utf8' });
  assert.match(server.trim(), /^\d+:process\.env\.ASTRO_NODE_AUTOSTART = 'disabled';$/);
});
