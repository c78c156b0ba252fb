/**
 * Shows and clears errors in the browser with the server's own markup: the
 * summary and the inline message are cloned from the templates the form
 * page renders with the same components (ErrorSummary.astro and
 * ErrorMessage.astro, see FormPage.astro), and a question with an error gets
 * the same `form-group--error` class and `<name>-error` id in its
 * aria-describedby. The page looks and reads the same with or without
 * JavaScript.
 */
import type { FieldError } from './validate.ts';

const ERROR_PREFIX = 'Error: ';

/** A copy of the markup in `<template data-template="<name>">`. */
function fromTemplate(name: string): HTMLElement {
  const template = document.querySelector<HTMLTemplateElement>(`template[data-template="${name}"]`)!;
  return template.content.firstElementChild!.cloneNode(true) as HTMLElement;
}

/** The question's box: the `[data-field]` element for this name. */
function groupOf(form: HTMLFormElement, field: string): HTMLElement | null {
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

  const error = fromTemplate('error-message');
  error.id = errorId;
  error.append(message);
  const control = own(group, '[data-control]');
  control?.parentNode?.insertBefore(error, control);
}

/** The summary at the top of main, replacing any there was; returns it so it can take focus. */
function showSummary(form: HTMLFormElement, list: readonly FieldError[], description?: string): HTMLElement {
  removeSummary();
  const summary = fromTemplate('error-summary');
  const about = summary.querySelector('p')!;
  const items = summary.querySelector('ul')!;
  const item = items.firstElementChild!;
  if (description) about.textContent = description;
  else about.remove();
  items.replaceChildren(
    ...list.map((error) => {
      const copy = item.cloneNode(true) as HTMLElement;
      const link = copy.querySelector('a')!;
      link.href = `#${error.target}`;
      link.textContent = error.message;
      return copy;
    }),
  );
  if (list.length === 0) items.remove();
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
