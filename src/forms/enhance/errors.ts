/**
 * Shows and clears errors in the browser with the same markup as the
 * server's components (ErrorSummary.astro, ErrorMessage.astro, the
 * `form-group--error` class and the `<name>-error` id in aria-describedby),
 * so the page looks and reads the same with or without JavaScript.
 */
import type { FieldError } from '../shared/validate.ts';

const ERROR_PREFIX = 'Error: ';

/** The question's box: the `[data-field]` element for this name. */
export function groupOf(form: HTMLFormElement, field: string): HTMLElement | null {
  return form.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`);
}

/** The first element inside `group` with `selector` that belongs to it, not to a question nested in it. */
function own(group: HTMLElement, selector: string): HTMLElement | null {
  for (const element of group.querySelectorAll<HTMLElement>(selector)) {
    if (element.closest('[data-field]') === group) return element;
  }
  return null;
}

function setDescribedBy(element: HTMLElement, id: string, present: boolean): void {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((token) => token && token !== id);
  if (present) ids.push(id);
  if (ids.length) element.setAttribute('aria-describedby', ids.join(' '));
  else element.removeAttribute('aria-describedby');
}

/** Marks one question's error, or clears it when `message` is undefined. */
export function setFieldError(form: HTMLFormElement, field: string, message: string | undefined): void {
  const group = groupOf(form, field);
  if (!group) return;
  const errorId = `${field}-error`;
  own(group, '.form-error')?.remove();
  group.classList.toggle('form-group--error', message !== undefined);
  const described = own(group, '[data-described]');
  if (described) setDescribedBy(described, errorId, message !== undefined);
  if (message === undefined) return;

  const error = document.createElement('p');
  error.className = 'form-error';
  error.id = errorId;
  const hidden = document.createElement('span');
  hidden.className = 'visually-hidden';
  hidden.textContent = 'Error:';
  error.append(hidden, ` ${message}`);
  const control = own(group, '[data-control]');
  control?.parentNode?.insertBefore(error, control);
}

/** The summary at the top of main, replacing any there was; returns it so it can take focus. */
export function showSummary(form: HTMLFormElement, list: readonly FieldError[], description?: string): HTMLElement {
  removeSummary();
  const summary = document.createElement('div');
  summary.className = 'error-summary';
  summary.tabIndex = -1;
  summary.setAttribute('autofocus', '');
  summary.setAttribute('data-error-summary', '');
  const alert = document.createElement('div');
  alert.setAttribute('role', 'alert');
  const title = document.createElement('h2');
  title.className = 'error-summary__title';
  title.textContent = 'There is a problem';
  alert.append(title);
  if (description) {
    const p = document.createElement('p');
    p.className = 'error-summary__description';
    p.textContent = description;
    alert.append(p);
  }
  if (list.length) {
    const ul = document.createElement('ul');
    ul.className = 'error-summary__list';
    for (const error of list) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `#${error.target}`;
      a.textContent = error.message;
      li.append(a);
      ul.append(li);
    }
    alert.append(ul);
  }
  summary.append(alert);
  const container = form.closest('main') ?? form.parentElement!;
  container.prepend(summary);
  if (!document.title.startsWith(ERROR_PREFIX)) document.title = ERROR_PREFIX + document.title;
  return summary;
}

export function removeSummary(): void {
  for (const summary of document.querySelectorAll('[data-error-summary]')) summary.remove();
  if (document.title.startsWith(ERROR_PREFIX)) document.title = document.title.slice(ERROR_PREFIX.length);
}

/**
 * Shows these errors (and clears the others among `fields`), then moves focus
 * to the summary. An empty list clears everything.
 */
export function showErrors(
  form: HTMLFormElement,
  fields: readonly string[],
  list: readonly FieldError[],
  description?: string,
): void {
  const byField = new Map(list.map((error) => [error.field, error.message]));
  for (const field of fields) setFieldError(form, field, byField.get(field));
  if (list.length === 0 && !description) {
    removeSummary();
    return;
  }
  showSummary(form, list, description).focus();
}

/**
 * A summary link moves focus to its field and scrolls its label or legend
 * into view, so the question is seen with the answer box (GOV.UK behaviour).
 */
export function focusTarget(id: string): boolean {
  const target = document.getElementById(id);
  if (!target) return false;
  const legend = target.closest('fieldset')?.querySelector('legend');
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
  const heading = legend ?? label;
  (heading ?? target).scrollIntoView();
  target.focus({ preventScroll: true });
  return document.activeElement === target;
}
