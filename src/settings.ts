/**
 * Every setting the portal takes from the environment, checked once with
 * valibot. No other module reads `process.env`: each takes what it needs
 * from `settings()`.
 *
 * Contract: an error names the variable and says what it must be, never its
 * value (SMTP_URL and QUEUE_URL hold passwords). An empty variable counts as
 * not set, as in most shells' `VAR= command`.
 */
import { isIP } from 'node:net';
import path from 'node:path';
import addressparser from 'nodemailer/lib/addressparser';
import * as v from 'valibot';
import { DEFAULT_AREA } from './area/default.ts';

export interface ServerSettings {
  port: number;
  host: string;
  /** The address people use (behind a TLS proxy); every request is treated as made to it. */
  publicOrigin: URL | undefined;
  /** Proxies whose X-Forwarded-For is believed. */
  trustedProxies: Set<string>;
}

/** The mail channel's settings. */
export interface MailSettings {
  /** smtp:// or smtps://; undefined delivers into `mailboxDir` as .eml files. */
  smtpUrl: string | undefined;
  requireTls: boolean;
  /** Connection and greeting timeout; the idle socket timeout is three times it. */
  timeoutMs: number;
  /** The fixed From header; visitors' addresses only ever go in Reply-To. */
  from: string;
  fromAddress: string;
  /** Overrides the mailbox a form gives. */
  to: string | undefined;
  mailboxDir: string;
  /** Most relay connections open at once: the queue's delivery concurrency. */
  connections: number;
}

export interface QueueSettings {
  production: boolean;
  /** Absolute; the file spool, its ledger and the development key live here. */
  dataDir: string;
  /** postgres://… selects the PostgreSQL queue; undefined, the file spool in `dataDir`. */
  url: string | undefined;
  /** 32 bytes, or undefined for the development key file. */
  spoolKey: Buffer | undefined;
  minBackoffMs: number;
  maxBackoffMs: number;
  lifetimeMs: number;
  /** Deliveries at once, per instance. */
  concurrency: number;
  /** File spool: how often the folder is read again, to pick up `queue retry`. */
  scanIntervalMs: number;
  /** PostgreSQL: how often an instance asks for due work (retries, other instances' work). */
  pollIntervalMs: number;
  /** PostgreSQL: connections per instance. */
  dbConnections: number;
  ledgerRetentionDays: number;
  /** /healthz answers 503 once delivery has been failing this long. */
  healthThresholdMs: number;
}

export interface Settings {
  production: boolean;
  /** A folder name in content/areas/. */
  area: string;
  server: ServerSettings;
  rateLimit: { posts: number; seconds: number };
  logLevel: string;
  /** DSR_FAKE_NOW: a fixed clock for trying opening hours and reply dates. */
  fakeNow: Date | undefined;
  /**
   * DSR_FAKE_NOW_FILE, for tests that step the clock of a running server: a
   * file holding an ISO instant, read at every look at the clock. Always
   * undefined in production.
   */
  fakeNowFile: string | undefined;
  /** DSR_TEST_FAIL_RENDER, for tests of the 500 pages; always undefined in production. */
  testFailRender: 'pages' | 'everything' | undefined;
  /** DAILY_COUNT_CHECK_INTERVAL: how often the clock is read for the daily count's send time. */
  dailyCountCheckMs: number;
  queue: QueueSettings;
  mail: MailSettings;
}

/** Bad settings: `problems` has one line per variable. */
export class SettingsError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'SettingsError';
    this.problems = problems;
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const KEY_HELP = 'Make one with `openssl rand -base64 32` and set SPOOL_KEY to it.';

const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;

/** A schema for one variable; `must` finishes the sentence "NAME must …". */
const text = (must: string, ok: (value: string) => boolean = () => true) =>
  v.pipe(v.string(), v.trim(), v.check(ok, must));
const whole = (fallback: number, min: number, max: number) =>
  v.optional(
    v.pipe(
      text(`be a whole number from ${min} to ${max}`, (s) => /^\d+$/.test(s)),
      v.transform(Number),
      v.check((n) => n >= min && n <= max, `be a whole number from ${min} to ${max}`),
    ),
    String(fallback),
  );
const seconds = (fallback: number) =>
  v.optional(
    v.pipe(
      text('be a number of seconds, like 300 or 0.5', (s) => /^\d+(\.\d+)?$/.test(s) && Number(s) >= 0.001),
      v.transform(Number),
    ),
    String(fallback),
  );
const flag = v.optional(text('be true or false', (s) => ['true', 'false', '1', '0', 'yes', 'no'].includes(s)));
const urlWith = (schemes: RegExp, must: string) =>
  v.optional(
    text(must, (s) => {
      try {
        return schemes.test(new URL(s).protocol);
      } catch {
        return false;
      }
    }),
  );

const EnvSchema = v.object({
  NODE_ENV: v.optional(v.string()),
  DSR_AREA: v.optional(
    text('be a folder name in content/areas, like south-east-london', (s) => /^[a-z0-9][a-z0-9-]*$/.test(s)),
    DEFAULT_AREA,
  ),
  PORT: whole(4321, 1, 65535),
  HOST: v.optional(text('be a host name or address to listen on'), '0.0.0.0'),
  PUBLIC_ORIGIN: v.optional(
    text('be only a scheme and a host, for example https://dsr.example.nhs.uk', (s) => parseOrigin(s) !== undefined),
  ),
  TRUSTED_PROXIES: v.optional(
    text('be IP addresses separated by commas, like 127.0.0.1,::1', (s) =>
      s.split(',').every((part) => isIP(normaliseAddress(part.trim())) !== 0),
    ),
  ),
  RATE_LIMIT_POSTS: whole(20, 1, 1_000_000_000),
  RATE_LIMIT_SECONDS: whole(300, 1, 86_400),
  LOG_LEVEL: v.optional(
    text(`be one of ${LOG_LEVELS.join(', ')}`, (s) => (LOG_LEVELS as readonly string[]).includes(s)),
    'info',
  ),
  DSR_FAKE_NOW: v.optional(
    text('be an ISO instant with a zone, like 2026-05-25T09:00:00Z', (s) => INSTANT.test(s) && !isNaN(Date.parse(s))),
  ),
  DSR_FAKE_NOW_FILE: v.optional(text('be a file', (s) => s.length > 0)),
  DSR_TEST_FAIL_RENDER: v.optional(v.picklist(['pages', 'everything'], 'be pages or everything')),
  DATA_DIR: v.optional(
    text('be a folder', (s) => s.length > 0),
    './var',
  ),
  SMTP_URL: urlWith(/^smtps?:$/, 'be smtp://user:pass@host:port or smtps://user:pass@host:port'),
  SMTP_REQUIRE_TLS: flag,
  SMTP_TIMEOUT: seconds(15),
  MAIL_FROM: v.optional(
    text('be one address, like `DSR portal <no-reply@example.nhs.uk>`', (s) => fromAddress(s) !== undefined),
    'DSR portal <no-reply@localhost>',
  ),
  MAIL_TO: v.optional(v.pipe(v.string(), v.trim(), v.rfcEmail('be one email address'))),
  SPOOL_KEY: v.optional(text(`be 32 bytes in base64. ${KEY_HELP}`, (s) => Buffer.from(s, 'base64').length === 32)),
  QUEUE_URL: urlWith(/^postgres(ql)?:$/, 'be postgres://user:pass@host:5432/database'),
  QUEUE_MIN_BACKOFF: seconds(300),
  QUEUE_MAX_BACKOFF: seconds(4000),
  QUEUE_LIFETIME: seconds(5 * 24 * 3600),
  QUEUE_CONCURRENCY: whole(2, 1, 32),
  QUEUE_SCAN_INTERVAL: seconds(60),
  QUEUE_POLL_INTERVAL: seconds(2),
  QUEUE_DB_CONNECTIONS: whole(10, 2, 100),
  LEDGER_RETENTION_DAYS: whole(30, 1, 3650),
  QUEUE_HEALTH_THRESHOLD: seconds(900),
  DAILY_COUNT_CHECK_INTERVAL: seconds(30),
});

function normaliseAddress(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/** A bare http(s) origin, or undefined. */
function parseOrigin(value: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const bare =
    /^https?:$/.test(url.protocol) &&
    url.pathname === '/' &&
    !url.search &&
    !url.hash &&
    !url.username &&
    !url.password;
  return bare ? url : undefined;
}

function fromAddress(value: string): string | undefined {
  if (/[\r\n]/.test(value)) return undefined;
  const [first] = addressparser(value);
  const address = first && 'address' in first ? first.address : undefined;
  return address && /^[^@\s]+@[^@\s]+$/.test(address) ? address : undefined;
}

/** Checks and converts the variables; throws SettingsError naming each wrong one. */
export function readSettings(env: Record<string, string | undefined>): Settings {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = v.safeParse(EnvSchema, present);
  if (!result.success) {
    const problems = new Map<string, string>();
    for (const issue of result.issues) {
      const name = v.getDotPath(issue) ?? 'environment';
      // Our own messages finish "NAME must …"; valibot's own could quote the value, so they are not used.
      const must = issue.message.startsWith('be ') ? issue.message.replace(/\.$/, '') : undefined;
      if (!problems.has(name)) problems.set(name, must ? `${name} must ${must}.` : `${name} is not valid.`);
    }
    throw new SettingsError([...problems.values()]);
  }
  const e = result.output;
  const production = e.NODE_ENV === 'production';
  const minBackoffMs = e.QUEUE_MIN_BACKOFF * 1000;
  const maxBackoffMs = e.QUEUE_MAX_BACKOFF * 1000;
  if (maxBackoffMs < minBackoffMs)
    throw new SettingsError(['QUEUE_MAX_BACKOFF must not be less than QUEUE_MIN_BACKOFF.']);
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    production,
    area: e.DSR_AREA,
    server: {
      port: e.PORT,
      host: e.HOST,
      publicOrigin: e.PUBLIC_ORIGIN === undefined ? undefined : parseOrigin(e.PUBLIC_ORIGIN),
      trustedProxies: new Set(
        (e.TRUSTED_PROXIES ?? '')
          .split(',')
          .map((part) => normaliseAddress(part.trim()))
          .filter(Boolean),
      ),
    },
    rateLimit: { posts: e.RATE_LIMIT_POSTS, seconds: e.RATE_LIMIT_SECONDS },
    logLevel: e.LOG_LEVEL,
    fakeNow: e.DSR_FAKE_NOW === undefined ? undefined : new Date(e.DSR_FAKE_NOW),
    fakeNowFile: production || e.DSR_FAKE_NOW_FILE === undefined ? undefined : path.resolve(e.DSR_FAKE_NOW_FILE),
    testFailRender: production ? undefined : e.DSR_TEST_FAIL_RENDER,
    dailyCountCheckMs: e.DAILY_COUNT_CHECK_INTERVAL * 1000,
    queue: {
      production,
      dataDir,
      url: e.QUEUE_URL,
      spoolKey: e.SPOOL_KEY === undefined ? undefined : Buffer.from(e.SPOOL_KEY, 'base64'),
      minBackoffMs,
      maxBackoffMs,
      lifetimeMs: e.QUEUE_LIFETIME * 1000,
      concurrency: e.QUEUE_CONCURRENCY,
      scanIntervalMs: e.QUEUE_SCAN_INTERVAL * 1000,
      pollIntervalMs: e.QUEUE_POLL_INTERVAL * 1000,
      dbConnections: e.QUEUE_DB_CONNECTIONS,
      ledgerRetentionDays: e.LEDGER_RETENTION_DAYS,
      healthThresholdMs: e.QUEUE_HEALTH_THRESHOLD * 1000,
    },
    mail: {
      smtpUrl: e.SMTP_URL,
      requireTls: e.SMTP_REQUIRE_TLS === undefined ? production : ['true', '1', 'yes'].includes(e.SMTP_REQUIRE_TLS),
      timeoutMs: e.SMTP_TIMEOUT * 1000,
      from: e.MAIL_FROM,
      fromAddress: fromAddress(e.MAIL_FROM) ?? '',
      to: e.MAIL_TO,
      mailboxDir: path.join(dataDir, 'mailbox'),
      connections: e.QUEUE_CONCURRENCY,
    },
  };
}

/**
 * This module is loaded twice in production (by src/server.ts, and bundled
 * into Astro's dist/), so the settings live on globalThis: read once per process.
 */
const SLOT = Symbol.for('dsr.settings');
type Slot = { [SLOT]?: Settings };

/** The process's settings, read from the environment on first use. Throws SettingsError. */
export function settings(): Settings {
  const slot = globalThis as Slot;
  return (slot[SLOT] ??= readSettings(process.env));
}

/**
 * The log level for loggers made when their module loads, which may be before
 * start-up has checked the settings: a wrong value gives "info" here, and
 * start-up (settingsOrExit) then stops the process, naming the variable.
 */
export function logLevel(): string {
  try {
    return settings().logLevel;
  } catch {
    return 'info';
  }
}

/** For start-up (the server, the `queue` command): the settings, or a clear message and exit code 1. */
export function settingsOrExit(what = 'The portal'): Settings {
  try {
    return settings();
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(`${what} cannot start. Check these settings:\n${error.problems.map((p) => `- ${p}`).join('\n')}`);
    process.exit(1);
  }
}
