/**
 * The callback form's one definition: the rules and messages of every
 * question, in question order (the error summary follows it). The server
 * checks every POST with it; the browser checks on submit with the very same
 * module. GOV.UK wording: instructions for missing answers, descriptions for
 * wrong ones; never "please", "valid" or "required".
 *
 * Browser-safe: valibot and the shared helpers only.
 */
import * as v from 'valibot';
import { defineForm, type FormAnswers } from '../shared/form.ts';
import { optionalName, optionalText, requiredName } from '../shared/text.ts';
import { ukPhone } from '../shared/phone.ts';
import { single } from '../shared/values.ts';
import {
  ABOUT,
  ABOUT_NAME_MAX,
  BEST_TIME,
  BEST_TIME_DETAIL_MAX,
  NAME_MAX,
  NOTES_MAX,
  PHONE_EXAMPLES,
  VOICEMAIL,
} from './questions.ts';

const values = <T extends { value: string }>(choices: readonly T[]) =>
  choices.map((choice) => choice.value as T['value']);

const SOMEONE_ELSE: readonly string[] = ABOUT.filter((choice) => choice.value !== 'me').map((choice) => choice.value);

export const callbackForm = defineForm({
  id: 'callback',
  fields: {
    name: requiredName(NAME_MAX, {
      missing: 'Enter your name',
      tooLong: `Your name must be ${NAME_MAX} characters or fewer`,
      characters: 'Your name must only include letters, spaces, hyphens, full stops and apostrophes',
    }),
    phone: ukPhone({
      missing: 'Enter your phone number',
      format: `Enter a phone number, like ${PHONE_EXAMPLES}`,
      notUk: `Enter a UK phone number, like ${PHONE_EXAMPLES}`,
    }),
    voicemail: v.picklist(values(VOICEMAIL), 'Select yes if we can leave a voicemail message'),
    bestTime: v.picklist(values(BEST_TIME), 'Select the best time for us to call'),
    bestTimeDetail: optionalText(BEST_TIME_DETAIL_MAX, {
      tooLong: `When to call must be ${BEST_TIME_DETAIL_MAX} characters or fewer`,
    }),
    about: v.picklist(values(ABOUT), 'Select who the call is about'),
    aboutName: optionalName(ABOUT_NAME_MAX, {
      tooLong: `Their first name must be ${ABOUT_NAME_MAX} characters or fewer`,
      characters: 'Their first name must only include letters, spaces, hyphens, full stops and apostrophes',
    }),
    notes: optionalText(NOTES_MAX, {
      tooLong: `What we should know must be ${NOTES_MAX} characters or fewer`,
    }),
  },
  applies: {
    // Asked only when the call is about someone else. Without JavaScript the
    // question is always on the page; an answer given with "Me" is dropped.
    aboutName: (raw) => SOMEONE_ELSE.includes(single(raw['about']) ?? ''),
  },
});

export type CallbackAnswers = FormAnswers<typeof callbackForm>;
