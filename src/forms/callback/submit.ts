/**
 * Hands a checked callback request to the queue: works out the call-by date,
 * builds the team's email once the reference is known, and returns only when
 * the queue holds the message durably. The same token again gives the same
 * reference and sends nothing more.
 */
import type { Area } from '../../area/schema.ts';
import type { Accept } from '../../delivery/index.ts';
import { now } from '../../time/clock.ts';
import type { Submission, Submitted } from '../shared/handle.ts';
import { callByDate } from './call-by.ts';
import { confirmationUrl } from './confirmation.ts';
import { renderCallbackEmail } from './email.ts';
import type { CallbackAnswers } from './schema.ts';

export async function submitCallback(
  submission: Submission<CallbackAnswers>,
  area: Pick<Area, 'name' | 'mailbox' | 'reply'>,
  accept: Accept,
): Promise<Submitted> {
  const receivedAt = now();
  const replyWorkingDays = area.reply.callback?.workingDays;
  const callBy = callByDate(receivedAt, replyWorkingDays);
  const { reference } = await accept({
    token: submission.token,
    build: (reference) => ({
      to: area.mailbox,
      ...renderCallbackEmail({
        reference,
        answers: submission.data,
        receivedAt,
        callBy,
        replyWorkingDays,
        areaName: area.name,
      }),
    }),
  });
  return { reference, confirmation: confirmationUrl(reference, callBy) };
}
