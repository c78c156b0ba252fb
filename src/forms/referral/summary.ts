/**
 * "Check your answers": the checked answers as rows under the 8 steps, in
 * the order asked. The server's check page and the browser's check step
 * both show these rows (src/forms/kit/components/CheckAnswers.astro gives
 * them their labels and markup), so they always say the same thing.
 */
import type { ChoiceLabel, SummaryRow, SummarySection } from '../kit/browser/check-answers.ts';
import { formatDate } from '../kit/browser/date.ts';
import { linesOf } from '../kit/browser/text.ts';
import { PLACE_NOT_SURE, STEPS, type StepId } from './questions.ts';
import type { ReferralAnswers } from './schema.ts';

export function summarise(answers: ReferralAnswers, label: ChoiceLabel): SummarySection[] {
  const a = answers;
  const rows: Record<StepId, (SummaryRow | undefined)[]> = {
    safety: [row('danger', label('danger', a.danger))],
    who: [row('filler', label('filler', a.filler))],
    person: [
      row('name', a.name),
      row('dob', formatDate(a.dob)),
      row('address', linesOf(a.address)),
      row('postcode', a.postcode),
      a.place === undefined ? undefined : row('place', a.place === PLACE_NOT_SURE ? 'I am not sure' : a.place),
      row('gp', a.gp.known ? a.gp.name : 'I do not know'),
      row('nhsNumber', a.nhsNumber ?? 'Not given'),
    ],
    diagnosis: [row('diagnosis', label('diagnosis', a.diagnosis))],
    support: [
      row(
        'reasons',
        a.reasons.map((reason) => label('reasons', reason)),
      ),
      a.reasonsOther === undefined ? undefined : row('reasonsOther', linesOf(a.reasonsOther)),
      row('happening', a.happening === undefined ? 'Not given' : linesOf(a.happening)),
    ],
    consent: [
      a.consent16 === undefined ? undefined : row('consent16', label('consent16', a.consent16)),
      a.consent16 === 'cannot-decide'
        ? row('capacityDetail', a.capacityDetail === undefined ? 'Not given' : linesOf(a.capacityDetail))
        : undefined,
      a.consentUnder16 === undefined ? undefined : row('consentUnder16', label('consentUnder16', a.consentUnder16)),
    ],
    contact: [
      a.fillerName === undefined ? undefined : row('fillerName', a.fillerName),
      a.relationship === undefined ? undefined : row('relationship', linesOf(a.relationship)),
      row('contactMethod', label('contactMethod', a.contactMethod)),
      a.phone === undefined ? undefined : row('phone', a.phone.typed),
      a.email === undefined ? undefined : row('email', a.email),
      a.letterAddress === undefined ? undefined : row('letterAddress', linesOf(a.letterAddress)),
      a.contactMethod === 'letter' && a.letterAddress === undefined
        ? { ...row('contactMethod', 'The home address above'), question: 'letterAddress' }
        : undefined,
    ],
    needs: [
      row('needs', a.needs.length ? a.needs.map((need) => label('needs', need)) : 'None'),
      a.needsLanguage === undefined ? undefined : row('needsLanguage', a.needsLanguage),
      a.needsOther === undefined ? undefined : row('needsOther', linesOf(a.needsOther)),
    ],
  };
  return STEPS.map((step) => ({
    step: step.id,
    rows: rows[step.id].filter((item): item is SummaryRow => item !== undefined),
  }));
}

function row(field: string, value: string | string[]): SummaryRow {
  return { field, value: typeof value === 'string' ? [value] : value };
}
