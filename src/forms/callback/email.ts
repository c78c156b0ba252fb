/**
 * The DSR team's email for a callback request. The subject carries only our
 * words and the reference: no name, no health detail. Every question is
 * listed with its answer in form order; the phone number as typed and ready
 * to dial; the date to call by at the top.
 */
import { choiceLabel } from '../kit/browser/choices.ts';
import {
  formatReceived,
  oneLine,
  phoneLines,
  renderEmail,
  type EmailContent,
  type RenderedEmail,
} from '../kit/email.ts';
import type { Received } from '../kit/form.ts';
import { replyByFact } from '../kit/reply-by.ts';
import { questions as q } from './questions.ts';
import type { CallbackAnswers } from './schema.ts';

export type CallbackEmailInput = Received<CallbackAnswers>;

export function callbackSubject(reference: string): string {
  return oneLine(`Callback request ${reference}`);
}

function callbackEmailContent(input: CallbackEmailInput): EmailContent {
  const { answers: a } = input;
  const callBy =
    input.replyBy && input.replyWorkingDays
      ? replyByFact(input.replyBy, input.replyWorkingDays, input.replyPromiseIsOwn)
      : 'No reply time is promised in this area';
  return {
    title: `Callback request ${input.reference}`,
    facts: [
      { label: 'Call by', value: callBy },
      { label: 'Reference', value: input.reference },
      { label: 'Received', value: formatReceived(input.receivedAt) },
    ],
    sections: [
      {
        heading: 'What they told us',
        rows: [
          { label: 'Name of the person asking', value: a.name },
          { label: 'Phone number', value: phoneLines(a.phone) },
          { label: 'Can we leave a voicemail?', value: choiceLabel(q.voicemail.choices, a.voicemail) },
          { label: 'Best time to call', value: choiceLabel(q.bestTime.choices, a.bestTime) },
          { label: 'More about when to call', value: a.bestTimeDetail },
          { label: 'Who the call is about', value: choiceLabel(q.about.choices, a.about) },
          ...(a.about === 'me' ? [] : [{ label: 'Their first name', value: a.aboutName }]),
          { label: 'What we should know before we call', value: a.notes },
        ],
      },
    ],
    footer: `Sent from the ${input.areaName} Dynamic Support Register website (Ask for a call). Reply to the person by phone, not to this email.`,
  };
}

export function renderCallbackEmail(input: CallbackEmailInput): RenderedEmail {
  return renderEmail(callbackSubject(input.reference), callbackEmailContent(input));
}
