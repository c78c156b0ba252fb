/**
 * The callback form's words: each question, its hint, its choices and its
 * picture, in the order they are asked. The page, the email and the tests
 * read them from here; the rules and error messages are in schema.ts.
 *
 * Easy read: short sentences, everyday words, one idea at a time. Hints
 * work whether you are asking for yourself or for someone you help.
 * Example numbers are Ofcom's drama numbers, never real ones.
 */

export interface Choice<TValue extends string = string> {
  value: TValue;
  label: string;
  hint?: string;
}

export const VOICEMAIL = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const satisfies readonly Choice[];

export const BEST_TIME = [
  { value: 'morning', label: 'In the morning' },
  { value: 'afternoon', label: 'In the afternoon' },
  { value: 'any', label: 'Any time' },
] as const satisfies readonly Choice[];

export const ABOUT = [
  { value: 'me', label: 'Me' },
  { value: 'my-child', label: 'My child' },
  { value: 'someone-i-care-for', label: 'Someone I care for' },
  { value: 'someone-i-support-at-work', label: 'Someone I support at work' },
] as const satisfies readonly Choice[];

export const NAME_MAX = 100;
export const PHONE_EXAMPLES = '01632 960 001, 07700 900 982 or +44 808 157 0192';
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
    choices: VOICEMAIL,
  },
  bestTime: {
    label: 'When is the best time for us to call?',
    picture: 'clock',
    choices: BEST_TIME,
  },
  bestTimeDetail: {
    label: 'Tell us more about when to call (optional)',
    hint: `For example, "after 3pm on Tuesdays". You can write up to ${BEST_TIME_DETAIL_MAX} characters.`,
  },
  about: {
    label: 'Who is the call about?',
    hint: 'You can ask for a call for yourself or for someone you help.',
    picture: 'people',
    choices: ABOUT,
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
} as const;

/** The label of a choice, for the email: "In the morning". */
export function choiceLabel(choices: readonly Choice[], value: string): string {
  return choices.find((choice) => choice.value === value)?.label ?? value;
}
