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
 *
 * Browser-safe: no imports.
 */

export interface Choice<TValue extends string = string> {
  value: TValue;
  label: string;
  hint?: string;
}

/** Yes points to the crisis lines just below the question (shown at once with JavaScript, always without). */
export const DANGER = [
  { value: 'yes', label: 'Yes', hint: 'Get help now. The numbers to call are just below.' },
  { value: 'no', label: 'No' },
] as const satisfies readonly Choice[];

export const FILLER = [
  { value: 'self', label: 'I am asking for myself' },
  {
    value: 'parent',
    label: 'I am their parent, or I have parental responsibility',
    hint: 'Parental responsibility means you have the right to make choices for a child.',
  },
  { value: 'carer', label: 'I am their carer, family member or friend' },
  { value: 'professional', label: 'I am a professional, like a social worker or teacher' },
] as const satisfies readonly Choice[];

export const DIAGNOSIS = [
  { value: 'learning-disability', label: 'A learning disability' },
  { value: 'autism', label: 'Autism (the person is autistic)' },
  { value: 'both', label: 'Both a learning disability and autism' },
  {
    value: 'not-sure',
    label: 'Waiting for an assessment, or not sure',
    hint: 'An assessment is when experts check if someone is autistic or has a learning disability.',
  },
] as const satisfies readonly Choice[];

export const REASONS = [
  { value: 'hospital', label: 'They may have to go into a mental health hospital' },
  {
    value: 'home',
    label: 'Their home or placement may be breaking down',
    hint: 'A placement is where someone lives and gets care.',
  },
  {
    value: 'residential',
    label: 'They may move into a residential setting',
    hint: 'This is a place where people live and get care, like a care home.',
  },
  { value: 'police', label: 'They are in trouble with the police or the courts' },
  { value: 'other', label: 'Something else' },
] as const satisfies readonly Choice[];

export const CONSENT_16 = [
  {
    value: 'agrees',
    label: 'Yes, the person agrees',
    hint: 'If you are asking for yourself, choose this if you agree.',
  },
  {
    value: 'cannot-decide',
    label: 'The person may not be able to decide',
    hint: 'We explain what happens next below.',
  },
  { value: 'no', label: 'No, the person does not agree' },
] as const satisfies readonly Choice[];

export const CONSENT_UNDER_16 = [
  { value: 'parent', label: 'Their parent, or someone with parental responsibility, agrees' },
  {
    value: 'young-person',
    label: 'The young person understands and agrees for themselves',
    hint: 'This is called Gillick competence. We explain it below.',
  },
  { value: 'no', label: 'No, nobody agrees' },
] as const satisfies readonly Choice[];

export const CONTACT_METHOD = [
  { value: 'phone', label: 'Phone call' },
  { value: 'text', label: 'Text message' },
  { value: 'email', label: 'Email' },
  { value: 'letter', label: 'Letter' },
] as const satisfies readonly Choice[];

export const NEEDS = [
  { value: 'easy-read', label: 'Easy read letters and papers' },
  { value: 'large-print', label: 'Large print' },
  { value: 'bsl', label: 'A British Sign Language (BSL) interpreter' },
  { value: 'language', label: 'An interpreter for another language' },
  { value: 'advocate', label: 'An advocate, or someone to help', hint: 'An advocate helps you say what you want.' },
  { value: 'quiet-time', label: 'A quiet place, or a set time to talk' },
  { value: 'other', label: 'Something else' },
] as const satisfies readonly Choice[];

/** The answer for "I am not sure" in the borough or district question. */
export const PLACE_NOT_SURE = 'not-sure';

export const NAME_MAX = 100;
export const ADDRESS_MAX = 300;
export const GP_MAX = 100;
export const REASONS_OTHER_MAX = 200;
export const HAPPENING_MAX = 1000;
export const CAPACITY_DETAIL_MAX = 500;
export const RELATIONSHIP_MAX = 100;
export const EMAIL_MAX = 254;
export const LANGUAGE_MAX = 50;
export const NEEDS_OTHER_MAX = 200;
export const PHONE_EXAMPLES = '01632 960 001, 07700 900 982 or +44 808 157 0192';
export const MOBILE_EXAMPLE = '07700 900 982';

export interface Question {
  /** The label, or the legend of a group of choices. */
  label: string;
  /** Shown under the label, before the answer boxes. */
  hint?: string;
  /** Without JavaScript every question is on the page: this says when to answer a follow-up one. */
  when?: string;
  /** A picture name from src/pictures/catalogue.json. */
  picture?: string;
  choices?: readonly Choice[];
  /** What the check-your-answers page and the email call this answer. */
  short: string;
}

/** Words that depend on the area: what its places are called ("borough", "district"). */
export function questions(placeKind: string) {
  return {
    danger: {
      label: 'Is anyone in danger right now?',
      hint: 'This means someone could be badly hurt now. It could be the person or someone else.',
      picture: 'sos',
      choices: DANGER,
      short: 'Is anyone in danger right now?',
    },
    filler: {
      label: 'Who is filling in this form?',
      hint: 'You can ask for yourself or for someone else.',
      picture: 'people',
      choices: FILLER,
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
      choices: DIAGNOSIS,
      short: 'Learning disability or autism',
    },
    reasons: {
      label: 'Why might the person need extra support now?',
      hint: 'Choose all that fit.',
      picture: 'worried',
      choices: REASONS,
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
      choices: CONSENT_16,
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
      choices: CONSENT_UNDER_16,
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
      choices: CONTACT_METHOD,
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
      choices: NEEDS,
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
  } as const satisfies Record<string, Question>;
}

export type QuestionName = keyof ReturnType<typeof questions>;

/** The 8 topics: one step each with JavaScript, and one section each without it. */
export const STEPS = [
  { id: 'safety', title: 'Safety first', picture: 'sos', fields: ['danger'] },
  { id: 'who', title: 'Who is filling in this form', picture: 'people', fields: ['filler'] },
  {
    id: 'person',
    title: 'About the person',
    picture: 'person',
    fields: ['name', 'dob', 'address', 'postcode', 'place', 'gp', 'nhsNumber'],
  },
  { id: 'diagnosis', title: 'Learning disability and autism', picture: 'diagnosis', fields: ['diagnosis'] },
  {
    id: 'support',
    title: 'Why the person needs extra support now',
    picture: 'worried',
    fields: ['reasons', 'reasonsOther', 'happening'],
  },
  {
    id: 'consent',
    title: 'Saying yes to the DSR',
    picture: 'agree',
    fields: ['consent16', 'capacityDetail', 'consentUnder16'],
  },
  {
    id: 'contact',
    title: 'How we contact you',
    picture: 'phone',
    fields: ['fillerName', 'relationship', 'contactMethod', 'phone', 'email', 'letterAddress'],
  },
  { id: 'needs', title: 'Help to communicate', picture: 'speaking', fields: ['needs', 'needsLanguage', 'needsOther'] },
] as const satisfies readonly { id: string; title: string; picture: string; fields: readonly string[] }[];

export type StepId = (typeof STEPS)[number]['id'];

/** The step a question is asked in. */
export function stepOf(field: string): (typeof STEPS)[number] | undefined {
  return STEPS.find((step) => (step.fields as readonly string[]).includes(field));
}

/** The label of a choice: "Phone call". */
export function choiceLabel(choices: readonly Choice[], value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return choices.find((choice) => choice.value === value)?.label ?? value;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
