/**
 * The professionals' referral form's words: each question, its hint, its
 * choices and its picture, and the 7 steps they belong to, in the order
 * asked. The page, the browser's steps, the check page, the email and the
 * tests read them from here; the rules and error messages are in schema.ts.
 *
 * This form is for professionals, so it uses plain English rather than easy
 * read (the page says so): professional terms such as "mental capacity" and
 * "best interests decision" are used as they are at work. "You" is the
 * professional; "the person" is who the referral is about.
 * Example numbers are Ofcom's drama numbers, never real ones.
 */
import type { ConsentDecider } from '../../consent/deciders.ts';
import { choicesOf, reasonChoices, type Choice } from '../kit/browser/choices.ts';
import { consentRoutes, youngerConsentValues } from '../kit/browser/consent.ts';
import { capitalise } from '../kit/browser/text.ts';
import type { ReferralWords } from '../kit/referral-settings.ts';
import type { Step } from '../kit/browser/form.ts';
import type { QuestionWords, StepWords } from '../kit/fields.ts';

// The values each choice question sends, in the order offered: the schema
// checks answers against them. Their labels and hints are in `questions()`.
export const DANGER = ['yes', 'no'] as const;
/** The reasons are the area's own (its settings' `reasons`), and then this one. */
export const REASON_OTHER = 'other';
export const CONSENT_ADULT = ['consents', 'lacks-capacity', 'no'] as const;
export const NEEDS = [
  'easy-read',
  'large-print',
  'bsl',
  'language',
  'advocate',
  'autism-adjustments',
  'other',
] as const;

/** The answer for "Not known" in the borough or district question. */
export const PLACE_NOT_KNOWN = 'not-known';
/** The last choice of the borough or district question, after the area's places. */
export const PLACE_UNKNOWN_CHOICE: Choice = { value: PLACE_NOT_KNOWN, label: 'Not known' };

export const ROLE_MAX = 100;
export const ORGANISATION_MAX = 150;
export const REASONS_OTHER_MAX = 300;
export const RISK_MAX = 2000;
export const CAPACITY_DETAIL_MAX = 1000;
export const TRIED_MAX = 2000;
export const LANGUAGE_MAX = 50;
export const NEEDS_OTHER_MAX = 300;

/** Who consents for someone else, in a professional's words. */
export const DECIDER_CONSENTS: Record<ConsentDecider, string> = {
  'parent-or-carer': 'their parent or carer consents',
  'parent-or-legal-guardian': 'their parents or legal guardians consent',
  'best-interests-meeting': 'a best interests decision supports the referral',
};

/** Words that depend on the area: its places, its reasons and its consent model. */
export function questions(area: ReferralWords) {
  const routes = consentRoutes(area.consent);
  const cannotDecide = DECIDER_CONSENTS[routes.cannotDecideBy];
  return {
    proName: {
      label: 'Your full name',
      picture: 'person',
      short: 'Your name',
    },
    proRole: {
      label: 'Your role',
      hint: 'For example, social worker, occupational therapist or community nurse.',
      picture: 'doctor',
      short: 'Your role',
    },
    proOrganisation: {
      label: 'Your organisation',
      hint: 'For example, the council team, NHS trust, school or charity you work for.',
      picture: 'document',
      short: 'Your organisation',
    },
    proEmail: {
      label: 'Your work email address',
      hint: 'The DSR team will reply to this address.',
      picture: 'email',
      short: 'Work email address',
    },
    proPhone: {
      label: 'Your work phone number',
      hint: 'For example, 020 7946 0000.',
      picture: 'phone',
      short: 'Work phone number',
    },
    name: {
      label: "The person's full name",
      picture: 'person',
      short: 'Full name',
    },
    dob: {
      label: "The person's date of birth",
      hint: 'For example, 27 3 2014. It gives their age today, which decides the register and how consent works.',
      picture: 'birthday',
      short: 'Date of birth',
    },
    address: {
      label: "The person's home address",
      hint: 'If they are staying somewhere else now, such as a hospital or a placement, say so.',
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
      label: `Which ${area.placeKind} does the person live in?`,
      hint: 'This tells the DSR team which local team should be involved.',
      picture: 'map',
      short: capitalise(area.placeKind),
    },
    gp: {
      label: "The person's GP surgery",
      hint: 'The name of the surgery or of the GP.',
      picture: 'doctor',
      short: 'GP surgery',
    },
    gpUnknown: {
      label: 'I do not know the GP surgery',
      short: 'GP surgery',
    },
    nhsNumber: {
      label: "The person's NHS number (optional)",
      hint: 'It has 10 digits. Leave this empty if you do not have it.',
      picture: 'document',
      short: 'NHS number',
    },
    reasons: {
      label: 'Reason for referral',
      hint: 'These are the reasons this area adds people to the DSR. Select all that apply.',
      picture: 'worried',
      choices: reasonChoices(area.reasons, { value: REASON_OTHER, label: 'Another reason' }),
      short: 'Reason for referral',
    },
    reasonsOther: {
      label: 'Describe the other reason',
      when: 'Only if you selected Another reason.',
      short: 'Other reason',
    },
    danger: {
      label: 'Is anyone in danger now, or is the person in a mental health crisis?',
      hint: 'For example, someone may hurt themselves or others right now, or someone cannot cope or is not safe.',
      picture: 'sos',
      choices: choicesOf(
        DANGER,
        { yes: 'Yes', no: 'No' },
        { yes: 'The DSR team will not read this form today. Get help now: the numbers are below.' },
      ),
      short: 'Anyone in danger now, or in a mental health crisis?',
    },
    risk: {
      label: 'Current risk',
      hint: 'Describe the risks now: to the person, to others, and of a hospital admission or the placement breaking down. Say what has changed recently.',
      picture: 'warning',
      short: 'Current risk',
    },
    consentAdult: {
      label: `Consent: the person is ${routes.fromAge} or older`,
      hint: 'Record the consent you have for the person being on the DSR.',
      picture: 'agree',
      choices: choicesOf(
        CONSENT_ADULT,
        {
          consents: 'The person has given their consent',
          'lacks-capacity': routes.bestInterests
            ? 'The person lacks capacity for this decision, and a best interests decision supports the referral'
            : `The person lacks capacity for this decision, and ${cannotDecide}`,
          no: 'The person does not consent, and there is no other basis',
        },
        routes.assessment ? { 'lacks-capacity': 'A Mental Capacity Assessment should have been done first.' } : {},
      ),
      short: `Consent (${routes.fromAge} or older)`,
    },
    capacityDetail: {
      label: routes.bestInterests
        ? 'Details of the capacity assessment and the best interests decision (optional)'
        : 'Who consented for the person (optional)',
      hint: routes.bestInterests
        ? 'Who assessed capacity and when, and who was involved in the best interests decision.'
        : 'Their name and how they are related to the person.',
      when: 'Only if the person lacks capacity for this decision.',
      short: routes.bestInterests ? 'Capacity and best interests' : 'Who consented',
    },
    consentYounger: {
      label: `Consent: the person is under ${routes.fromAge}`,
      hint: 'Record the consent you have for the young person being on the DSR.',
      picture: 'agree',
      choices: choicesOf(youngerConsentValues(area.consent), {
        parent: `Yes, ${DECIDER_CONSENTS[routes.youngerBy]}`,
        'young-person': 'The young person consents, and is Gillick competent to do so',
        no: 'Nobody who can consent has done so',
      }),
      short: `Consent (under ${routes.fromAge})`,
    },
    tried: {
      label: 'What has been tried so far',
      hint: 'Support, services and plans already in place or tried, and what happened.',
      picture: 'list',
      short: 'What has been tried',
    },
    needs: {
      label: "The person's communication needs",
      hint: 'Select all that apply, or none.',
      picture: 'speaking',
      choices: choicesOf(NEEDS, {
        'easy-read': 'Easy read information',
        'large-print': 'Large print',
        bsl: 'A British Sign Language (BSL) interpreter',
        language: 'An interpreter for another language',
        advocate: 'An advocate',
        'autism-adjustments': 'Reasonable adjustments for autism, such as a quiet place or set times',
        other: 'Something else',
      }),
      short: 'Communication needs',
    },
    needsLanguage: {
      label: 'Which language?',
      when: 'Only if you selected an interpreter for another language.',
      short: 'Language',
    },
    needsOther: {
      label: 'What other communication needs does the person have?',
      when: 'Only if you selected Something else.',
      short: 'Other needs',
    },
  } as const satisfies Record<string, QuestionWords & { short: string }>;
}

/** The 7 topics: one step each with JavaScript, and one section each without it. */
export const STEPS = [
  { id: 'referrer', fields: ['proName', 'proRole', 'proOrganisation', 'proEmail', 'proPhone'] },
  { id: 'person', fields: ['name', 'dob', 'address', 'postcode', 'place', 'gp', 'nhsNumber'] },
  { id: 'reasons', fields: ['reasons', 'reasonsOther'] },
  { id: 'risk', fields: ['danger', 'risk'] },
  { id: 'consent', fields: ['consentAdult', 'capacityDetail', 'consentYounger'] },
  { id: 'tried', fields: ['tried'] },
  { id: 'needs', fields: ['needs', 'needsLanguage', 'needsOther'] },
] as const satisfies readonly Step[];

export type StepId = (typeof STEPS)[number]['id'];

/** Each step's heading and picture. */
export const STEP_WORDS = {
  referrer: { title: 'About you', picture: 'doctor' },
  person: { title: 'The person you are referring', picture: 'person' },
  reasons: { title: 'Reason for referral', picture: 'worried' },
  risk: { title: 'Current risk', picture: 'sos' },
  consent: { title: 'Consent', picture: 'agree' },
  tried: { title: 'What has been tried', picture: 'list' },
  needs: { title: 'Communication needs', picture: 'speaking' },
} as const satisfies Record<StepId, StepWords>;
