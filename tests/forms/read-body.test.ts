import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readBody } from '../../src/forms/kit/read-body.ts';

const post = (body: BodyInit | null, type: string | undefined, headers: Record<string, string> = {}) =>
  new Request('http://localhost/form', {
    method: 'POST',
    body,
    headers: { ...(type ? { 'content-type': type } : {}), ...headers },
    duplex: 'half',
  } as RequestInit);

/** A body that arrives in pieces with no Content-Length, as chunked uploads do. */
function stream(chunks: number, size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent++ < chunks) controller.enqueue(new Uint8Array(size).fill(0x61));
      else controller.close();
    },
  });
}

describe('reading a form body', () => {
  test('urlencoded, with a charset, repeated names and UTF-8', async () => {
    const result = await readBody(post('name=Si%C3%A2n&x=1&x=2', 'application/x-www-form-urlencoded; charset=UTF-8'));
    assert.deepEqual(result.ok && { ...result.values }, { name: 'Siân', x: ['1', '2'] });
    assert.equal(result.ok && result.json, false);
  });

  test('JSON', async () => {
    const result = await readBody(post('{"name":"Ada","n":1}', 'application/json'));
    assert.deepEqual(result.ok && { ...result.values }, { name: 'Ada', n: '1' });
    assert.equal(result.ok && result.json, true);
  });

  test('an empty body is no answers', async () => {
    const result = await readBody(post(null, 'application/x-www-form-urlencoded'));
    assert.deepEqual(result.ok && { ...result.values }, {});
  });

  test('other types are 415', async () => {
    for (const type of ['text/plain', 'multipart/form-data; boundary=x', undefined, 'application/jsonx']) {
      const result = await readBody(post('a=1', type));
      assert.equal(!result.ok && result.status, 415, String(type));
    }
  });

  test('broken or non-object JSON is 400', async () => {
    for (const body of ['{', '[1,2]', '"text"', 'null']) {
      const result = await readBody(post(body, 'application/json'));
      assert.equal(!result.ok && result.status, 400, body);
    }
  });

  test('a body declared too large is 413 before it is read', async () => {
    const result = await readBody(
      post('a=1', 'application/x-www-form-urlencoded', { 'content-length': String(65 * 1024) }),
      64 * 1024,
    );
    assert.equal(!result.ok && result.status, 413);
  });

  test('a body that grows past the limit with no length given is 413', async () => {
    const result = await readBody(post(stream(20, 4096), 'application/x-www-form-urlencoded'), 64 * 1024);
    assert.equal(!result.ok && result.status, 413);
    const fits = await readBody(post(stream(15, 4096), 'application/x-www-form-urlencoded'), 64 * 1024);
    assert.equal(fits.ok, true);
  });

  test("the Node adapter's own cap (an error while reading) is 413 too; other read errors are 400", async () => {
    const failing = (message: string) =>
      new ReadableStream({
        pull(controller) {
          controller.error(new Error(message));
        },
      });
    const capped = await readBody(
      post(failing('Body size limit exceeded: received more than 65536 bytes'), 'application/json'),
    );
    assert.equal(!capped.ok && capped.status, 413);
    const reset = await readBody(post(failing('aborted'), 'application/json'));
    assert.equal(!reset.ok && reset.status, 400);
  });
});
