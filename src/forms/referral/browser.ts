/**
 * Loaded by the referral page's <script>: turns the one complete form into
 * steps (src/forms/enhance/steps.ts) if the browser can, with the same
 * definition the server checks with. The page gives the area's places and
 * the server's London day in data attributes, so the browser works out the
 * same age (and so the same consent question) as the server.
 */
import { enhanceSteps } from '../enhance/steps.ts';
import { validate } from '../shared/validate.ts';
import { single } from '../shared/values.ts';
import { STEPS } from './questions.ts';
import { referralForm } from './schema.ts';
import { changeWords, summarise, type SummarySection } from './summary.ts';

const form = document.querySelector<HTMLFormElement>('form[data-form="referral"]');
if (form) {
  const places = JSON.parse(form.dataset['places'] ?? '[]') as string[];
  const placeKind = form.dataset['placeKind'] ?? 'borough';
  const today = form.dataset['today'] ?? '';
  const definition = referralForm({ places, placeKind, today: () => today });
  // Words for a page without JavaScript ("answer the one for the person's age"): here only one question shows.
  for (const element of document.querySelectorAll<HTMLElement>('[data-no-script-hint]')) element.hidden = true;

  enhanceSteps(form, definition, {
    steps: STEPS,
    sendLabel: 'Send referral',
    firstStepOnly: '[data-first-step-only]',
    divert: (step, values) =>
      step === 'consent' && (single(values['consent16']) === 'no' || single(values['consentUnder16']) === 'no')
        ? 'no-consent'
        : undefined,
    renderCheck: (section, values) => {
      const result = validate(definition, values);
      const container = section.querySelector<HTMLElement>('[data-check-summary]');
      if (!container || !result.ok) return;
      container.replaceChildren(...renderSummary(summarise(result.data, placeKind)));
    },
  });
}

/** The same markup as src/forms/referral/CheckAnswers.astro, with Change buttons that stay on the page. */
function renderSummary(sections: SummarySection[]): HTMLElement[] {
  const element = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    className?: string,
    text?: string,
  ): HTMLElementTagNameMap[K] => {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  };
  return sections
    .filter((section) => section.rows.length > 0)
    .flatMap((section) => {
      const heading = element('h3', 'summary-heading', section.heading);
      const list = element('dl', 'summary-list');
      for (const row of section.rows) {
        const item = element('div', 'summary-list__row');
        const value = element('dd', 'summary-list__value');
        row.value.forEach((line, index) => {
          if (index > 0) value.append(element('br'));
          value.append(line);
        });
        const actions = element('dd', 'summary-list__actions');
        const change = element('button', 'link-button', 'Change');
        change.type = 'button';
        change.dataset['change'] = row.field;
        change.dataset['changeTarget'] = row.target;
        change.append(element('span', 'visually-hidden', ` ${changeWords(row.label)}`));
        actions.append(change);
        item.append(element('dt', 'summary-list__key', row.label), value, actions);
        list.append(item);
      }
      return [heading, list];
    });
}
