/** Start-up as src/server.ts does it, in a real child process. */
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { fixture, run } from './helpers/child.ts';
import { listDir, tempDir, testEnv } from './helpers/harness.ts';
import { freePort } from './helpers/relay.ts';

test('production with no SPOOL_KEY refuses to start, with a clear message and exit code 1', async () => {
  const dataDir = await tempDir();
  const started = run(fixture('start.ts'), { ...testEnv(dataDir), NODE_ENV: 'production' });
  const { code } = await started.exited;
  assert.equal(code, 1);
  const message = started.stderr.join('\n');
  assert.match(message, /SPOOL_KEY is not set/);
  assert.match(message, /openssl rand -base64 32/);
  assert.ok(!started.stdout.includes('STARTED'));
  assert.deepEqual(await listDir(dataDir), [], 'no key file is made in production');
});

test('development with no key creates an owner-only key file once and says so', async () => {
  const dataDir = await tempDir();
  const first = run(fixture('start.ts'), testEnv(dataDir));
  assert.equal((await first.exited).code, 0, first.stderr.join('\n'));
  const keyFile = path.join(dataDir, 'spool.key');
  assert.match(first.stdout.join('\n'), /created a development key .*spool\.key \(owner-only\)/);
  assert.equal((await stat(keyFile)).mode & 0o777, 0o600);
  const key = await readFile(keyFile, 'utf8');
  assert.equal(Buffer.from(key.trim(), 'base64').length, 32);

  const second = run(fixture('start.ts'), testEnv(dataDir));
  assert.equal((await second.exited).code, 0);
  assert.match(second.stdout.join('\n'), /using the development key/);
  assert.equal(await readFile(keyFile, 'utf8'), key);
});

test('the banner says where mail goes: the mailbox folder, or the relay without its password', async () => {
  const dataDir = await tempDir();
  const mailbox = run(fixture('start.ts'), testEnv(dataDir));
  await mailbox.exited;
  assert.ok(mailbox.stdout.some((l) => l.startsWith('Mail goes to:') && l.includes(path.join(dataDir, 'mailbox'))));

  const relay = run(fixture('start.ts'), {
    ...testEnv(dataDir),
    SMTP_URL: 'smtps://portal:s3cret-Pa55@relay.example.nhs.uk:465',
    SPOOL_KEY: Buffer.alloc(32, 1).toString('base64'),
    NODE_ENV: 'production',
  });
  assert.equal((await relay.exited).code, 0, relay.stderr.join('\n'));
  const output = [...relay.stdout, ...relay.stderr].join('\n');
  assert.match(output, /Mail goes to: SMTP relay smtps:\/\/relay\.example\.nhs\.uk:465 \(TLS\)/);
  assert.doesNotMatch(output, /s3cret-Pa55/);
});

test('bad settings stop the start with the variable named, never its value', async () => {
  const dataDir = await tempDir();
  const started = run(fixture('start.ts'), {
    ...testEnv(dataDir),
    SMTP_URL: 'http://user:hunter2-secret@relay.example',
    SPOOL_KEY: 'too-short',
  });
  assert.equal((await started.exited).code, 1);
  const message = started.stderr.join('\n');
  assert.match(message, /SMTP_URL must be smtp:\/\/user:pass@host:port/);
  assert.match(message, /SPOOL_KEY must be 32 bytes in base64/);
  assert.doesNotMatch(message, /hunter2-secret|too-short/);
});

test('with QUEUE_URL, the banner names the database without its password, and says when it cannot be reached', async () => {
  const dataDir = await tempDir();
  const port = await freePort();
  const started = run(fixture('start.ts'), {
    ...testEnv(dataDir),
    QUEUE_URL: `postgres://portal:pg-s3cret@127.0.0.1:${port}/dsr`,
  });
  assert.equal((await started.exited).code, 0, started.stderr.join('\n'));
  const output = [...started.stdout, ...started.stderr].join('\n');
  assert.match(
    output,
    new RegExp(`Mail queue: PostgreSQL 127\\.0\\.0\\.1:${port}/dsr cannot be reached yet \\(ECONNREFUSED\\)`),
  );
  assert.doesNotMatch(output, /pg-s3cret/);
});

test('a wrong QUEUE_URL stops the start, naming the variable, never its value', async () => {
  const started = run(fixture('start.ts'), { ...testEnv(await tempDir()), QUEUE_URL: 'mysql://user:pw-s3cret@db/x' });
  assert.equal((await started.exited).code, 1);
  const message = started.stderr.join('\n');
  assert.match(message, /QUEUE_URL must be postgres:\/\/user:pass@host:5432\/database/);
  assert.doesNotMatch(message, /pw-s3cret/);
});
