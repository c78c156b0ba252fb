/**
 * The queue's settings, read from the environment and checked with valibot.
 * Error messages name the variable, never its value: SMTP_URL holds a password.
 */
import path from 'node:path';
import addressparser from 'nodemailer/lib/addressparser';
import * as v from 'valibot';

export interface QueueConfig {
  production: boolean;
  /** Absolute; holds queue/, ledger/, mailbox/ and the development key. */
  dataDir: string;
  /** smtp:// or smtps://; undefined delivers into DATA_DIR/mailbox/. */
  smtpUrl: string | undefined;
  requireTls: boolean;
  smtpTimeoutMs: number;
  /** The fixed From header; visitors' addresses only ever go in Reply-To. */
  mailFrom: string;
  mailFromAddress: string;
  /** Overrides the area's mailbox that a form gives. */
  mailTo: string | undefined;
  /** 32 bytes, or undefined for the development key file. */
  spoolKey: Buffer | undefined;
  minBackoffMs: number;
  maxBackoffMs: number;
  lifetimeMs: number;
  concurrency: number;
  /** How often the spool folder is read again, to pick up `queue retry`. */
  scanIntervalMs: number;
  ledgerRetentionDays: number;
  /** /healthz answers 503 once delivery has been failing this long. */
  healthThresholdMs: number;
}

export class QueueConfigError extends Error {
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'QueueConfigError';
  }
}

const seconds = (fallback: number) =>
  v.optional(v.pipe(v.string(), v.trim(), v.decimal(), v.transform(Number), v.minValue(0.001)), String(fallback));
const whole = (fallback: number, min: number, max: number) =>
  v.optional(
    v.pipe(v.string(), v.trim(), v.digits(), v.transform(Number), v.minValue(min), v.maxValue(max)),
    String(fallback),
  );
const flag = v.optional(v.picklist(['true', 'false', '1', '0', 'yes', 'no']));

const EnvSchema = v.object({
  NODE_ENV: v.optional(v.string()),
  DATA_DIR: v.optional(v.pipe(v.string(), v.minLength(1)), './var'),
  SMTP_URL: v.optional(v.pipe(v.string(), v.url(), v.regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://'))),
  SMTP_REQUIRE_TLS: flag,
  SMTP_TIMEOUT: seconds(15),
  MAIL_FROM: v.optional(v.string(), 'DSR portal <no-reply@localhost>'),
  MAIL_TO: v.optional(v.pipe(v.string(), v.trim(), v.rfcEmail())),
  SPOOL_KEY: v.optional(v.string()),
  QUEUE_MIN_BACKOFF: seconds(300),
  QUEUE_MAX_BACKOFF: seconds(4000),
  QUEUE_LIFETIME: seconds(5 * 24 * 3600),
  QUEUE_CONCURRENCY: whole(2, 1, 32),
  QUEUE_SCAN_INTERVAL: seconds(60),
  LEDGER_RETENTION_DAYS: whole(30, 1, 3650),
  QUEUE_HEALTH_THRESHOLD: seconds(900),
});

const KEY_HELP = 'Make one with `openssl rand -base64 32` and set SPOOL_KEY to it.';

/** `requireKey: false` is for tools that never open a message (the `queue` command). */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  options: { requireKey?: boolean } = {},
): QueueConfig {
  // An empty variable means "not set", as in most shells' `VAR= command`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = v.safeParse(EnvSchema, present);
  if (!result.success) {
    const names = [...new Set(result.issues.map((issue) => v.getDotPath(issue) ?? 'environment'))];
    throw new QueueConfigError(
      names.map(
        (name) =>
          `${name} is not valid.${name === 'SMTP_URL' ? ' It must be smtp://user:pass@host:port or smtps://…' : ''}`,
      ),
    );
  }
  const e = result.output;
  const problems: string[] = [];
  const production = e.NODE_ENV === 'production';

  const [from] = addressparser(e.MAIL_FROM);
  const fromAddress = from && 'address' in from ? from.address : undefined;
  if (!fromAddress || !/^[^@\s]+@[^@\s]+$/.test(fromAddress) || /[\r\n]/.test(e.MAIL_FROM)) {
    problems.push('MAIL_FROM is not valid: give one address, e.g. `DSR portal <no-reply@example.nhs.uk>`.');
  }

  let spoolKey: Buffer | undefined;
  if (e.SPOOL_KEY !== undefined) {
    spoolKey = Buffer.from(e.SPOOL_KEY.trim(), 'base64');
    if (spoolKey.length !== 32) problems.push(`SPOOL_KEY must be 32 bytes in base64. ${KEY_HELP}`);
  } else if (production && options.requireKey !== false) {
    problems.push(
      `SPOOL_KEY is not set. In production the queue will not start without a key to encrypt submissions at rest. ${KEY_HELP}`,
    );
  }

  const minBackoffMs = e.QUEUE_MIN_BACKOFF * 1000;
  const maxBackoffMs = e.QUEUE_MAX_BACKOFF * 1000;
  if (maxBackoffMs < minBackoffMs) problems.push('QUEUE_MAX_BACKOFF must not be less than QUEUE_MIN_BACKOFF.');
  if (problems.length) throw new QueueConfigError(problems);

  const requireTls = e.SMTP_REQUIRE_TLS === undefined ? production : ['true', '1', 'yes'].includes(e.SMTP_REQUIRE_TLS);
  return {
    production,
    dataDir: path.resolve(e.DATA_DIR),
    smtpUrl: e.SMTP_URL,
    requireTls,
    smtpTimeoutMs: e.SMTP_TIMEOUT * 1000,
    mailFrom: e.MAIL_FROM,
    mailFromAddress: fromAddress ?? '',
    mailTo: e.MAIL_TO,
    spoolKey,
    minBackoffMs,
    maxBackoffMs,
    lifetimeMs: e.QUEUE_LIFETIME * 1000,
    concurrency: e.QUEUE_CONCURRENCY,
    scanIntervalMs: e.QUEUE_SCAN_INTERVAL * 1000,
    ledgerRetentionDays: e.LEDGER_RETENTION_DAYS,
    healthThresholdMs: e.QUEUE_HEALTH_THRESHOLD * 1000,
  };
}
