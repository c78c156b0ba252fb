/**
 * A real SMTP server on loopback (smtp-server) for browser journeys that send:
 * every message it receives, parsed (postal-mime), in an inbox the test can
 * wait on by the reference in its subject.
 */
import type { AddressInfo } from 'node:net';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  replyTo: string[];
  /** Attached files, their content as UTF-8 text. */
  attachments: { filename: string; mimeType: string; content: string }[];
}

export class Inbox {
  readonly messages: Mail[] = [];

  /** The messages whose subject names this reference. */
  about(reference: string): Mail[] {
    return this.messages.filter((mail) => mail.subject.includes(` ${reference},`));
  }

  async waitFor(reference: string, timeoutMs = 20_000): Promise<Mail> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.about(reference)[0];
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no email for ${reference}; have: ${this.messages.map((m) => m.subject).join(', ')}`);
  }
}

export interface MailServer {
  url: string;
  inbox: Inbox;
  close: () => Promise<void>;
}

export async function startMailServer(): Promise<MailServer> {
  const inbox = new Inbox();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        PostalMime.parse(Buffer.concat(chunks))
          .then((mail) => {
            inbox.messages.push({
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: mail.html ?? '',
              replyTo: (mail.replyTo ?? []).map((address) => address.address ?? ''),
              attachments: mail.attachments.map((file) => ({
                filename: file.filename ?? '',
                mimeType: file.mimeType,
                content: Buffer.from(file.content as ArrayBuffer).toString('utf8'),
              })),
            });
            done();
          })
          .catch(done);
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    close: () => new Promise<void>((resolve) => smtp.close(resolve)),
  };
}
