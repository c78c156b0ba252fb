/**
 * "Check your answers" in the browser's check step. A form's summary
 * function (its summary.ts) turns checked answers into rows; the rows' markup
 * comes from the template the server renders with the same component as its
 * own check page (src/forms/kit/components/CheckAnswers.astro): one heading
 * and list per step, one row per question, each with its label and Change
 * button. Here the rows that apply are cloned and filled with the answers.
 */

export interface SummaryRow {
  /** The question a Change button goes back to (`change=<field>`). */
  field: string;
  /** The question whose words name the row, when they are not the field's own. */
  question?: string;
  /** The answer, one line each. */
  value: string[];
}

export interface SummarySection {
  /** The step's id. */
  step: string;
  rows: SummaryRow[];
}

/** The label of a choice a question was answered with. */
export type ChoiceLabel = (field: string, value: string) => string;

/** The labels of the options the person chose from, as the page shows them. */
export function labelFromPage(form: HTMLFormElement): ChoiceLabel {
  return (field, value) =>
    form
      .querySelector<HTMLInputElement>(`input[name="${CSS.escape(field)}"][value="${CSS.escape(value)}"]`)
      ?.labels?.[0]?.textContent?.trim() ?? value;
}

export function fillCheckAnswers(container: HTMLElement, sections: readonly SummarySection[]): void {
  const template = container.querySelector<HTMLTemplateElement>('template[data-template="check-answers"]');
  const output = container.querySelector('[data-check-summary]');
  if (!template || !output) return;
  const content = template.content.cloneNode(true) as DocumentFragment;
  for (const heading of content.querySelectorAll<HTMLElement>('[data-section]')) {
    const list = heading.nextElementSibling!;
    const rows = sections.find((section) => section.step === heading.dataset['section'])?.rows ?? [];
    list.replaceChildren(
      ...rows.map((row) => {
        const item = list.querySelector(`[data-row="${row.question ?? row.field}"]`)!.cloneNode(true) as HTMLElement;
        item.querySelector('dd')!.textContent = row.value.join('\n');
        const change = item.querySelector('button')!;
        change.value = row.field;
        // Not a submit button here: the form's default button (Enter in a box) must stay the main one.
        change.type = 'button';
        return item;
      }),
    );
    if (rows.length === 0) {
      heading.remove();
      list.remove();
    }
  }
  output.replaceChildren(content);
}
