/**
 * Hands a checked, confirmed referral to the queue: works out the age on the
 * London day of sending, the register for that age and the reply-by date,
 * builds the team's email once the reference is known, and returns only when
 * the queue holds the message durably. The same token again gives the same
 * reference and sends nothing more. A referral without consent is never
 * queued (the page stops before this; this is the last guard).
 */
import type { Area } from '../../area/schema.ts';
import type { Accept } from '../../delivery/index.ts';
import { now } from '../../time/clock.ts';
import { londonDate } from '../../time/london.ts';
import { addWorkingDays } from '../../time/working-days.ts';
import type { Submission, Submitted } from '../shared/handle.ts';
import { confirmationUrl } from './confirmation.ts';
import { renderReferralEmail } from './email.ts';
import { chooseRegister } from './rules.ts';
import { ageFromAnswers, consentRefused, type ReferralAnswers } from './schema.ts';

export class ConsentRefusedError extends Error {
  constructor() {
    super('A referral without consent cannot be sent');
    this.name = 'ConsentRefusedError';
  }
}

export async function submitReferral(
  submission: Submission<ReferralAnswers>,
  area: Pick<Area, 'name' | 'mailbox' | 'reply' | 'registers' | 'places'>,
  accept: Accept,
): Promise<Submitted> {
  if (consentRefused(submission.data)) throw new ConsentRefusedError();
  const receivedAt = now();
  const age = ageFromAnswers(submission.data, londonDate(receivedAt));
  const register = chooseRegister(area.registers, age);
  const replyWorkingDays = area.reply.onlineForm?.workingDays;
  const replyBy = replyWorkingDays === undefined ? undefined : addWorkingDays(receivedAt, replyWorkingDays);
  const { reference } = await accept({
    token: submission.token,
    build: (reference) => ({
      to: area.mailbox,
      ...renderReferralEmail({
        reference,
        answers: submission.data,
        receivedAt,
        age,
        register,
        replyBy,
        replyWorkingDays,
        areaName: area.name,
        placeKind: area.places.kind,
      }),
    }),
  });
  return { reference, confirmation: confirmationUrl(reference, replyBy) };
}
