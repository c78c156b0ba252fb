/**
 * "Check your answers" for the professionals' form: the checked answers as
 * rows under the 7 steps, in the order asked, for the server's check page
 * and the browser's check step alike (kit/components/CheckAnswers.astro).
 */
import type { ChoiceLabel, SummaryRow, SummarySection } from '../kit/browser/check-answers.ts';
import { formatDate } from '../kit/browser/date.ts';
import { linesOf } from '../kit/browser/text.ts';
import { PLACE_NOT_KNOWN, STEPS, type StepId } from './questions.ts';
import type { ProfessionalAnswers } from './schema.ts';

export function summarise(a: ProfessionalAnswers, label: ChoiceLabel): SummarySection[] {
  const optional = (field: string, value: string | undefined) =>
    value === undefined ? undefined : row(field, linesOf(value));
  const rows: Record<StepId, (SummaryRow | undefined)[]> = {
    referrer: [
      row('proName', [a.proName]),
      row('proRole', [a.proRole]),
      row('proOrganisation', [a.proOrganisation]),
      row('proEmail', [a.proEmail]),
      row('proPhone', [a.proPhone.typed]),
    ],
    person: [
      row('name', [a.name]),
      row('dob', [formatDate(a.dob)]),
      row('address', linesOf(a.address)),
      row('postcode', [a.postcode]),
      a.place === undefined ? undefined : row('place', [a.place === PLACE_NOT_KNOWN ? 'Not known' : a.place]),
      row('gp', [a.gp.known ? a.gp.name : 'I do not know']),
      row('nhsNumber', [a.nhsNumber ?? 'Not given']),
    ],
    reasons: [
      row(
        'reasons',
        a.reasons.map((reason) => label('reasons', reason)),
      ),
      optional('reasonsOther', a.reasonsOther),
    ],
    risk: [row('danger', [label('danger', a.danger)]), row('risk', linesOf(a.risk))],
    consent: [
      a.consentAdult === undefined ? undefined : row('consentAdult', [label('consentAdult', a.consentAdult)]),
      a.consentAdult === 'lacks-capacity'
        ? row('capacityDetail', a.capacityDetail ? linesOf(a.capacityDetail) : ['Not given'])
        : undefined,
      a.consentYounger === undefined ? undefined : row('consentYounger', [label('consentYounger', a.consentYounger)]),
    ],
    tried: [row('tried', linesOf(a.tried))],
    needs: [
      row('needs', a.needs.length ? a.needs.map((need) => label('needs', need)) : ['None']),
      optional('needsLanguage', a.needsLanguage),
      optional('needsOther', a.needsOther),
    ],
  };
  return STEPS.map((step) => ({ step: step.id, rows: rows[step.id].filter((item) => item !== undefined) }));
}

function row(field: string, value: string[]): SummaryRow {
  return { field, value };
}
