/**
 * Shared by the security tests: start the built production server
 * (`node src/server.ts`, so run `npm run build` first) with its own DATA_DIR
 * and settings, talk to it byte for byte with node:http (any Host, Origin,
 * X-Forwarded-* or local address, chunked bodies, broken bodies), and find
 * the site's POST endpoints and their fields.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { HONEYPOT_FIELD } from '../../src/forms/kit/honeypot.ts';
import { FORM_PATHS } from '../../src/http/methods.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** The area with every form on (a phone callback): the forms are tested there. */
export function formArea(): string {
  const dir = path.join(ROOT, 'content/areas');
  const ids = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const withCallback = ids.find((id) => {
    const settings = parse(readFileSync(path.join(dir, id, 'area.yaml'), 'utf8')) as {
      join?: { phone?: { callback?: boolean } };
    };
    return settings?.join?.phone?.callback === true;
  });
  if (!withCallback) throw new Error('no area offers a phone callback: the form tests need one');
  return withCallback;
}

export interface Server {
  origin: string;
  port: number;
  dataDir: string;
  stdout(): string;
  stderr(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/**
 * The built server for `area` on a free port with a fresh DATA_DIR. The
 * environment is cleaned of the settings under test, so the caller's shell
 * cannot change what a test sees.
 */
export async function startServer(options: { area?: string; env?: Record<string, string> } = {}): Promise<Server> {
  if (!existsSync(path.join(ROOT, 'dist/server/entry.mjs')))
    throw new Error('the site is not built: run `npm run build` first');
  const area = options.area ?? formArea();
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'dsr-security-'));
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of [
    'PUBLIC_ORIGIN',
    'TRUSTED_PROXIES',
    'RATE_LIMIT_POSTS',
    'RATE_LIMIT_SECONDS',
    'SMTP_URL',
    'MAIL_TO',
    'NODE_ENV',
    'SPOOL_KEY',
    'LOG_LEVEL',
  ]) {
    delete env[name];
  }
  Object.assign(env, options.env, { DSR_AREA: area, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir });
  const child = spawn(process.execPath, ['src/server.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = once(child, 'exit');
  let gone = false;
  void exited.then(() => (gone = true));
  const stop = async () => {
    if (!gone) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (gone) break;
    try {
      const response = await send(origin, '/sitemap.xml');
      if (response.status === 200) return { origin, port, dataDir, stdout: () => out, stderr: () => err, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`the server did not start\n--- stdout ---\n${out}\n--- stderr ---\n${err}`);
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface SendOptions {
  method?: string;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
  /** Send the body in pieces with Transfer-Encoding: chunked and no Content-Length. */
  chunked?: boolean;
  /** The local address to connect from (any 127.x.y.z works on Linux): a second client. */
  localAddress?: string;
}

/** One request, exactly as given: no cookies, no redirects followed, no headers added but Host and length. */
export function send(origin: string, pathname: string, options: SendOptions = {}): Promise<Reply> {
  // The path is sent as it is (never resolved against the origin: `//evil.example` stays a path).
  if (!pathname.startsWith('/')) throw new Error(`send: ${pathname} is not a path`);
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | string[]> = { ...options.headers };
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    if (body && !options.chunked) headers['content-length'] = String(body.length);
    if (options.chunked) headers['transfer-encoding'] = 'chunked';
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: pathname,
        method: options.method ?? (body ? 'POST' : 'GET'),
        headers,
        localAddress: options.localAddress,
        agent: false,
        setHost: !Object.keys(headers).some((name) => name.toLowerCase() === 'host'),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.setTimeout(30_000, () => request.destroy(new Error(`${pathname}: no answer in 30 s`)));
    request.on('error', (error: NodeJS.ErrnoException) => {
      // The server may answer 413 and close before the whole body is sent.
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') return;
      reject(error);
    });
    if (body && options.chunked) {
      for (let at = 0; at < body.length; at += 8192) request.write(body.subarray(at, at + 8192));
      request.end();
    } else request.end(body);
  });
}

const FORM_TYPE = 'application/x-www-form-urlencoded';

/** A same-origin form post as a browser sends it. */
export function postForm(
  origin: string,
  pathname: string,
  fields: Record<string, string> | string,
  headers: Record<string, string> = {},
  extra: SendOptions = {},
) {
  const body = typeof fields === 'string' ? fields : new URLSearchParams(fields).toString();
  return send(origin, pathname, {
    ...extra,
    method: 'POST',
    body,
    headers: { 'content-type': FORM_TYPE, origin, ...headers },
  });
}

/** Poll until `check` is true or the deadline passes; returns whether it became true. */
export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  everyMs = 100,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Everything the queue holds or delivered, as file names: spool, parked, tokens, mailbox. */
export async function queuedFiles(dataDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const sub of ['queue/active', 'queue/parked', 'queue/tokens', 'mailbox']) {
    const dir = path.join(dataDir, sub);
    for (const name of await readdir(dir).catch(() => [] as string[])) found.push(`${sub}/${name}`);
  }
  return found.sort();
}

/** The .eml files delivered to DATA_DIR/mailbox, once the queue has written them. */
async function mailboxMessages(dataDir: string): Promise<Map<string, string>> {
  const dir = path.join(dataDir, 'mailbox');
  const messages = new Map<string, string>();
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    // Dot-files are the mailbox's half-written temporaries, renamed into place when complete.
    if (name.endsWith('.eml') && !name.startsWith('.'))
      messages.set(name.replace(/\.eml$/, ''), await readFile(path.join(dir, name), 'utf8'));
  }
  return messages;
}

/** Waits until the message with this reference is in the mailbox, and returns it. */
export async function waitForMail(dataDir: string, reference: string, timeoutMs = 15_000): Promise<string> {
  let mail: string | undefined;
  await waitFor(async () => (mail = (await mailboxMessages(dataDir)).get(reference)) !== undefined, timeoutMs);
  if (mail === undefined) throw new Error(`no mail for ${reference} within ${timeoutMs} ms`);
  return mail;
}

/** The header block of an email: header name (lower case) per line, continuation lines folded in. */
export function mailHeaderNames(raw: string): string[] {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const names: string[] = [];
  for (const line of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(line)) continue;
    const match = /^([!-9;-~]+):/.exec(line);
    names.push(match ? match[1]!.toLowerCase() : `(not a header: ${JSON.stringify(line.slice(0, 40))})`);
  }
  return names;
}

/** The headers our emails carry, and nothing else. */
export const MAIL_HEADERS = new Set([
  'content-type',
  'from',
  'to',
  'reply-to',
  'subject',
  'message-id',
  'date',
  'x-dsr-reference',
  'auto-submitted',
  'mime-version',
  'content-transfer-encoding',
]);

/** A POST endpoint of the site: its path and the names of its form's fields, read from its page. */
export interface FormEndpoint {
  path: string;
  /** Every field name in the form, in page order (radios and check boxes once), but the honeypot. */
  fields: string[];
  /** True when the form has the honeypot question. */
  honeypot: boolean;
  /** Text fields (input text/tel/email/number, textarea). */
  textFields: string[];
  /** Choice fields and their values. */
  choices: Map<string, string[]>;
  /** The hidden fields and their values, in page order (the one-time token; a check page's answers). */
  hidden: [string, string][];
  /** Submit buttons that carry a value: `confirm=yes` on a check-your-answers page. */
  buttons: [string, string][];
}

/**
 * The forms the area under test offers, of all the site's forms
 * (src/http/methods.ts): a path counts when its page answers 200 with a
 * `<form method="post">` in it.
 */
export async function formEndpoints(origin: string): Promise<FormEndpoint[]> {
  const found: FormEndpoint[] = [];
  for (const candidate of FORM_PATHS) {
    const page = await send(origin, candidate);
    if (page.status !== 200) continue;
    const form = postForms(page.body)[0];
    if (!form) continue;
    found.push(readForm(candidate, form));
  }
  return found;
}

/** The inside of every `<form method="post">` in a page. */
export function postForms(html: string): string[] {
  return [...html.matchAll(/<form\b[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/gi)].map((m) => m[1]!);
}

function attr(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag);
  return match ? decodeEntities(match[1]!) : undefined;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function readForm(pathname: string, html: string): FormEndpoint {
  const fields: string[] = [];
  const textFields: string[] = [];
  const choices = new Map<string, string[]>();
  const hidden: [string, string][] = [];
  const buttons: [string, string][] = [];
  let honeypot = false;
  for (const [tag] of html.matchAll(/<button\b[^>]*>/gi)) {
    const name = attr(tag, 'name');
    if (name && (attr(tag, 'type') ?? 'submit') === 'submit') buttons.push([name, attr(tag, 'value') ?? '']);
  }
  for (const [tag, element] of html.matchAll(/<(input|textarea|select)\b[^>]*>/gi)) {
    const name = attr(tag, 'name');
    if (!name) continue;
    if (name === HONEYPOT_FIELD) {
      honeypot = true;
      continue;
    }
    const type = (
      attr(tag, 'type') ?? (element!.toLowerCase() === 'input' ? 'text' : element!.toLowerCase())
    ).toLowerCase();
    if (type === 'hidden') {
      hidden.push([name, attr(tag, 'value') ?? '']);
      continue;
    }
    if (!fields.includes(name)) fields.push(name);
    if (type === 'radio' || type === 'checkbox')
      choices.set(name, [...(choices.get(name) ?? []), attr(tag, 'value') ?? 'on']);
    else if (type !== 'submit' && type !== 'button' && !textFields.includes(name)) textFields.push(name);
  }
  return { path: pathname, fields, honeypot, textFields, choices, hidden, buttons };
}

/** A fresh one-time token from the form's page, as a browser would have. */
export async function freshToken(origin: string, pathname: string): Promise<string> {
  const page = await send(origin, pathname);
  const token = /name="token"\s+value="([^"]+)"/.exec(page.body) ?? /value="([^"]+)"\s+name="token"/.exec(page.body);
  if (!token) throw new Error(`${pathname}: no token in the page`);
  return token[1]!;
}
