/**
 * Checks raw answers against a form's definition. The server calls it on
 * every POST, the browser on submit (and, for steps, on each step), with the
 * same result, so the messages are always the same.
 */
import * as v from 'valibot';
import { applicableFields, type FormAnswers, type FormDefinition } from './form.ts';
import type { RawValues } from './values.ts';

export interface FieldError {
  /** The question's name. */
  field: string;
  /** GOV.UK-style words: "Enter your name". */
  message: string;
  /** Id of the element the error summary links to and focuses. */
  target: string;
}

type Validation<TData> =
  | { ok: true; data: TData }
  | {
      ok: false;
      /** Question name → message, in question order. */
      errors: Record<string, string>;
      /** The same errors as a list in question order, with their link targets. */
      list: FieldError[];
      /** What was sent, to show every answer again. */
      values: RawValues;
    };

interface ValidateOptions {
  /** Check only these questions (one step of a longer form); the others are ignored. */
  only?: readonly string[];
}

export function validate<TForm extends FormDefinition>(
  form: TForm,
  values: RawValues,
  options: ValidateOptions = {},
): Validation<FormAnswers<TForm>> {
  const data: Record<string, unknown> = {};
  const list: FieldError[] = [];
  for (const field of applicableFields(form, values)) {
    if (options.only && !options.only.includes(field)) continue;
    const schema = form.fields[field]!;
    const input = form.read?.[field] ? form.read[field](values) : values[field];
    const result = v.safeParse(schema, input, { abortPipeEarly: true });
    if (result.success) {
      if (result.output !== undefined) data[field] = result.output;
      continue;
    }
    const issue = result.issues[0];
    const part = issue.path?.[0]?.key;
    const target = typeof part === 'string' ? `${field}-${part}` : (form.targets?.[field] ?? field);
    list.push({ field, message: issue.message, target });
  }
  if (list.length === 0) return { ok: true, data: data as FormAnswers<TForm> };
  const errors = Object.fromEntries(list.map((error) => [error.field, error.message]));
  return { ok: false, errors, list, values };
}
