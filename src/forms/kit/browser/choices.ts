/**
 * Choices for radios and check boxes: the value a form sends and the words
 * a person reads. A form lists its choices once (in its questions.ts); its
 * schema takes the values from there, and the check-your-answers page and
 * the team's email take the labels.
 */
import * as v from 'valibot';
import { capitalise } from './text.ts';

export interface Choice<TValue extends string = string> {
  value: TValue;
  label: string;
  hint?: string;
}

/**
 * A check boxes question: several answers, each one of `values`, each once,
 * in the order offered; with `atLeastOne`, none is an error.
 */
export function someOf<T extends string>(values: readonly T[], message: string, atLeastOne: boolean) {
  return v.pipe(
    v.array(v.picklist(values, message), message),
    v.check((list) => !atLeastOne || list.length > 0, message),
    v.transform((list) => values.filter((value) => list.includes(value))),
  );
}

/** The place question's choices: the area's places by name, then the form's own "not sure". */
export function placeChoices(places: readonly string[], unknown: Choice): Choice[] {
  return [...places.map((place) => ({ value: place, label: place })), unknown];
}

/** The labels of a question's choices: one for each value. */
type Labels<TValues extends readonly string[]> = { readonly [K in TValues[number]]: string };

/**
 * A question's choices for the page: its values, in order, with their labels
 * and any hints. A form lists a question's values once (its schema takes
 * them) and gives the words in its questions' words, which stay out of the
 * browser's script: there, the check step reads the labels from the page.
 */
export function choicesOf<T extends readonly string[]>(
  values: T,
  labels: Labels<T>,
  hints: Partial<Labels<T>> = {},
): Choice[] {
  return values.map((value: T[number]) => {
    const hint = hints[value];
    return hint ? { value, label: labels[value], hint } : { value, label: labels[value] };
  });
}

/** The label of a choice ("In the morning"); an unknown value is shown as it is. */
export function choiceLabel(choices: readonly Choice[] | undefined, value: string): string {
  return choices?.find((choice) => choice.value === value)?.label ?? value;
}

/**
 * An area's reasons for adding a person (its settings' `reasons`, words that
 * finish "… if") as choices, "They may go into a mental health hospital",
 * then the form's own choice for any other reason.
 */
export function reasonChoices(reasons: readonly { id: string; text: string }[], other: Choice): Choice[] {
  return [...reasons.map((reason) => ({ value: reason.id, label: capitalise(reason.text) })), other];
}
