/**
 * What every question component (components/TextInput.astro and the others)
 * is given: the question's name, its words, and the page's answers, errors
 * and focus, from which it takes its value, its error and whether it is
 * focused. A form's questions markup binds them with `questionsOf`:
 *
 *   const ask = questionsOf(state, questions);
 *   <TextInput {...ask('name')} autocomplete="name" />
 */
import { choiceLabel, type Choice } from './browser/choices.ts';
import type { ChoiceLabel } from './browser/check-answers.ts';
import type { Step } from './browser/form.ts';
import type { RawValues } from './browser/values.ts';

/** A question's words, as a form's questions.ts lists them. */
export interface QuestionWords {
  /** The label, or the legend of a group of inputs. */
  label: string;
  /** Shown under the label, before the answer boxes. */
  hint?: string;
  /** Without JavaScript every question is on the page: when to answer a follow-up one. Shown before the hint. */
  when?: string;
  /** A picture name from src/pictures/catalogue.json. */
  picture?: string;
  choices?: readonly Choice[];
  /** What the check-your-answers page calls the answer. */
  short?: string;
}

/** The page's answers (as sent), errors (question → message) and the question to focus. */
interface FieldState {
  values: RawValues;
  errors: Record<string, string>;
  focus?: string | undefined;
}

export interface QuestionProps {
  name: string;
  words: QuestionWords;
  state: FieldState;
}

export function questionsOf<TWords extends Record<string, QuestionWords>>(state: FieldState, words: TWords) {
  return (name: keyof TWords & string): QuestionProps => ({ name, words: words[name]!, state });
}

/**
 * What a question component shows around its control: the words under the
 * label (when to answer, without JavaScript, then the hint), the error, and
 * the ids its control's aria-describedby names (with `extra` ones, such as a
 * character count's).
 */
export function describe({ name, words, state }: QuestionProps, ...extra: (string | undefined)[]) {
  const hint = [words.when, words.hint].filter(Boolean).join(' ') || undefined;
  const error = state.errors[name];
  const describedBy =
    [hint && `${name}-hint`, ...extra, error && `${name}-error`].filter(Boolean).join(' ') || undefined;
  return { hint, error, describedBy };
}

/** A step's words: its heading, and its picture. */
export interface StepWords {
  title: string;
  picture?: string;
}

/** A form's steps with their headings, in order (none for a one-page form). */
export function stepsWithWords(
  steps: readonly Step[] | undefined,
  words: Readonly<Record<string, StepWords>> = {},
): (Step & StepWords)[] {
  return (steps ?? []).map((step) => {
    const title = words[step.id]?.title;
    if (!title) throw new Error(`The step "${step.id}" has no title in the form's page words`);
    return { ...step, title };
  });
}

/** The labels of the options a person chose from, from the questions' words (the server's check page). */
export function labelFromWords(words: Readonly<Record<string, QuestionWords>>): ChoiceLabel {
  return (field, value) => choiceLabel(words[field]?.choices, value);
}
