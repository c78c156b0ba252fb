/**
 * The forms' one contact with delivery. `deliver` hands a message to the
 * queue and resolves only once the queue holds it durably, with the
 * message's reference; the same token again gives the same reference and
 * sends nothing more. `build` is called once, with the new reference.
 */
import type { OutgoingMessage } from '../../mail/message.ts';
import { getQueue } from '../../queue/index.ts';

export type Deliver = (request: {
  token: string;
  build: (reference: string) => OutgoingMessage | Promise<OutgoingMessage>;
}) => Promise<{ reference: string }>;

export const deliver: Deliver = (request) => getQueue().accept(request);
