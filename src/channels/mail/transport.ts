/**
 * The one place that talks to the relay. Either SMTP (SMTP_URL) or, with no
 * relay configured, the embedded mailbox folder of `.eml` files. The
 * nodemailer transport is created on the first delivery, never at import or
 * build time, so a missing secret cannot break the build.
 */
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { FailureClass } from '../channel.ts';
import { writeMailboxFile } from './mailbox.ts';
import type { Composed } from './message.ts';

interface TransportConfig {
  /** smtp:// or smtps:// with credentials; undefined means the embedded mailbox. */
  smtpUrl: string | undefined;
  requireTls: boolean;
  /** Connection and greeting timeout; the socket (idle) timeout is three times it. */
  timeoutMs: number;
  /** Most connections open at once: the queue's delivery concurrency. */
  connections: number;
  mailboxDir: string;
}

interface Deliverer {
  /** Where mail goes, without credentials: for the start-up banner and health. */
  readonly description: string;
  deliver(message: Composed, reference: string): Promise<void>;
  close(): void;
}

export function createDeliverer(config: TransportConfig): Deliverer {
  return config.smtpUrl ? smtpDeliverer(config, config.smtpUrl) : mailboxDeliverer(config.mailboxDir);
}

/** `smtps://relay.example:465 (TLS)`: the URL with its credentials left out. */
function describeSmtpUrl(smtpUrl: string, requireTls: boolean): string {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const port = url.port || (secure ? '465' : '587');
  const tls = secure ? 'TLS' : requireTls ? 'STARTTLS required' : 'STARTTLS if offered';
  return `SMTP relay ${url.protocol}//${url.hostname}:${port} (${tls})`;
}

function smtpDeliverer(config: TransportConfig, smtpUrl: string): Deliverer {
  let transport: Transporter | undefined;
  const open = (): Transporter =>
    (transport ??= nodemailer.createTransport({
      url: smtpUrl,
      // Reuse connections while a backlog drains, as Postfix's connection cache does.
      pool: true,
      maxConnections: config.connections,
      maxMessages: 100,
      requireTLS: config.requireTls,
      tls: { minVersion: 'TLSv1.2' },
      connectionTimeout: config.timeoutMs,
      greetingTimeout: config.timeoutMs,
      socketTimeout: config.timeoutMs * 3,
      disableFileAccess: true,
      disableUrlAccess: true,
      logger: false,
      debug: false,
    }));
  return {
    description: describeSmtpUrl(smtpUrl, config.requireTls),
    async deliver(message) {
      await open().sendMail({ envelope: message.envelope, raw: message.raw });
    },
    close() {
      transport?.close();
      transport = undefined;
    },
  };
}

function mailboxDeliverer(dir: string): Deliverer {
  return {
    description: `the mailbox folder ${dir} (.eml files; no SMTP_URL is set)`,
    async deliver(message, reference) {
      await writeMailboxFile(dir, reference, message.raw);
    },
    close() {},
  };
}

const UNREACHABLE = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPROTOCOL',
]);

/**
 * RFC 5321: 5yz replies are permanent, 4yz temporary; failed authentication is
 * a configuration fault that retrying will not mend, so it is parked too.
 * Anything without a reply (refused, dropped, timed out) is temporary.
 */
export function classifyFailure(error: unknown): FailureClass {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const errorCode = typeof e.code === 'string' && /^[A-Z0-9_]{1,32}$/.test(e.code) ? e.code : 'EUNKNOWN';
  const code = responseCode === undefined ? errorCode : `${errorCode}:${responseCode}`;
  if (responseCode !== undefined && responseCode >= 500 && responseCode < 600) {
    return { permanent: true, unreachable: false, code };
  }
  if (errorCode === 'EAUTH' && !(responseCode !== undefined && responseCode >= 400 && responseCode < 500)) {
    return { permanent: true, unreachable: false, code };
  }
  if (responseCode === undefined && (errorCode === 'EENVELOPE' || errorCode === 'EMESSAGE')) {
    return { permanent: true, unreachable: false, code };
  }
  const unreachable = responseCode === 421 || (responseCode === undefined && UNREACHABLE.has(errorCode));
  return { permanent: false, unreachable, code };
}
