/**
 * "Check your answers": the checked answers as rows under the 8 topics, in
 * the order asked. The server's check page (CheckAnswers.astro) and the
 * browser's check step (browser.ts) both render these rows, so they always
 * say the same thing.
 *
 * Browser-safe: no imports beyond the form's own words and types.
 */
import {
  CONSENT_16,
  CONSENT_UNDER_16,
  CONTACT_METHOD,
  DANGER,
  DIAGNOSIS,
  FILLER,
  NEEDS,
  PLACE_NOT_SURE,
  REASONS,
  STEPS,
  choiceLabel,
  questions,
  type StepId,
} from './questions.ts';
import type { ReferralAnswers } from './schema.ts';

export interface SummaryRow {
  /** The question's name, sent back as `change=<field>` to change it. */
  field: string;
  /** What the answer is about: "Date of birth". */
  label: string;
  /** One line each. */
  value: string[];
  /** The id the Change link goes to: the question's first input. */
  target: string;
}

export interface SummarySection {
  step: StepId;
  heading: string;
  rows: SummaryRow[];
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2014-03-05" → "5 March 2014". */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/** Text as lines, for multi-line answers. */
export function linesOf(text: string): string[] {
  return text.split('\n');
}

const TARGETS: Record<string, string> = { dob: 'dob-day' };

export function summarise(answers: ReferralAnswers, placeKind: string): SummarySection[] {
  const q = questions(placeKind);
  const a = answers;
  const rows: Record<StepId, (SummaryRow | undefined)[]> = {
    safety: [row('danger', q.danger.short, choiceLabel(DANGER, a.danger))],
    who: [row('filler', q.filler.short, choiceLabel(FILLER, a.filler))],
    person: [
      row('name', q.name.short, a.name),
      row('dob', q.dob.short, formatDate(a.dob)),
      row('address', q.address.short, linesOf(a.address)),
      row('postcode', q.postcode.short, a.postcode),
      row('place', q.place.short, a.place === PLACE_NOT_SURE ? 'I am not sure' : a.place),
      row('gp', q.gp.short, a.gp.known ? a.gp.name : 'I do not know'),
      row('nhsNumber', q.nhsNumber.short, a.nhsNumber ?? 'Not given'),
    ],
    diagnosis: [row('diagnosis', q.diagnosis.short, choiceLabel(DIAGNOSIS, a.diagnosis))],
    support: [
      row(
        'reasons',
        q.reasons.short,
        a.reasons.map((reason) => choiceLabel(REASONS, reason)!),
      ),
      a.reasonsOther === undefined ? undefined : row('reasonsOther', q.reasonsOther.short, linesOf(a.reasonsOther)),
      row('happening', q.happening.short, a.happening === undefined ? 'Not given' : linesOf(a.happening)),
    ],
    consent: [
      a.consent16 === undefined ? undefined : row('consent16', q.consent16.short, choiceLabel(CONSENT_16, a.consent16)),
      a.consent16 === 'cannot-decide'
        ? row(
            'capacityDetail',
            q.capacityDetail.short,
            a.capacityDetail === undefined ? 'Not given' : linesOf(a.capacityDetail),
          )
        : undefined,
      a.consentUnder16 === undefined
        ? undefined
        : row('consentUnder16', q.consentUnder16.short, choiceLabel(CONSENT_UNDER_16, a.consentUnder16)),
    ],
    contact: [
      a.fillerName === undefined ? undefined : row('fillerName', q.fillerName.short, a.fillerName),
      a.relationship === undefined ? undefined : row('relationship', q.relationship.short, linesOf(a.relationship)),
      row('contactMethod', q.contactMethod.short, choiceLabel(CONTACT_METHOD, a.contactMethod)),
      a.phone === undefined ? undefined : row('phone', q.phone.short, a.phone.typed),
      a.email === undefined ? undefined : row('email', q.email.short, a.email),
      a.letterAddress === undefined ? undefined : row('letterAddress', q.letterAddress.short, linesOf(a.letterAddress)),
      a.contactMethod === 'letter' && a.letterAddress === undefined
        ? row('contactMethod', q.letterAddress.short, 'The home address above')
        : undefined,
    ],
    needs: [
      row('needs', q.needs.short, a.needs.length ? a.needs.map((need) => choiceLabel(NEEDS, need)!) : 'None'),
      a.needsLanguage === undefined ? undefined : row('needsLanguage', q.needsLanguage.short, a.needsLanguage),
      a.needsOther === undefined ? undefined : row('needsOther', q.needsOther.short, linesOf(a.needsOther)),
    ],
  };
  return STEPS.map((step) => ({
    step: step.id,
    heading: step.title,
    rows: rows[step.id].filter((item): item is SummaryRow => item !== undefined),
  }));
}

function row(field: string, label: string, value: string | string[] | undefined): SummaryRow {
  return {
    field,
    label,
    value: value === undefined ? ['Not given'] : typeof value === 'string' ? [value] : value,
    target: TARGETS[field] ?? field,
  };
}

/** The hidden words after "Change": "Change date of birth". */
export function changeWords(label: string): string {
  // "Full name" → "full name"; "NHS number" and "GP surgery" keep their capitals.
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}
