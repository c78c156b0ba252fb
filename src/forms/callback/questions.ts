/**
 * The callback form's words: each question, its hint, its choices and its
 * picture, in the order they are asked. The page, the email and the tests
 * read them from here; the rules and error messages are in schema.ts.
 *
 * Easy read: short sentences, everyday words, one idea at a time. Hints
 * work whether you are asking for yourself or for someone you help.
 */
import { choicesOf } from '../kit/browser/choices.ts';
import type { QuestionWords } from '../kit/fields.ts';

// The values each choice question sends, in the order offered: the schema
// checks answers against them. Their labels are in `questions`.
export const VOICEMAIL = ['yes', 'no'] as const;
export const BEST_TIME = ['morning', 'afternoon', 'any'] as const;
export const ABOUT = ['me', 'my-child', 'someone-i-care-for', 'someone-i-support-at-work'] as const;

export const BEST_TIME_DETAIL_MAX = 100;
export const ABOUT_NAME_MAX = 50;
export const NOTES_MAX = 500;

export const questions = {
  name: {
    label: 'Your name',
    hint: 'If you are asking for someone else, write your own name. We will ask for you when we call.',
    picture: 'person',
  },
  phone: {
    label: 'Your phone number',
    hint: 'The number we should call. For example, 07700 900 982.',
    picture: 'phone',
  },
  voicemail: {
    label: 'If you do not answer, can we leave a voicemail message?',
    hint: 'A voicemail is a short message we leave on your phone.',
    picture: 'mobile',
    choices: choicesOf(VOICEMAIL, { yes: 'Yes', no: 'No' }),
  },
  bestTime: {
    label: 'When is the best time for us to call?',
    picture: 'clock',
    choices: choicesOf(BEST_TIME, { morning: 'In the morning', afternoon: 'In the afternoon', any: 'Any time' }),
  },
  bestTimeDetail: {
    label: 'Tell us more about when to call (optional)',
    hint: `For example, "after 3pm on Tuesdays". You can write up to ${BEST_TIME_DETAIL_MAX} characters.`,
  },
  about: {
    label: 'Who is the call about?',
    hint: 'You can ask for a call for yourself or for someone you help.',
    picture: 'people',
    choices: choicesOf(ABOUT, {
      me: 'Me',
      'my-child': 'My child',
      'someone-i-care-for': 'Someone I care for',
      'someone-i-support-at-work': 'Someone I support at work',
    }),
  },
  aboutName: {
    label: 'Their first name (optional)',
    hint: 'Only if the call is about someone else.',
  },
  notes: {
    label: 'Is there anything we should know before we call? (optional)',
    hint: 'For example, you need an interpreter, or a calm time of day is better.',
    picture: 'talk',
  },
} as const satisfies Record<string, QuestionWords>;
