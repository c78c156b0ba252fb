/**
 * Property-based fuzzing (fast-check) of every POST endpoint of the built
 * server (the callback form, and the self-referral form once /refer exists)
 * with random and hostile input: control characters, CR/LF, very long text,
 * HTML and script, Unicode edge cases (lone surrogates, bidi overrides,
 * line separators), wrong content types, broken percent-encodings and
 * malformed JSON. It must never give a 5xx, never reflect input unescaped,
 * and never let input add a header to an email.
 *
 * Run counts are bounded (FUZZ_RUNS scales them) so the file takes well
 * under a minute; a failure prints fast-check's seed and path to replay it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import PostalMime from 'postal-mime';
import { HONEYPOT_FIELD } from '../../src/forms/kit/honeypot.ts';
import { injectionProblems, startTags } from './html.ts';
import { encode, journeyFor, solveJourney } from './journeys.ts';
import {
  formEndpoints,
  mailHeaderNames,
  MAIL_HEADERS,
  send,
  startServer,
  waitForMail,
  type FormEndpoint,
  type Reply,
  type Server,
} from './support.ts';

const SCALE = Number(process.env['FUZZ_RUNS'] ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));

let server: Server;
let endpoints: FormEndpoint[];
/** Per endpoint: the tag names its pages may have, and how many <script> tags at most. */
const baselines = new Map<string, { tags: Set<string>; scripts: number }>();

before(async () => {
  server = await startServer({ env: { RATE_LIMIT_POSTS: '1000000' } });
  endpoints = await formEndpoints(server.origin);
  assert.ok(
    endpoints.some((e) => e.path === '/ask-for-a-call'),
    'the callback form is found',
  );
  for (const endpoint of endpoints) {
    const pages = [
      await send(server.origin, endpoint.path),
      await post(endpoint, 'x=1', 'form'),
      await post(endpoint, encode(endpoint, journeyFor(endpoint, 1).answers).replace(/=[^&]*/g, '=%01'), 'form'),
      await post(endpoint, '%', 'form', 'application/x-www-form-urlencoded'),
      await post(endpoint, 'a=1&'.repeat(200), 'form'),
    ];
    const tags = new Set([...STRUCTURE, ...pages.flatMap((page) => startTags(page.body).map((tag) => tag.name))]);
    for (const page of pages) assert.ok(page.status < 500);
    const scripts = Math.max(...pages.map((page) => (page.body.match(/<script\b/gi) ?? []).length));
    baselines.set(endpoint.path, { tags, scripts });
  }
});
after(() => server?.stop());

// ---------------------------------------------------------------- inputs

/** The marker in every probe: found in a reply only where the input went, and never right after < " or '. */
const MARK = 'qx';

/** Probes that break out of HTML, attributes, text areas, headers and JSON if anything forgets to escape. */
const probe = fc
  .nat({ max: 9999 })
  .chain((n) =>
    fc.constantFrom(
      `<script>${MARK}${n}()</script>`,
      `<SCRIPT SRC=//evil.example/${MARK}${n}.js></SCRIPT>`,
      `"${MARK}${n}`,
      `'${MARK}${n}`,
      `" onfocus="${MARK}${n}" autofocus x="`,
      `' onmouseover='${MARK}${n}`,
      `<${MARK}${n} a=1>`,
      `</textarea><${MARK}${n}>`,
      `</title><${MARK}${n}>`,
      `<img src=x onerror=${MARK}${n}>`,
      `<!--${MARK}${n}-->`,
      `]]><${MARK}${n}/>`,
      `\r\nBcc: ${MARK}${n}@evil.example\r\n`,
      `\nSubject: ${MARK}${n}\n`,
      `\r\n\r\n<${MARK}${n}>`,
      `=?utf-8?B?${Buffer.from(`\r\nBcc: ${MARK}${n}@evil.example`).toString('base64')}?=`,
      `\u2028Reply-To: ${MARK}${n}@evil.example`,
      `{{${MARK}${n}}}`,
      `\${${MARK}${n}}`,
      `javascript:${MARK}${n}`,
    ),
  );

/** Characters that break things: controls, line ends, surrogates, bidi, zero-width, percent, HTML. */
const nasty = fc.constantFrom(
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\t',
  '\u000b',
  '\f',
  '\u001b',
  '\u007f',
  '\u0085',
  '\r',
  '\n',
  '\r\n',
  '\n\r',
  '\u2028',
  '\u2029',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\uDFFF\uD800',
  '😀',
  '👩🏽‍⚕️',
  'é',
  'é',
  '\u0301',
  '\u202E',
  '\u202D',
  '\u200B',
  '\u200D',
  '\uFEFF',
  '\uFFFD',
  '\uFFFF',
  '\u{10FFFF}',
  '\u{E0001}',
  '%',
  '%2',
  '%G1',
  '%%',
  '%00',
  '%0D%0A',
  '%E2%82',
  '%ED%A0%80',
  '+',
  '&',
  '=',
  '&amp;',
  '&#x3C;',
  '<',
  '>',
  '"',
  "'",
  '`',
  '\\',
  '/',
  '*/',
  ';',
  ':',
  '@',
  '\u0130',
  'ß',
  '\u0000\u0000',
);

/** Random text made of everything above and any Unicode, up to `max` units long. */
const text = (max: number) =>
  fc.string({
    unit: fc.oneof(
      { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
      { weight: 2, arbitrary: nasty },
      { weight: 1, arbitrary: probe },
    ),
    maxLength: max,
  });

/** Sometimes very long: thousands of characters (the body limit is 64 KB). */
const anyValue = fc.oneof(
  { weight: 8, arbitrary: text(40) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(text(5), fc.integer({ min: 100, max: 4000 }))
      .map(([t, n]) => (t || 'a').repeat(Math.ceil(n / Math.max(1, (t || 'a').length)))),
  },
  { weight: 1, arbitrary: fc.constant('') },
);

/** A field name: the form's own, a hostile one, or a prototype-polluting one. */
function fieldName(endpoint: FormEndpoint) {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...endpoint.fields) },
    { weight: 1, arbitrary: text(12) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '__proto__',
        'constructor',
        'prototype',
        'toString',
        'hasOwnProperty',
        'token',
        HONEYPOT_FIELD,
        '',
        '[]',
        'a[b]',
      ),
    },
  );
}

/** A whole submission: the form's fields with random values, repeated names, hostile extras. */
function submission(endpoint: FormEndpoint) {
  return fc.array(fc.tuple(fieldName(endpoint), anyValue), { maxLength: 14 });
}

/**
 * Urlencoded by hand: percent-encode UTF-16 code units as WTF-8, so lone
 * surrogates are sent as the (invalid) bytes a broken client would send,
 * and sometimes leave raw characters and broken escapes in.
 */
function urlencode(pairs: [string, string][], raw: boolean): string {
  const enc = (value: string) => {
    if (raw) return value.replace(/[&=]/g, (c) => encodeURIComponent(c));
    let out = '';
    for (const char of value) {
      const code = char.codePointAt(0)!;
      if (code >= 0xd800 && code <= 0xdfff)
        out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join('');
      else out += encodeURIComponent(char);
    }
    return out;
  };
  return pairs.map(([name, value]) => `${enc(name)}=${enc(value)}`).join('&');
}

// ---------------------------------------------------------------- checks

/** 200 and 409 are a form's check-your-answers page (HTML and JSON); the rest are the form replies. */
const ALLOWED_STATUSES = new Set([200, 201, 303, 400, 405, 409, 413, 415, 422]);

/**
 * Elements a page may have besides those on its form's first pages (a check
 * page lists answers): none can run anything. Input that escaped would show
 * up as the marker's own tag or attribute, or an event handler.
 */
const STRUCTURE = [
  'a',
  'b',
  'br',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'em',
  'fieldset',
  'h1',
  'h2',
  'h3',
  'h4',
  'legend',
  'li',
  'ol',
  'p',
  'section',
  'span',
  'strong',
  'summary',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
  'button',
  'input',
  'label',
  'form',
  'img',
];

/** Never a 5xx; never input reflected unescaped in HTML; JSON is JSON. */
function checkReply(endpoint: FormEndpoint, reply: Reply, what: string) {
  assert.ok(reply.status < 500, `${what}: ${reply.status}\n${reply.body.slice(0, 500)}`);
  assert.ok(ALLOWED_STATUSES.has(reply.status), `${what}: unexpected status ${reply.status}`);
  assert.equal(reply.headers['x-content-type-options'], 'nosniff');
  assert.equal(reply.headers['cache-control'], 'no-store', `${what}: no-store`);
  assert.equal(reply.headers['set-cookie'], undefined);
  const type = String(reply.headers['content-type'] ?? '');
  if (reply.status === 303) {
    assert.match(
      String(reply.headers.location),
      /^\/[a-z/-]+\?ref=DSR-[2-9A-Z]{4}-[2-9A-Z]{4}(&[a-z]+=[\w-]+)*$/,
      `${what}: Location`,
    );
    return;
  }
  if (type.startsWith('application/json')) {
    const parsed = JSON.parse(reply.body) as Record<string, unknown>;
    assert.equal(typeof parsed, 'object');
    assert.doesNotMatch(reply.body, new RegExp(`${MARK}\\d`), `${what}: JSON replies never echo input`);
    return;
  }
  if (reply.body === '') return;
  assert.match(type, /^text\/(html|plain)/, `${what}: content type ${type}`);
  const baseline = baselines.get(endpoint.path)!;
  assert.deepEqual(
    injectionProblems(reply.body, baseline.tags, MARK, baseline.scripts),
    [],
    `${what}: input reflected unescaped`,
  );
}

/** The tags our emails use. */
const MAIL_TAGS = new Set(['html', 'head', 'meta', 'title', 'body', 'h1', 'h2', 'table', 'tr', 'th', 'td', 'br', 'p']);

function post(
  endpoint: FormEndpoint,
  body: string | Buffer,
  accept: 'form' | 'json',
  type = 'application/x-www-form-urlencoded',
  method = 'POST',
) {
  const headers: Record<string, string> = { origin: server.origin };
  if (type) headers['content-type'] = type;
  if (accept === 'json') headers['accept'] = 'application/json';
  return send(server.origin, endpoint.path, { method, body, headers });
}

// ---------------------------------------------------------------- properties

describe('fuzzing every POST endpoint', () => {
  test('random and hostile answers (urlencoded, as HTML and JSON clients)', async () => {
    for (const endpoint of endpoints) {
      await fc.assert(
        fc.asyncProperty(
          submission(endpoint),
          fc.boolean(),
          fc.constantFrom('form', 'json') as fc.Arbitrary<'form' | 'json'>,
          async (pairs, raw, accept) => {
            const body = urlencode(pairs, raw);
            const reply = await post(endpoint, body, accept);
            checkReply(endpoint, reply, `${endpoint.path} ${accept} ${JSON.stringify(body.slice(0, 200))}`);
          },
        ),
        { numRuns: runs(150) },
      );
    }
  });

  test('the same answers as JSON, and malformed JSON', async () => {
    for (const endpoint of endpoints) {
      const json = fc.oneof(
        submission(endpoint).map((pairs) => JSON.stringify(Object.fromEntries(pairs))),
        fc
          .dictionary(
            fieldName(endpoint),
            fc.oneof(anyValue, fc.array(anyValue, { maxLength: 3 }), fc.jsonValue({ maxDepth: 3 })),
          )
          .map((o) => JSON.stringify(o)),
        fc.json({ maxDepth: 4 }),
        submission(endpoint).chain((pairs) => {
          const good = JSON.stringify(Object.fromEntries(pairs));
          return fc.nat({ max: Math.max(0, good.length - 1) }).map((cut) => good.slice(0, cut));
        }),
        fc.integer({ min: 1, max: 20_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
        fc.integer({ min: 1, max: 5_000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
        fc.constantFrom(
          '',
          'null',
          'true',
          '1',
          '"x"',
          '[]',
          '{',
          '{"name":"\\ud800"}',
          '{"__proto__":{"polluted":"yes"}}',
          '{"name":"a","name":"b"}',
          '\uFEFF{}',
          '{"a":1}garbage',
        ),
      );
      await fc.assert(
        fc.asyncProperty(
          json,
          fc.constantFrom('form', 'json') as fc.Arbitrary<'form' | 'json'>,
          async (body, accept) => {
            const reply = await post(endpoint, body, accept, 'application/json');
            checkReply(endpoint, reply, `${endpoint.path} JSON ${JSON.stringify(body.slice(0, 200))}`);
          },
        ),
        { numRuns: runs(120) },
      );
    }
    // Nothing was polluted: the server still answers normally.
    assert.equal((await send(server.origin, '/ask-for-a-call')).status, 200);
  });

  test('wrong content types, wrong methods and random bytes', async () => {
    const types = fc.constantFrom(
      '',
      'text/plain',
      'text/html',
      'application/xml',
      'multipart/form-data; boundary=xyz',
      'multipart/form-data',
      'application/x-www-form-urlencoded; charset=utf-16',
      'application/x-www-form-urlencoded; charset=iso-8859-1',
      'APPLICATION/X-WWW-FORM-URLENCODED',
      'application/json; charset=utf-8',
      'application/jsonx',
      'image/png',
      ';;;',
      'application/octet-stream',
    );
    const bodies = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
      text(200),
      fc.constant('--xyz\r\nContent-Disposition: form-data; name="name"\r\n\r\nAda\r\n--xyz--\r\n'),
      fc.constantFrom('%', '%%', '%G1=%ZZ', 'name=%E2%82', 'name=%ED%A0%80', 'name=%C0%BC', '=&=&==', '&&&&', 'name'),
    );
    for (const endpoint of endpoints) {
      await fc.assert(
        fc.asyncProperty(
          bodies,
          types,
          fc.constantFrom('POST', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE'),
          fc.constantFrom('form', 'json') as fc.Arbitrary<'form' | 'json'>,
          async (body, type, method, accept) => {
            const reply = await post(endpoint, body, accept, type, method);
            checkReply(
              endpoint,
              reply,
              `${endpoint.path} ${method} ${type} ${JSON.stringify(String(body).slice(0, 100))}`,
            );
          },
        ),
        { numRuns: runs(120) },
      );
    }
  });

  test('hostile answers that are accepted and queued never add an email header, and are escaped in the email', async (t) => {
    let queued = 0;
    for (const endpoint of endpoints) {
      const journey = await solveJourney(server.origin, endpoint, 7);
      const base = { ...journey.answers, confirm: 'yes' };
      const sent: { reference: string; values: string[] }[] = [];
      // Free-text questions take almost anything, so hostile text gets through to the email there.
      const freeText = endpoint.textFields.filter(
        (field) => !/name|phone|tel|email|day$|month$|year$|postcode|nhs/i.test(field),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            { weight: 4, arbitrary: fc.subarray(freeText.length ? freeText : endpoint.textFields, { minLength: 1 }) },
            { weight: 1, arbitrary: fc.subarray(endpoint.textFields, { minLength: 1 }) },
          ),
          fc.array(fc.oneof(probe, text(60)), { minLength: 1, maxLength: 4 }),
          async (fields, pieces) => {
            const hostile = Object.fromEntries(fields.map((field, i) => [field, pieces[i % pieces.length]!]));
            const body = urlencode(Object.entries({ ...base, ...hostile }) as [string, string][], false);
            const reply = await post(endpoint, body, 'json');
            checkReply(endpoint, reply, `${endpoint.path} queued ${JSON.stringify(hostile).slice(0, 200)}`);
            if (reply.status === 201)
              sent.push({
                reference: (JSON.parse(reply.body) as { reference: string }).reference,
                values: Object.values(hostile),
              });
          },
        ),
        { numRuns: runs(60) },
      );
      // Free-text questions take (almost) anything: some of these must have been queued.
      if (journey.solved)
        assert.ok(sent.length > 5, `${endpoint.path}: only ${sent.length} hostile requests were accepted`);
      else t.diagnostic(`${endpoint.path}: no accepted answers found, so no hostile request reached the queue`);
      for (const { reference, values } of sent) {
        const raw = await waitForMail(server.dataDir, reference);
        const names = mailHeaderNames(raw);
        assert.deepEqual(
          names.filter((name) => !MAIL_HEADERS.has(name)),
          [],
          `${reference}: only our headers (${values.map((v) => JSON.stringify(v)).join(', ')})`,
        );
        assert.equal(new Set(names).size, names.length, `${reference}: no header twice`);
        const head = raw.split(/\r\n\r\n/, 1)[0]!;
        assert.doesNotMatch(head, new RegExp(`${MARK}\\d|evil\\.example`), `${reference}: input in a header`);
        const mail = await PostalMime.parse(raw);
        assert.ok((mail.subject ?? '').includes(reference), `${reference}: the subject names the reference`);
        for (const value of values) {
          const words = value.match(/[\p{L}\p{N}]{6,}/gu) ?? [];
          for (const word of words)
            assert.ok(!(mail.subject ?? '').includes(word), `${reference}: the subject quotes an answer (${word})`);
        }
        assert.equal(mail.bcc, undefined);
        assert.equal(mail.cc, undefined);
        const html = mail.html ?? '';
        assert.ok(html.length > 0);
        assert.deepEqual(
          injectionProblems(html, MAIL_TAGS, MARK, 0),
          [],
          `${reference}: input unescaped in the email's HTML`,
        );
        assert.doesNotMatch(html, /<script/i, `${reference}: no script in the email`);
      }
      queued += sent.length;
    }
    t.diagnostic(`${queued} hostile submissions were queued and their emails checked`);
  });

  test('confirmation pages and addresses with broken encodings: never a 5xx, never reflected', async () => {
    const others = [
      await send(server.origin, '/ask-for-a-call/sent?ref=DSR-7KQM-2XPT'),
      await send(server.origin, '/no-such-page'),
    ];
    const pageTags = new Set(
      [...baselines.values()]
        .flatMap((b) => [...b.tags])
        .concat(others.flatMap((page) => startTags(page.body).map((tag) => tag.name))),
    );
    const scriptsAtMost = Math.max(...[...baselines.values()].map((b) => b.scripts));
    const paths = fc.oneof(
      text(40).map((t) => `/ask-for-a-call/sent?ref=${urlencode([['', t]], true).slice(1)}`),
      text(40).map(
        (t) => `/ask-for-a-call/sent?ref=DSR-7KQM-2XPT&by=${encodeURIComponent(t.replace(/[\uD800-\uDFFF]/g, ''))}`,
      ),
      fc.constantFrom(
        '/%',
        '/%E2%82',
        '/%ED%A0%80',
        '/ask-for-a-call/%2e%2e/%2e%2e/etc/passwd',
        '/..%2f..%2f',
        '/%00',
        '/ask-for-a-call?%',
        '//evil.example',
        '/\\evil.example',
      ),
    );
    await fc.assert(
      fc.asyncProperty(paths, async (path) => {
        const safe = path.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c.replace(/[\uD800-\uDFFF]/g, '\uFFFD')));
        const reply = await send(server.origin, safe);
        assert.ok(reply.status < 500, `${safe}: ${reply.status}`);
        assert.deepEqual(injectionProblems(reply.body, pageTags, MARK, scriptsAtMost), [], `${safe}: reflected`);
      }),
      { numRuns: runs(80) },
    );
  });
});
