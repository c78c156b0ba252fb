/**
 * The DSR team's email for a callback request. The subject carries only our
 * words and the reference: no name, no health detail. Every question is
 * listed with its answer in form order; the phone number as typed and ready
 * to dial; the date to call by at the top.
 */
import type { IsoDate } from '../../time/london.ts';
import { formatLongDate } from '../../time/working-days.ts';
import { formatClockTime } from '../../time/easy-read-time.ts';
import { inLondon } from '../../time/london.ts';
import { oneLine, renderHtml, renderText, type EmailContent } from '../shared/email.ts';
import { ABOUT, BEST_TIME, VOICEMAIL, choiceLabel } from './questions.ts';
import type { CallbackAnswers } from './schema.ts';

export interface CallbackEmailInput {
  reference: string;
  answers: CallbackAnswers;
  receivedAt: Date;
  /** Undefined when the area promises no reply time. */
  callBy: IsoDate | undefined;
  replyWorkingDays: number | undefined;
  areaName: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export function callbackSubject(reference: string): string {
  return oneLine(`Callback request ${reference}`);
}

/** "Friday 20 November 2026 at 3:05pm", on a London clock. */
export function formatReceived(at: Date): string {
  const london = inLondon(at);
  return `${london.toFormat('cccc d LLLL yyyy')} at ${formatClockTime(london)}`;
}

export function callbackEmailContent(input: CallbackEmailInput): EmailContent {
  const { answers: a } = input;
  const callBy = input.callBy
    ? `${formatLongDate(input.callBy)} (${input.replyWorkingDays} working ${input.replyWorkingDays === 1 ? 'day' : 'days'})`
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
          { label: 'Phone number', value: [`${a.phone.typed} (as typed)`, `${a.phone.e164} (to dial)`] },
          { label: 'Can we leave a voicemail?', value: choiceLabel(VOICEMAIL, a.voicemail) },
          { label: 'Best time to call', value: choiceLabel(BEST_TIME, a.bestTime) },
          { label: 'More about when to call', value: a.bestTimeDetail },
          { label: 'Who the call is about', value: choiceLabel(ABOUT, a.about) },
          ...(a.about === 'me' ? [] : [{ label: 'Their first name', value: a.aboutName }]),
          { label: 'What we should know before we call', value: a.notes },
        ],
      },
    ],
    footer: `Sent from the ${input.areaName} Dynamic Support Register website (Ask for a call). Reply to the person by phone, not to this email.`,
  };
}

export function renderCallbackEmail(input: CallbackEmailInput): RenderedEmail {
  const content = callbackEmailContent(input);
  return { subject: callbackSubject(input.reference), text: renderText(content), html: renderHtml(content) };
}
