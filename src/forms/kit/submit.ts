/**
 * Sends a form's checked answers, the same way for every form: works out the
 * reply-by date from the London day they arrived, builds the team's email
 * once the reference is known, and returns only when delivery holds the
 * message: it hands the message to the site's one submit service
 * (src/delivery/, `acceptForDelivery`). Answers the definition stops (nobody agrees) are never sent:
 * the page stops before this, and this is the last guard.
 */
import { isOwnPromise, type Area } from '../../area/schema.ts';
import { now } from '../../time/clock.ts';
import { londonDate } from '../../time/london.ts';
import type { FormAnswers, FormDefinition } from './browser/form.ts';
import { confirmationUrl } from './confirmation.ts';
import { acceptForDelivery, type Accept } from '../../delivery/index.ts';
import { replyPromise, type Form, type Received } from './form.ts';
import type { Submission, Submitted } from './post.ts';
import { replyByDate } from './reply-by.ts';
import { fhirAttachments, type FhirAttachment } from '../../fhir/attachment.ts';
import { errorFields, formLog } from '../../http/log.ts';

export class StoppedAnswersError extends Error {
  constructor(view: string) {
    super(`Answers that stop at "${view}" are never sent`);
    this.name = 'StoppedAnswersError';
  }
}

export async function submitForm<TDefinition extends FormDefinition>(
  form: Form<TDefinition>,
  area: Area,
  submission: Submission<FormAnswers<TDefinition>>,
  accept: Accept = acceptForDelivery,
): Promise<Submitted> {
  const receivedAt = now();
  const stop = form.definition(area, londonDate(receivedAt)).stop?.(submission.data as never);
  if (stop) throw new StoppedAnswersError(stop);
  const promise = replyPromise(form, area);
  const replyWorkingDays = promise?.workingDays;
  const replyBy = replyByDate(receivedAt, replyWorkingDays);
  const { reference } = await accept({
    token: submission.token,
    build: (reference) => {
      const received = {
        reference,
        answers: submission.data,
        receivedAt,
        replyBy,
        replyWorkingDays,
        replyPromiseIsOwn: promise ? isOwnPromise(promise.source) : undefined,
        areaName: area.name,
      };
      // The FHIR copy is made from the very answers the email is, and travels in the same message.
      const attachments = fhirCopy(form, received, area);
      return { to: area.mailbox, ...form.email(received, area), ...(attachments.length ? { attachments } : {}) };
    },
  });
  return { reference, confirmation: confirmationUrl(form.path, reference, replyBy) };
}

/**
 * The referral's FHIR copy, if the area turns it on. The email is the
 * team's copy that matters: a copy that cannot be made never stops it; the
 * log says so (the error's class and place, never its message).
 */
function fhirCopy(form: Pick<Form, 'path'>, received: Received<unknown>, area: Area): FhirAttachment[] {
  try {
    return fhirAttachments(form.path, received, area);
  } catch (error) {
    formLog.error({ form: form.path, event: 'no-fhir-copy', ...errorFields(error) }, 'sent without its FHIR copy');
    return [];
  }
}
