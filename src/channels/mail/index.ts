/**
 * The mail channel: a form's message, checked, composed as an email with a
 * Message-ID from its reference, and sent to the relay (SMTP_URL) or, with no
 * relay, written as an .eml file into the mailbox folder.
 */
import type { MailSettings } from '../../settings.ts';
import { InvalidMessageError, type Channel } from '../channel.ts';
import { checkMessage, composeMessage, type CheckedMessage } from './message.ts';
import { classifyFailure, createDeliverer } from './transport.ts';

export type { OutgoingMessage } from './message.ts';

const MAIL_CHANNEL = 'mail';

export function createMailChannel(settings: MailSettings): Channel<CheckedMessage> {
  const deliverer = createDeliverer(settings);
  const sender = { from: settings.from, fromAddress: settings.fromAddress };
  return {
    name: MAIL_CHANNEL,
    description: deliverer.description,
    via: settings.smtpUrl ? 'smtp' : 'mailbox',
    // Connecting, the greeting, then the conversation (its idle timeout is three times the setting).
    attemptTimeoutMs: settings.timeoutMs * 5,
    check(payload) {
      const message = checkMessage(payload);
      if (!settings.to && !message.to) throw new InvalidMessageError(['to']);
      return message;
    },
    async deliver(message, { reference, acceptedAt }) {
      const to = settings.to ?? message.to;
      if (!to) throw new InvalidMessageError(['to']);
      const composed = await composeMessage(message, { reference, acceptedAt, to, sender });
      await deliverer.deliver(composed, reference);
    },
    classify: classifyFailure,
    close: () => deliverer.close(),
  };
}
