/**
 * A form's FHIR R4 Questionnaire, generated from its own definition and
 * words (never written by hand): one item per question, in the order asked,
 * its `linkId` the question's name. A choice question offers the very
 * values the form posts (its valibot picklist) as `answerOption` codes, with
 * the words a person reads as their display. The `version` is a hash of the
 * items, so any change in the questions, their words or their choices gives
 * a new version, and the same questions always give the same one.
 */
import { createHash } from 'node:crypto';
import type { Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';
import type { Area } from '../area/schema.ts';
import { choiceLabel } from '../forms/kit/browser/choices.ts';
import type { FieldSchema, FormDefinition } from '../forms/kit/browser/form.ts';
import type { QuestionWords } from '../forms/kit/fields.ts';
import { questionnaireUrl } from './canonical.ts';
import type { FhirForm } from './forms.ts';

/** The GP question's second input: ticked when the person does not know the surgery. */
export const GP_UNKNOWN = 'gpUnknown';

/** The codes a choice question posts, and whether several may be chosen; undefined for other questions. */
export function choiceCodes(schema: FieldSchema): { codes: readonly string[]; repeats: boolean } | undefined {
  const node = schema as { type: string; options?: readonly string[]; item?: { type: string; options?: string[] } };
  if (node.type === 'picklist' && node.options) return { codes: node.options, repeats: false };
  if (node.type === 'array' && node.item?.type === 'picklist' && node.item.options)
    return { codes: node.item.options, repeats: true };
  return undefined;
}

/** A question asked as day, month and year boxes is a date. */
function isDate(definition: FormDefinition, name: string): boolean {
  const inputs = definition.inputs?.[name] ?? [];
  return inputs.length === 3 && inputs.every((input) => /-(day|month|year)$/.test(input));
}

/** Answered whenever asked: not optional, and not a follow-up that only some answers ask. */
function required(definition: FormDefinition, name: string): boolean {
  const schema = definition.fields[name] as { type: string };
  return schema.type !== 'optional' && definition.applies?.[name] === undefined;
}

function itemOf(definition: FormDefinition, words: Readonly<Record<string, QuestionWords>>, name: string) {
  const question = words[name];
  if (!question) throw new Error(`The question "${name}" has no words`);
  const item: QuestionnaireItem = { linkId: name, text: question.label, type: 'string' };
  const choices = choiceCodes(definition.fields[name]!);
  if (choices) {
    item.type = 'choice';
    if (choices.repeats) item.repeats = true;
    item.answerOption = choices.codes.map((code) => ({
      valueCoding: { code, display: choiceLabel(question.choices, code) },
    }));
  } else if (isDate(definition, name)) {
    item.type = 'date';
  }
  item.required = required(definition, name);
  const items = [item];
  // The GP question is a name or "I do not know": the second is its own yes-or-no input.
  if (definition.inputs?.[name]?.includes(GP_UNKNOWN) && words[GP_UNKNOWN]) {
    items.push({ linkId: GP_UNKNOWN, text: words[GP_UNKNOWN].label, type: 'boolean', required: false });
  }
  return items;
}

/** A short hash of the items: the Questionnaire's version. */
function versionOf(items: QuestionnaireItem[]): string {
  return createHash('sha256').update(JSON.stringify(items)).digest('hex').slice(0, 12);
}

export function generateQuestionnaire(
  form: Pick<FhirForm, 'id' | 'title'>,
  definition: FormDefinition,
  words: Readonly<Record<string, QuestionWords>>,
  base: string,
): Questionnaire & { url: string; version: string } {
  const item = Object.keys(definition.fields).flatMap((name) => itemOf(definition, words, name));
  return {
    resourceType: 'Questionnaire',
    id: form.id,
    url: questionnaireUrl(base, form.id),
    version: versionOf(item),
    name: form.id.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase()),
    title: form.title,
    status: 'active',
    subjectType: ['Patient'],
    item,
  };
}

/** The form's Questionnaire for this area, at this base address. */
export function questionnaireFor(form: FhirForm, area: Area, base: string) {
  return generateQuestionnaire(form, form.definition(area), form.words(area), base);
}
