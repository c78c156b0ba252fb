/**
 * The mail channel's payload: the message a form builds, and its rendering as
 * a real RFC 5322 email. Contract: nothing a user typed can add a header. Subject and
 * addresses are single-line strings checked here; text and html only ever
 * become body parts; nodemailer may not read files or URLs. An attachment's
 * content is in the message itself (so it is sealed with it in the queue),
 * its name is our own (the reference), and its type one this channel knows.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import * as v from 'valibot';
import { InvalidMessageError } from '../channel.ts';

/** Strips line breaks and control characters, so a value stays on one header line. */
const oneLine = (value: string): string =>
  value
    .replace(/[\r\n\u0085\u2028\u2029]+/g, ' ')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();

/** One plain address, no display name, no list: a comma or angle bracket cannot pass. */
const Address = v.pipe(v.string(), v.trim(), v.maxLength(254), v.rfcEmail());

export const OutgoingMessageSchema = v.strictObject({
  /** The area's team mailbox; MAIL_TO overrides it. */
  to: v.optional(Address),
  subject: v.pipe(v.string(), v.transform(oneLine), v.minLength(1), v.maxLength(250)),
  text: v.pipe(v.string(), v.maxLength(256 * 1024)),
  html: v.pipe(v.string(), v.maxLength(512 * 1024)),
  /** The referrer's address, where given; never used as From. */
  replyTo: v.optional(Address),
  attachments: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          filename: v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,79}$/)),
          contentType: v.picklist(['application/fhir+json']),
          content: v.pipe(v.string(), v.maxLength(512 * 1024)),
        }),
      ),
      v.maxLength(4),
    ),
  ),
});

/** What a form builds. `headers` is typed `never`: there is no way to set one. */
export interface OutgoingMessage {
  to?: string;
  subject: string;
  text: string;
  html: string;
  replyTo?: string;
  /** Files carried inside the message: their content, never a path or a URL. */
  attachments?: { filename: string; contentType: 'application/fhir+json'; content: string }[];
  headers?: never;
}

export type CheckedMessage = v.InferOutput<typeof OutgoingMessageSchema>;

export function checkMessage(input: unknown): CheckedMessage {
  const result = v.safeParse(OutgoingMessageSchema, input);
  if (result.success) return result.output;
  const fields = result.issues.map((issue) => v.getDotPath(issue) ?? '(message)');
  throw new InvalidMessageError([...new Set(fields)]);
}

interface Sender {
  /** The fixed From header, e.g. `DSR portal <no-reply@example.nhs.uk>`. */
  from: string;
  /** The bare address of `from`, used as the envelope sender. */
  fromAddress: string;
}

export interface Composed {
  raw: Buffer;
  envelope: { from: string; to: string[] };
}

/** The Message-ID is derived from the reference, so every retry carries the same one. */
function messageIdFor(reference: string, fromAddress: string): string {
  const domain = fromAddress.split('@').pop() || 'localhost';
  return `<${reference}@${domain}>`;
}

export async function composeMessage(
  message: CheckedMessage,
  meta: { reference: string; acceptedAt: Date; to: string; sender: Sender },
): Promise<Composed> {
  const composer = new MailComposer({
    from: meta.sender.from,
    to: meta.to,
    replyTo: message.replyTo,
    subject: message.subject,
    text: message.text,
    html: message.html,
    attachments: message.attachments?.map(({ filename, contentType, content }) => ({ filename, contentType, content })),
    messageId: messageIdFor(meta.reference, meta.sender.fromAddress),
    date: meta.acceptedAt,
    headers: {
      'X-DSR-Reference': meta.reference,
      // RFC 3834: out-of-office replies should not be sent back to us.
      'Auto-Submitted': 'auto-generated',
    },
    disableFileAccess: true,
    disableUrlAccess: true,
    newline: 'win',
  });
  const raw = await composer.compile().build();
  return { raw, envelope: { from: meta.sender.fromAddress, to: [meta.to] } };
}
