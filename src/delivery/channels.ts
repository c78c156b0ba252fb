/**
 * Every channel the portal delivers through. A new channel (SMS, a referral
 * system's API) is a folder in src/channels/ and one line here; the queue
 * needs no change.
 */
import type { Channel } from '../channels/channel.ts';
import { createMailChannel } from '../channels/mail/index.ts';
import type { Settings } from '../settings.ts';

export function createChannels(settings: Settings): Channel[] {
  return [createMailChannel(settings.mail)];
}
