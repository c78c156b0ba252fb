/**
 * A form's definition: its questions' rules, in question order. The one
 * source that the server (validation, the email), the browser (enhancement)
 * and, for longer forms, the steps and the check-your-answers page all use.
 */
import type * as v from 'valibot';
import type { RawValues } from './values.ts';

/** A question's valibot schema; it receives the raw answer (or what `read` gives). */
export type FieldSchema = v.GenericSchema<unknown, unknown>;

export interface FormDefinition<TFields extends Record<string, FieldSchema> = Record<string, FieldSchema>> {
  /** Names the form in logs and tests: "callback". */
  id: string;
  /**
   * One schema per question, in the order the questions are asked: the error
   * summary follows this order. A key is the question's `name` and the id of
   * its input (radios and check boxes: of the first option).
   */
  fields: TFields;
  /**
   * Questions asked only when earlier answers make them apply, such as "their
   * first name" only when the call is about someone else. A question that
   * does not apply is not checked and is left out of the answers; in the
   * browser it is hidden (see `data-applies` in the enhancer). A conditional
   * question's schema must accept `undefined`.
   */
  applies?: { readonly [K in keyof TFields]?: (values: RawValues) => boolean };
  /**
   * Questions made of several inputs (a date: day, month, year) read their
   * raw answer here, for example `(values) => ({ day: values['dob-day'], ... })`.
   * Without it, a question reads `values[name]`.
   */
  read?: { readonly [K in keyof TFields]?: (values: RawValues) => unknown };
  /**
   * The element an error links to, when it is not the element with the
   * question's name as its id (a date: "dob-day"). An issue with a nested
   * path (`month` in a date) links to `<name>-<key>` ("dob-month") instead.
   */
  targets?: { readonly [K in keyof TFields]?: string };
  /**
   * The inputs of a question made of several (a date: "dob-day",
   * "dob-month", "dob-year"), when they are not just the question's name:
   * the check-your-answers page carries them on in hidden fields.
   */
  inputs?: { readonly [K in keyof TFields]?: readonly string[] };
  /**
   * A longer form asked one topic at a time, in this order (with JavaScript;
   * without it, one page with a section per topic). Such a form ends with
   * "Check your answers": the server shows that page before it sends.
   */
  steps?: readonly Step[];
  /**
   * Answers that can never be sent (nobody agrees to the referral): the name
   * of the view that says why, or undefined. The server shows that view
   * instead of sending, and refuses to queue such answers; the browser shows
   * it as soon as the step with those answers passes.
   */
  stop?(answers: Partial<Outputs<TFields>>): string | undefined;
}

/** One topic of a form in steps: its id (`data-step`) and its questions, in order. */
export interface Step {
  id: string;
  fields: readonly string[];
}

type Outputs<TFields> = { [K in keyof TFields]: TFields[K] extends FieldSchema ? v.InferOutput<TFields[K]> : never };
type OptionalKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T];

/**
 * The checked answers of a form: each question's schema output. Questions
 * that may be left blank (or may not apply) are optional keys: a blank
 * answer is left out, never an empty string.
 */
export type FormAnswers<TForm extends FormDefinition> = Simplify<
  {
    [K in Exclude<keyof Outputs<TForm['fields']>, OptionalKeys<Outputs<TForm['fields']>>>]: Outputs<TForm['fields']>[K];
  } & {
    [K in OptionalKeys<Outputs<TForm['fields']>>]?: Outputs<TForm['fields']>[K];
  }
>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * A follow-up question: checked only when `applies` says it is asked, and
 * then it must be answered; absent from the answers otherwise, so its type
 * allows undefined (see FormDefinition.applies).
 */
export function asked<TSchema extends FieldSchema>(
  schema: TSchema,
): v.GenericSchema<unknown, v.InferOutput<TSchema> | undefined> {
  return schema as unknown as v.GenericSchema<unknown, v.InferOutput<TSchema> | undefined>;
}

/** Keeps the literal field names, so answers and errors are typed. */
export function defineForm<TFields extends Record<string, FieldSchema>>(
  form: FormDefinition<TFields>,
): FormDefinition<TFields> {
  return form;
}

/** The questions that apply to these answers, in order. */
export function applicableFields(form: FormDefinition, values: RawValues): string[] {
  return Object.keys(form.fields).filter((name) => form.applies?.[name]?.(values) ?? true);
}
