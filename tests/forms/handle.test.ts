import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { callbackForm } from '../../src/forms/callback/schema.ts';
import { handleFormPost, type Submission, type Submitted } from '../../src/forms/kit/post.ts';
import type { CallbackAnswers } from '../../src/forms/callback/schema.ts';

const good = 'token=abcdefghijklmnopqrstuvwxyz&name=Ada&phone=07700+900982&voicemail=yes&bestTime=any&about=me';
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const jsonAccept = { ...form, accept: 'application/json' };
const browser = { ...form, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

const request = (body: string, headers: Record<string, string>) =>
  new Request('http://localhost/ask-for-a-call', { method: 'POST', body, headers });

function recorder(
  result: Submitted | Error = { reference: 'DSR-7KQM-2XPT', confirmation: '/ask-for-a-call/sent?ref=DSR-7KQM-2XPT' },
) {
  const seen: Submission<CallbackAnswers>[] = [];
  const submit = async (submission: Submission<CallbackAnswers>) => {
    seen.push(submission);
    if (result instanceof Error) throw result;
    return result;
  };
  return { seen, submit };
}

describe('a form POST', () => {
  test("a browser's good answers: queued with the form's token, then 303 to the confirmation, not cached", async () => {
    const { seen, submit } = recorder();
    const outcome = await handleFormPost(request(good, browser), callbackForm, submit);
    assert.equal(outcome.kind, 'response');
    if (outcome.kind !== 'response') return;
    assert.equal(outcome.response.status, 303);
    assert.equal(outcome.response.headers.get('location'), '/ask-for-a-call/sent?ref=DSR-7KQM-2XPT');
    assert.equal(outcome.response.headers.get('cache-control'), 'no-store');
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.token, 'abcdefghijklmnopqrstuvwxyz');
    assert.equal(seen[0]!.data.name, 'Ada');
  });

  test('the enhancer or a JSON client: 201 with the reference and the confirmation address', async () => {
    const { submit } = recorder();
    for (const [body, headers] of [
      [good, jsonAccept],
      [JSON.stringify(Object.fromEntries(new URLSearchParams(good))), { 'content-type': 'application/json' }],
    ] as const) {
      const outcome = await handleFormPost(request(body, headers), callbackForm, submit);
      assert.equal(outcome.kind === 'response' && outcome.response.status, 201);
      if (outcome.kind !== 'response') return;
      assert.deepEqual(await outcome.response.json(), {
        reference: 'DSR-7KQM-2XPT',
        confirmation: '/ask-for-a-call/sent?ref=DSR-7KQM-2XPT',
      });
    }
  });

  test("a browser's bad answers: shown again with 422, every answer kept, nothing queued", async () => {
    const { seen, submit } = recorder();
    const outcome = await handleFormPost(
      request('token=abcdefghijklmnopqrstuvwxyz&name=&phone=12&notes=%3Cb%3E', browser),
      callbackForm,
      submit,
    );
    assert.equal(outcome.kind, 'invalid');
    if (outcome.kind !== 'invalid') return;
    assert.equal(outcome.status, 422);
    assert.deepEqual(Object.keys(outcome.errors), ['name', 'phone', 'voicemail', 'bestTime', 'about']);
    assert.equal(outcome.values['notes'], '<b>');
    assert.equal(outcome.values['token'], 'abcdefghijklmnopqrstuvwxyz');
    assert.equal(seen.length, 0);
  });

  test('JSON bad answers: 422 with the errors in question order', async () => {
    const { submit } = recorder();
    const outcome = await handleFormPost(
      request('{"name":"Ada"}', { 'content-type': 'application/json' }),
      callbackForm,
      submit,
    );
    assert.equal(outcome.kind === 'response' && outcome.response.status, 422);
    if (outcome.kind !== 'response') return;
    const body = (await outcome.response.json()) as { errors: { field: string; message: string }[] };
    assert.deepEqual(
      body.errors.map((e) => e.field),
      ['phone', 'voicemail', 'bestTime', 'about'],
    );
    assert.equal(body.errors[0]!.message, 'Enter your phone number');
  });

  test('a client with no token (or a malformed one) still gets a fresh one for the queue', async () => {
    const { seen, submit } = recorder();
    await handleFormPost(
      request(good.replace('token=abcdefghijklmnopqrstuvwxyz', 'token=%3Cx%3E'), browser),
      callbackForm,
      submit,
    );
    assert.match(seen[0]!.token, /^[A-Za-z0-9_-]{32}$/);
  });

  test('the queue failing: nothing sent, answers kept, 503 (never a 500)', async () => {
    const { submit } = recorder(new Error('the spool is full'));
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const outcome = await handleFormPost(request(good, browser), callbackForm, submit);
      assert.equal(outcome.kind, 'problem');
      if (outcome.kind !== 'problem') return;
      assert.equal(outcome.status, 503);
      assert.equal(outcome.values['name'], 'Ada');
      const json = await handleFormPost(request(good, jsonAccept), callbackForm, submit);
      assert.equal(json.kind === 'response' && json.response.status, 503);
    } finally {
      console.error = original;
    }
    assert.doesNotMatch(JSON.stringify(errors), /Ada|07700/, 'the log never holds the answers');
  });

  test('unreadable bodies: 415 for other types, 400 for broken JSON, as JSON to JSON clients', async () => {
    const { seen, submit } = recorder();
    const plain = await handleFormPost(request('x', { 'content-type': 'text/plain' }), callbackForm, submit);
    assert.equal(plain.kind === 'response' && plain.response.status, 415);
    const broken = await handleFormPost(request('{', { 'content-type': 'application/json' }), callbackForm, submit);
    assert.equal(broken.kind === 'response' && broken.response.status, 400);
    assert.equal(seen.length, 0);
  });
});
