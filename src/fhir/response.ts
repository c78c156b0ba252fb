/**
 * A referral's answers as QuestionnaireResponse items: one per answered
 * question, by the Questionnaire's own items (so every linkId is one of
 * its), in the order asked. A choice is answered with the option's own
 * coding; a date as a date; a phone number in the form to dial; a GP
 * surgery by name, or the "I do not know" input as true.
 */
import type {
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
} from '@medplum/fhirtypes';
import { GP_UNKNOWN } from './questionnaire.ts';

type Answers = Readonly<Record<string, unknown>>;

function codingAnswer(item: QuestionnaireItem, code: string): QuestionnaireResponseItemAnswer {
  const option = item.answerOption?.find((candidate) => candidate.valueCoding?.code === code);
  if (!option?.valueCoding) throw new Error(`"${code}" is not an option of the question "${item.linkId}"`);
  return { valueCoding: option.valueCoding };
}

/** The answer's value as text: a phone number to dial, a GP surgery's name. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    if ('e164' in value && typeof value.e164 === 'string') return value.e164;
    if ('known' in value && value.known === true && 'name' in value && typeof value.name === 'string')
      return value.name;
  }
  return undefined;
}

function answersOf(item: QuestionnaireItem, answers: Answers): QuestionnaireResponseItemAnswer[] {
  if (item.linkId === GP_UNKNOWN) {
    const gp = answers['gp'] as { known: boolean } | undefined;
    return gp?.known === false ? [{ valueBoolean: true }] : [];
  }
  const value = answers[item.linkId];
  if (value === undefined) return [];
  if (item.type === 'choice') return (Array.isArray(value) ? value : [value]).map((code) => codingAnswer(item, code));
  const text = textOf(value);
  if (text === undefined) return [];
  return [item.type === 'date' ? { valueDate: text } : { valueString: text }];
}

export function responseItems(questionnaire: Questionnaire, answers: Answers): QuestionnaireResponseItem[] {
  return (questionnaire.item ?? []).flatMap((item) => {
    const answer = answersOf(item, answers);
    return answer.length ? [{ linkId: item.linkId, text: item.text, answer }] : [];
  });
}
