/**
 * The security tests' own checks, and the small pure parts of src/http, on
 * known inputs: the reflection check must catch each way escaping can fail,
 * the email header check must see an added header, and the wrapper must
 * replace what a client claims about itself.
 */
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { describe, test } from 'node:test';
import {
  CLIENT_ADDRESS_HEADER,
  clientAddress,
  isServedByWrapper,
  prepareRequest,
} from '../../src/http/client-address.ts';
import { errorFields, redactConsoleText } from '../../src/http/log.ts';
import { readSettings } from '../../src/settings.ts';
import { injectionProblems, startTags } from './html.ts';
import { mailHeaderNames } from './support.ts';

const TAGS = new Set(['html', 'body', 'input', 'textarea', 'p', 'script', 'title']);
const problems = (html: string) => injectionProblems(html, TAGS, 'qx', 1);

describe('the reflection check', () => {
  test('escaped input passes, including < inside a quoted attribute value (inert by the HTML spec)', () => {
    assert.deepEqual(
      problems('<p>&lt;script&gt;qx1&lt;/script&gt; &quot;qx2</p><input value="&quot;qx3 <script>qx4</script>">'),
      [],
    );
    assert.deepEqual(problems('<textarea>&lt;/textarea&gt;&lt;qx5&gt;</textarea><title>a &lt;b</title>'), []);
    assert.deepEqual(
      problems('<p>1 < 2 and a<=b</p><!-- <qx6> --><script type="module" src="/_astro/a.B1.js"></script>'),
      [],
    );
  });

  test('each failure of escaping is caught', () => {
    assert.notDeepEqual(
      problems('<p><script>qx1()</script></p><script src="/_astro/a.js"></script>'),
      [],
      'a second script',
    );
    assert.notDeepEqual(problems('<input value=""qx2">'), [], 'a quote breaks out of a value');
    assert.notDeepEqual(problems('<input value="" onfocus="x" autofocus x="">'), [], 'an event handler');
    assert.notDeepEqual(problems('<textarea></textarea><qx3></textarea>'), [], 'out of a text area');
    assert.notDeepEqual(problems("<input value='' onmouseover='x'>"), [], 'single quotes');
    assert.notDeepEqual(problems('<p><img src=x onerror=qx4></p>'), [], 'an image');
    assert.notDeepEqual(problems('<script src="//evil.example/x.js"></script>'), [], 'a script from elsewhere');
  });

  test('the tokenizer reads quoted values whole', () => {
    const [tag] = startTags('<input value="a > b <c>" data-x=\'y"z\' bare=1 flag>');
    assert.deepEqual(tag, {
      name: 'input',
      attributes: [
        { name: 'value', value: 'a > b <c>' },
        { name: 'data-x', value: 'y"z' },
        { name: 'bare', value: '1' },
        { name: 'flag', value: '' },
      ],
    });
  });
});

describe('the email header check', () => {
  test('sees every header line, folded lines once, and an injected one', () => {
    const good =
      'From: a@example.com\r\nSubject: Callback request\r\n DSR-7KQM-2XPT\r\nTo: b@example.com\r\n\r\nBcc: not a header, the body\r\n';
    assert.deepEqual(mailHeaderNames(good), ['from', 'subject', 'to']);
    const bad = 'From: a@example.com\r\nSubject: x\r\nBcc: evil@example.com\r\n\r\nbody';
    assert.ok(mailHeaderNames(bad).includes('bcc'));
  });
});

function fakeRequest(remote: string, headers: Record<string, string>): IncomingMessage {
  return { socket: { remoteAddress: remote }, headers: { ...headers } } as unknown as IncomingMessage;
}

describe('the client address and the public origin (src/http/client-address.ts)', () => {
  test('X-Forwarded-For counts only from a trusted proxy, and only its last entry', () => {
    const proxies = readSettings({ TRUSTED_PROXIES: '127.0.0.1, ::ffff:10.0.0.2' }).server.trustedProxies;
    assert.equal(
      clientAddress(fakeRequest('127.0.0.1', { 'x-forwarded-for': '1.1.1.1, 2.2.2.2' }), proxies),
      '2.2.2.2',
    );
    assert.equal(clientAddress(fakeRequest('::ffff:10.0.0.2', { 'x-forwarded-for': '3.3.3.3' }), proxies), '3.3.3.3');
    assert.equal(clientAddress(fakeRequest('192.0.2.9', { 'x-forwarded-for': '4.4.4.4' }), proxies), '192.0.2.9');
    assert.equal(clientAddress(fakeRequest('127.0.0.1', {}), proxies), '127.0.0.1');
  });

  test('prepareRequest replaces the client header, removes proxy headers and pins the public origin', () => {
    const req = fakeRequest('192.0.2.9', {
      host: 'evil.example',
      [CLIENT_ADDRESS_HEADER]: '10.9.9.9',
      'x-forwarded-for': '8.8.8.8',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'http',
      forwarded: 'for=8.8.8.8',
    });
    prepareRequest(req, new Set(), new URL('https://dsr.example.nhs.uk'));
    assert.equal(req.headers[CLIENT_ADDRESS_HEADER], '192.0.2.9');
    assert.equal(req.headers.host, 'dsr.example.nhs.uk');
    for (const name of ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'forwarded'])
      assert.equal(req.headers[name], undefined, name);
    assert.equal((req.socket as { encrypted?: boolean }).encrypted, true, 'Astro sees https');
    const plain = fakeRequest('192.0.2.9', { host: 'localhost:4321' });
    prepareRequest(plain, new Set(), undefined);
    assert.equal(plain.headers.host, 'localhost:4321', 'without PUBLIC_ORIGIN, Host is left alone');
    assert.equal('encrypted' in plain.socket, false);
  });

  test('PUBLIC_ORIGIN must be a bare http(s) origin', () => {
    const publicOrigin = (env: Record<string, string>) => readSettings(env).server.publicOrigin;
    assert.equal(publicOrigin({})?.href, undefined);
    assert.equal(publicOrigin({ PUBLIC_ORIGIN: 'https://dsr.example.nhs.uk' })?.origin, 'https://dsr.example.nhs.uk');
    assert.equal(publicOrigin({ PUBLIC_ORIGIN: 'https://dsr.example.nhs.uk/' })?.host, 'dsr.example.nhs.uk');
    for (const bad of ['dsr.example.nhs.uk', 'https://dsr.example.nhs.uk/forms', 'ftp://x', 'https://u:p@x']) {
      assert.throws(() => publicOrigin({ PUBLIC_ORIGIN: bad }), /PUBLIC_ORIGIN must be only a scheme and a host/, bad);
    }
  });

  test('outside the production server, the client-address header is not believed', () => {
    assert.equal(isServedByWrapper(), false);
  });
});

describe('error fields for logs (src/http/log.ts)', () => {
  test('name, code and stack frames; never the message', () => {
    const error = Object.assign(new RangeError('Ada Lovelace 07700 900123 ada@example.com'), { code: 'ERR_X' });
    const fields = errorFields(error);
    assert.equal(fields.error, 'RangeError');
    assert.equal(fields.code, 'ERR_X');
    assert.doesNotMatch(JSON.stringify(fields), /Ada|07700|example\.com/);
    const sneaky = new Error('x');
    sneaky.name = 'Ada 07700 900123';
    sneaky.stack = 'Error: Ada\n    at Ada 07700 900123 (eval at x)\n    at fn (file:///srv/app.mjs:1:2)';
    assert.doesNotMatch(JSON.stringify(errorFields(sneaky)), /Ada|07700/);
    assert.deepEqual(errorFields('a string with Ada'), { error: 'string' });
  });
});

describe('console output of the production server (src/http/log.ts)', () => {
  const secret = /Ada|Lovelace|07700|ada@example|Grace/;

  test("Astro's mid-stream report: the address without its query, the error's name and frames", () => {
    const text = redactConsoleText([
      'There was an uncaught error in the middle of the stream while rendering %s.',
      '/refer?name=Ada',
      new TypeError('Ada Lovelace 07700 900123'),
    ]);
    assert.doesNotMatch(text, secret);
    assert.match(
      text,
      /^There was an uncaught error in the middle of the stream while rendering \/refer\?… TypeError\n {4}at /,
    );
  });

  test("Astro's adapter report: first line, error names and frames only, even for a message over several lines", () => {
    const text = redactConsoleText([
      'Could not render http://127.0.0.1/refer?email=ada@example.com\nTypeError: Ada Lovelace\nstill the message: 07700 900123\n    at render (file:///srv/dist/server/chunks/a.mjs:1:2)\nCaused by: Error: Grace',
    ]);
    assert.doesNotMatch(text, secret);
    assert.equal(
      text,
      'Could not render http://127.0.0.1/refer?…\nTypeError\n    at render (file:///srv/dist/server/chunks/a.mjs:1:2)',
    );
  });

  test('ordinary lines are left alone', () => {
    const line = 'DSR portal for essex at http://localhost:4321 (request bodies up to 64 KB)';
    assert.equal(redactConsoleText([line]), line);
    assert.equal(
      redactConsoleText(['Mail queue: %s (%d waiting)', '/var/dsr/queue', 0]),
      'Mail queue: /var/dsr/queue (0 waiting)',
    );
  });
});
