/**
 * Every request gets an answer that fits its shape, never a 5xx: 405 with
 * Allow for methods a path does not answer (pages and static files alike),
 * 400 for a malformed request. Static files come from memory in the
 * encoding the browser accepts, with Vary, an exact Content-Length and the
 * right caching. Against the built server, over raw sockets where fetch
 * cannot send the request.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import zlib from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { startAreaServer, type RunningServer } from '../support/server.ts';

let server: RunningServer;
let port: number;
before(async () => {
  server = await startAreaServer('south-east-london');
  port = Number(new URL(server.origin).port);
});
after(() => server?.stop());

/** Sends raw bytes and returns the status line and headers of the answer. */
function raw(request: string): Promise<{ status: number; headers: Map<string, string> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.destroy();
      const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
      const headers = new Map(
        lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers });
    });
    socket.on('error', reject);
    socket.setTimeout(15_000, () => reject(new Error(`no answer to ${request.split('\r\n')[0]}`)));
  });
}

const request = (method: string, target: string, extra = '') =>
  raw(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n${extra}Connection: close\r\n\r\n`);

describe('methods and shapes', () => {
  test('methods a page does not answer get 405 with Allow', async () => {
    for (const method of ['TRACE', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND', 'POST']) {
      const reply = await request(method, '/what-is-the-dsr');
      assert.equal(reply.status, 405, `${method} /what-is-the-dsr`);
      assert.equal(reply.headers.get('allow'), 'GET, HEAD', `${method} /what-is-the-dsr: Allow`);
    }
    const form = await request('DELETE', '/refer');
    assert.equal(form.status, 405);
    assert.equal(form.headers.get('allow'), 'GET, HEAD, POST', 'a form page also takes posts');
  });

  test('and so do static files', async () => {
    for (const method of ['TRACE', 'POST', 'DELETE']) {
      const reply = await request(method, '/favicon.svg');
      assert.equal(reply.status, 405, `${method} /favicon.svg`);
      assert.equal(reply.headers.get('allow'), 'GET, HEAD');
    }
  });

  test('CONNECT gets 405; malformed requests get 400', async () => {
    assert.equal((await raw('CONNECT example.org:443 HTTP/1.1\r\nHost: example.org\r\n\r\n')).status, 405);
    assert.equal(
      (await request('GET', '*')).status,
      400,
      'an asterisk is only for OPTIONS, which the site does not answer',
    );
    assert.equal((await request('GET', '/%E0%A4%A')).status, 400, 'a broken percent-encoding');
    assert.equal((await raw('HELLO\r\n\r\n')).status, 400, 'not HTTP');
    assert.equal((await raw('GET / HTTP/1.1\r\n\r\n')).status, 400, 'HTTP/1.1 without Host');
  });

  test('odd but valid requests get a page or a 404, never a 5xx', async () => {
    for (const target of [
      'http://other.example/',
      '//other.example',
      '/a%00b',
      '/..%2f..%2fetc%2fpasswd',
      `/?${'a'.repeat(6000)}`,
    ]) {
      const reply = await request('GET', target);
      assert.ok(reply.status < 500, `GET ${target.slice(0, 40)}: ${reply.status}`);
    }
  });
});

describe('static files from memory', () => {
  test('a hashed picture: brotli or gzip as accepted, exact length, Vary, a year immutable, 304 when current', async () => {
    const page = await (await fetch(`${server.origin}/what-is-the-dsr`)).text();
    const picture = /src="(\/pictures\/[^"]+\.svg)"/.exec(page)?.[1];
    assert.ok(picture, 'the page has a picture');
    const identity = await raw(`GET ${picture} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    assert.equal(identity.status, 200);
    assert.equal(identity.headers.get('content-encoding'), undefined);
    assert.equal(identity.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(identity.headers.get('vary'), 'Accept-Encoding');
    const bytes = Buffer.from(
      await (await fetch(server.origin + picture, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer(),
    );
    assert.equal(Number(identity.headers.get('content-length')), bytes.length);

    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br', 'br', zlib.brotliDecompressSync],
      ['gzip', 'gzip', zlib.gunzipSync],
    ] as const) {
      const reply = await new Promise<{ headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () =>
          socket.write(`GET ${picture} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: ${accept}\r\nConnection: close\r\n\r\n`),
        );
        const chunks: Buffer[] = [];
        socket.on('data', (chunk: Buffer) => chunks.push(chunk));
        socket.on('end', () => {
          const all = Buffer.concat(chunks);
          const end = all.indexOf('\r\n\r\n');
          const headers = Object.fromEntries(
            all
              .subarray(0, end)
              .toString('latin1')
              .split('\r\n')
              .slice(1)
              .map((line) => [
                line.slice(0, line.indexOf(':')).toLowerCase(),
                line.slice(line.indexOf(':') + 1).trim(),
              ]),
          );
          resolve({ headers, body: all.subarray(end + 4) });
        });
        socket.on('error', reject);
      });
      assert.equal(reply.headers['content-encoding'], encoding, `Accept-Encoding: ${accept}`);
      assert.equal(Number(reply.headers['content-length']), reply.body.length, 'Content-Length is the length sent');
      assert.ok(reply.body.length < bytes.length, 'the copy is smaller');
      assert.deepEqual(decode(reply.body), bytes, 'and decodes to the file');
    }

    const etag = identity.headers.get('etag');
    assert.ok(etag);
    const current = await raw(
      `GET ${picture} HTTP/1.1\r\nHost: x\r\nIf-None-Match: ${etag}\r\nConnection: close\r\n\r\n`,
    );
    assert.equal(current.status, 304);
    const head = await raw(`HEAD ${picture} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-length'), identity.headers.get('content-length'));
  });

  test('a file without a hash in its name is revalidated; a missing file is a 404 page', async () => {
    const favicon = await request('GET', '/favicon.svg');
    assert.equal(favicon.headers.get('cache-control'), 'no-cache');
    assert.ok(favicon.headers.get('etag'));
    assert.equal((await request('GET', '/_astro/missing.AbCdEfGh.js')).status, 404);
  });
});
