/**
 * The referral forms a team's system can read, as FHIR sees them: each
 * one's Questionnaire id, its title, and the definition and words it is
 * generated from, for an area. The definition and words are the form's own
 * (src/forms/<form>/), so a question changed there changes the Questionnaire.
 */
import type { Area } from '../area/schema.ts';
import { placeChoices, type Choice } from '../forms/kit/browser/choices.ts';
import type { FormDefinition } from '../forms/kit/browser/form.ts';
import type { QuestionWords } from '../forms/kit/fields.ts';
import { professionalReferral, professionalWords } from '../forms/professional/form.ts';
import {
  PLACE_UNKNOWN_CHOICE as PROFESSIONAL_PLACE_UNKNOWN,
  questions as professionalQuestions,
} from '../forms/professional/questions.ts';
import { areaWords, referral } from '../forms/referral/form.ts';
import {
  PLACE_UNKNOWN_CHOICE as REFERRAL_PLACE_UNKNOWN,
  questions as referralQuestions,
} from '../forms/referral/questions.ts';

export interface FhirForm {
  /** The Questionnaire's id, and the last part of its address: /fhir/Questionnaire/<id>. */
  id: string;
  title: string;
  /** Which areas offer the form. */
  offered: (area: Area) => boolean;
  definition: (area: Area) => FormDefinition;
  words: (area: Area) => Readonly<Record<string, QuestionWords>>;
}

/**
 * Any fixed day gives the same questions: the day only moves which consent
 * question applies to a date of birth, never which questions exist.
 */
const ANY_DAY = '2000-01-01';

/** The place question's choices are the area's places, given on the page (Questions.astro) as here. */
function withPlaces<TWords extends { place: QuestionWords }>(words: TWords, area: Area, unknown: Choice): TWords {
  return { ...words, place: { ...words.place, choices: placeChoices(area.places.list, unknown) } };
}

export const FHIR_FORMS = {
  referral: {
    id: 'dsr-self-referral',
    title: 'Ask to join the Dynamic Support Register (DSR)',
    offered: (area) => referral.offered(area),
    definition: (area) => referral.definition(area, ANY_DAY),
    words: (area) => withPlaces(referralQuestions(areaWords(area)), area, REFERRAL_PLACE_UNKNOWN),
  },
  professional: {
    id: 'dsr-professional-referral',
    title: 'Refer someone to the Dynamic Support Register (DSR) as a professional',
    offered: (area) => professionalReferral.offered(area),
    definition: (area) => professionalReferral.definition(area, ANY_DAY),
    words: (area) => withPlaces(professionalQuestions(professionalWords(area)), area, PROFESSIONAL_PLACE_UNKNOWN),
  },
} as const satisfies Record<string, FhirForm>;

export function fhirFormById(id: string): FhirForm | undefined {
  return Object.values(FHIR_FORMS).find((form) => form.id === id);
}
