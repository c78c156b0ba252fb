/**
 * The referral form's words: each question, its hint, its choices and its
 * picture, and the 8 topics (steps) they belong to, in the order asked. The
 * page, the browser's steps, the check-your-answers page, the email and the
 * tests all read them from here; the rules and error messages are in
 * schema.ts.
 *
 * Easy read: sentences of 15 words or fewer, everyday words, hard words
 * explained where they are used. "You" is always the person filling in the
 * form; "the person" is who the referral is about, and reads naturally when
 * that is you ("If you are asking for yourself, ...").
 * Example numbers are Ofcom's drama numbers, never real ones.
 */
import type { ConsentDecider } from '../../consent/deciders.ts';
import { choicesOf, reasonChoices, type Choice } from '../kit/browser/choices.ts';
import { consentRoutes, youngerConsentValues } from '../kit/browser/consent.ts';
import { capitalise } from '../kit/browser/text.ts';
import type { ReferralWords } from '../kit/referral-settings.ts';
import { MOBILE_EXAMPLE } from '../kit/browser/phone.ts';
import type { Step } from '../kit/browser/form.ts';
import type { QuestionWords, StepWords } from '../kit/fields.ts';

// The values each choice question sends, in the order offered: the schema
// checks answers against them. Their labels and hints are in `questions()`.
export const DANGER = ['yes', 'no'] as const;
export const FILLER = ['self', 'parent', 'carer', 'professional'] as const;
export const DIAGNOSIS = ['learning-disability', 'autism', 'both', 'not-sure'] as const;
/** The reasons are the area's own (its settings' `reasons`), and then this one. */
export const REASON_OTHER = 'other';
export const CONSENT_16 = ['agrees', 'cannot-decide', 'no'] as const;
export const CONTACT_METHOD = ['phone', 'text', 'email', 'letter'] as const;
export const NEEDS = ['easy-read', 'large-print', 'bsl', 'language', 'advocate', 'quiet-time', 'other'] as const;

/** The answer for "I am not sure" in the borough or district question. */
export const PLACE_NOT_SURE = 'not-sure';
/** The last choice of the borough or district question, after the area's places. */
export const PLACE_UNKNOWN_CHOICE: Choice = { value: PLACE_NOT_SURE, label: 'I am not sure' };

export const ADDRESS_MAX = 300;
export const REASONS_OTHER_MAX = 200;
export const HAPPENING_MAX = 1000;
export const CAPACITY_DETAIL_MAX = 500;
export const RELATIONSHIP_MAX = 100;
export const LANGUAGE_MAX = 50;
export const NEEDS_OTHER_MAX = 200;

/** Who says yes for someone else, with the verb: "their parents or legal guardians agree". */
const DECIDER_AGREES: Record<ConsentDecider, string> = {
  'parent-or-carer': 'their parent or carer agrees',
  'parent-or-legal-guardian': 'their parents or legal guardians agree',
  'best-interests-meeting': 'a best interests meeting agrees',
};

/** Words that depend on the area: its places, its reasons and its consent model. */
export function questions(area: ReferralWords) {
  const { placeKind } = area;
  const routes = consentRoutes(area.consent);
  const byBestInterests = routes.bestInterests;
  const cannotDecideAgrees = DECIDER_AGREES[routes.cannotDecideBy];
  const youngerAgrees = DECIDER_AGREES[routes.youngerBy];
  return {
    danger: {
      label: 'Is anyone in danger now, or in a mental health crisis?',
      // The crisis page's words for 999 and for NHS 111 option 2.
      hint: 'For example, someone may hurt themselves or others right now. Or someone cannot cope, or is not safe.',
      picture: 'sos',
      // Yes points to the crisis lines just below the question (shown at once with JavaScript, always without).
      choices: choicesOf(
        DANGER,
        { yes: 'Yes', no: 'No' },
        { yes: 'The DSR team will not read this form today. Get help now: the numbers are below.' },
      ),
      short: 'Is anyone in danger now, or in a mental health crisis?',
    },
    filler: {
      label: 'Who is filling in this form?',
      hint: 'You can ask for yourself or for someone else.',
      picture: 'people',
      choices: choicesOf(
        FILLER,
        {
          self: 'I am asking for myself',
          parent: 'I am their parent, or I have parental responsibility',
          carer: 'I am their carer, family member or friend',
          professional: 'I am a professional, like a social worker or teacher',
        },
        {
          parent: 'Parental responsibility means you have the right to make choices for a child.',
        },
      ),
      short: 'Who is filling in this form',
    },
    name: {
      label: "The person's full name",
      hint: 'If you are asking for yourself, write your own name.',
      picture: 'person',
      short: 'Full name',
    },
    dob: {
      label: "The person's date of birth",
      hint: 'For example, 27 3 2014. We use it to work out their age today.',
      picture: 'birthday',
      short: 'Date of birth',
    },
    address: {
      label: "The person's home address",
      hint: 'Write the house number and street, then the town. Is the person staying somewhere else now, like a hospital? Tell us that too.',
      picture: 'home',
      short: 'Home address',
    },
    postcode: {
      label: 'Postcode',
      hint: 'The postcode of the home address.',
      picture: 'pin',
      short: 'Postcode',
    },
    place: {
      label: `Which ${placeKind} does the person live in?`,
      hint: 'This tells us which team should help.',
      picture: 'map',
      short: capitalise(placeKind),
    },
    gp: {
      label: "The person's GP surgery",
      hint: 'A GP is a family doctor. Write the name of the surgery or the doctor.',
      picture: 'doctor',
      short: 'GP surgery',
    },
    gpUnknown: {
      label: 'I do not know the GP surgery',
      short: 'GP surgery',
    },
    nhsNumber: {
      label: "The person's NHS number (optional)",
      hint: 'It has 10 numbers. It is on letters from the NHS and in the NHS App. Leave this empty if you do not know it.',
      picture: 'document',
      short: 'NHS number',
    },
    diagnosis: {
      label: 'Does the person have a learning disability, or are they autistic?',
      hint: 'Choose the answer that fits best.',
      picture: 'diagnosis',
      choices: choicesOf(
        DIAGNOSIS,
        {
          'learning-disability': 'A learning disability',
          autism: 'Autism (the person is autistic)',
          both: 'Both a learning disability and autism',
          'not-sure': 'Waiting for an assessment, or not sure',
        },
        {
          'not-sure': 'An assessment is when experts check if someone is autistic or has a learning disability.',
        },
      ),
      short: 'Learning disability or autism',
    },
    reasons: {
      label: 'Why might the person need extra support now?',
      hint: 'Choose all that fit.',
      picture: 'worried',
      choices: reasonChoices(area.reasons, { value: REASON_OTHER, label: 'Something else' }),
      short: 'Why they need extra support now',
    },
    reasonsOther: {
      label: 'Tell us the other reason',
      when: 'Only if you chose Something else.',
      short: 'Other reason',
    },
    happening: {
      label: 'What is happening now? (optional)',
      hint: 'Tell us a little about what is going on. We will ask more when we talk.',
      picture: 'talk',
      short: 'What is happening now',
    },
    consent16: {
      label: 'Does the person agree to be on the DSR?',
      hint: 'If you are asking for yourself, the person is you.',
      picture: 'agree',
      choices: choicesOf(
        CONSENT_16,
        {
          agrees: 'Yes, the person agrees',
          'cannot-decide': byBestInterests
            ? 'The person may not be able to decide'
            : `The person cannot decide, and ${cannotDecideAgrees}`,
          no: byBestInterests ? 'No, the person does not agree' : 'No, nobody agrees',
        },
        {
          agrees: 'If you are asking for yourself, choose this if you agree.',
          'cannot-decide': 'We explain this below.',
        },
      ),
      short: 'Does the person agree?',
    },
    capacityDetail: {
      label: 'Who helps the person make big decisions? (optional)',
      hint: 'For example, their family or a carer. Tell us if someone has the legal right to decide for them.',
      when: 'Only if the person may not be able to decide.',
      short: 'Who helps them make big decisions',
    },
    consentUnder16: {
      label: 'Who agrees to the young person being on the DSR?',
      picture: 'agree',
      choices: choicesOf(
        youngerConsentValues(area.consent),
        {
          parent: `Yes, ${youngerAgrees}`,
          'young-person': 'The young person understands and agrees for themselves',
          no: 'No, nobody agrees',
        },
        {
          'young-person': 'This is called Gillick competence. We explain it below.',
        },
      ),
      short: 'Who agrees?',
    },
    fillerName: {
      label: 'Your full name',
      hint: 'We ask because you are filling in this form for someone else.',
      when: 'Only if you are asking for someone else.',
      picture: 'person',
      short: 'Your name',
    },
    relationship: {
      label: 'How do you know the person?',
      hint: 'For example, I am their mum, their support worker or their friend.',
      when: 'Only if you are asking for someone else.',
      picture: 'family',
      short: 'How you know the person',
    },
    contactMethod: {
      label: 'What is the best way to contact you?',
      hint: 'If you are asking for someone else, tell us how to contact you.',
      picture: 'phone',
      choices: choicesOf(CONTACT_METHOD, {
        phone: 'Phone call',
        text: 'Text message',
        email: 'Email',
        letter: 'Letter',
      }),
      short: 'Best way to contact',
    },
    phone: {
      label: 'Your phone number',
      hint: `For text messages, give a mobile number. For example, ${MOBILE_EXAMPLE}.`,
      when: 'Only if you chose a phone call or a text message.',
      short: 'Phone number',
    },
    email: {
      label: 'Your email address',
      hint: 'We only use it to reply to you about the DSR.',
      when: 'Only if you chose email.',
      short: 'Email address',
    },
    letterAddress: {
      label: 'Your address for letters',
      hint: 'Write it with the postcode.',
      when: 'Only if you chose a letter and you are asking for someone else. If you are asking for yourself, we write to your home address.',
      short: 'Address for letters',
    },
    needs: {
      label: 'Do you or the person need help to communicate with us?',
      hint: 'Choose all that help. You can choose none.',
      picture: 'speaking',
      choices: choicesOf(
        NEEDS,
        {
          'easy-read': 'Easy read letters and papers',
          'large-print': 'Large print',
          bsl: 'A British Sign Language (BSL) interpreter',
          language: 'An interpreter for another language',
          advocate: 'An advocate, or someone to help',
          'quiet-time': 'A quiet place, or a set time to talk',
          other: 'Something else',
        },
        { advocate: 'An advocate helps you say what you want.' },
      ),
      short: 'Help to communicate',
    },
    needsLanguage: {
      label: 'Which language?',
      when: 'Only if you chose an interpreter for another language.',
      short: 'Language',
    },
    needsOther: {
      label: 'What other help do you need?',
      when: 'Only if you chose Something else.',
      short: 'Other help',
    },
  } as const satisfies Record<string, QuestionWords & { short: string }>;
}

/** The 8 topics: one step each with JavaScript, and one section each without it. */
export const STEPS = [
  { id: 'safety', fields: ['danger'] },
  { id: 'who', fields: ['filler'] },
  { id: 'person', fields: ['name', 'dob', 'address', 'postcode', 'place', 'gp', 'nhsNumber'] },
  { id: 'diagnosis', fields: ['diagnosis'] },
  { id: 'support', fields: ['reasons', 'reasonsOther', 'happening'] },
  { id: 'consent', fields: ['consent16', 'capacityDetail', 'consentUnder16'] },
  { id: 'contact', fields: ['fillerName', 'relationship', 'contactMethod', 'phone', 'email', 'letterAddress'] },
  { id: 'needs', fields: ['needs', 'needsLanguage', 'needsOther'] },
] as const satisfies readonly Step[];

export type StepId = (typeof STEPS)[number]['id'];

/** Each step's heading and picture. */
export const STEP_WORDS = {
  safety: { title: 'Safety first', picture: 'sos' },
  who: { title: 'Who is filling in this form', picture: 'people' },
  person: { title: 'About the person', picture: 'person' },
  diagnosis: { title: 'Learning disability and autism', picture: 'diagnosis' },
  support: { title: 'Why the person needs extra support now', picture: 'worried' },
  consent: { title: 'Saying yes to the DSR', picture: 'agree' },
  contact: { title: 'How we contact you', picture: 'phone' },
  needs: { title: 'Help to communicate', picture: 'speaking' },
} as const satisfies Record<StepId, StepWords>;
