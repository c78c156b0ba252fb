/**
 * The callback form's one definition: the rules and messages of every
 * question, in question order (the error summary follows it). The server
 * checks every POST with it; the browser checks on submit with the very same
 * module. GOV.UK wording: instructions for missing answers, descriptions for
 * wrong ones; never "please", "valid" or "required".
 */
import * as v from 'valibot';
import { defineForm, type FormAnswers } from '../kit/browser/form.ts';
import { ukPhone } from '../kit/browser/phone.ts';
import { optionalName, optionalText, requiredName } from '../kit/browser/text.ts';
import { single } from '../kit/browser/values.ts';
import { ABOUT, ABOUT_NAME_MAX, BEST_TIME, BEST_TIME_DETAIL_MAX, NOTES_MAX, VOICEMAIL } from './questions.ts';

const SOMEONE_ELSE: readonly string[] = ABOUT.filter((value) => value !== 'me');

export const callbackForm = defineForm({
  id: 'callback',
  fields: {
    name: requiredName({ missing: 'Enter your name', subject: 'Your name' }),
    phone: ukPhone('Enter your phone number'),
    voicemail: v.picklist(VOICEMAIL, 'Select yes if we can leave a voicemail message'),
    bestTime: v.picklist(BEST_TIME, 'Select the best time for us to call'),
    bestTimeDetail: optionalText(BEST_TIME_DETAIL_MAX, 'When to call'),
    about: v.picklist(ABOUT, 'Select who the call is about'),
    aboutName: optionalName(ABOUT_NAME_MAX, 'Their first name'),
    notes: optionalText(NOTES_MAX, 'What we should know'),
  },
  applies: {
    // Asked only when the call is about someone else. Without JavaScript the
    // question is always on the page; an answer given with "Me" is dropped.
    aboutName: (raw) => SOMEONE_ELSE.includes(single(raw['about']) ?? ''),
  },
});

export type CallbackAnswers = FormAnswers<typeof callbackForm>;
