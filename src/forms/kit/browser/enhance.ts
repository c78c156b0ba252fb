/**
 * Progressive enhancement for any form built from the components in
 * src/forms/kit/components: give it the form element and the form's definition
 * (the same module the server validates with) and it
 *
 * - checks the answers on submit, shows the same error summary and inline
 *   errors as the server, and moves focus to the summary;
 * - sends good answers with fetch (urlencoded, `Accept: application/json`,
 *   the same token, so a retry is never a second request) and then goes to
 *   the confirmation page the server names;
 * - shows and hides conditional questions and counts characters as you type,
 *   and hides words meant only for the page without JavaScript
 *   (`data-no-script-hint`, such as "answer the one for the person's age").
 *
 * It runs only after feature checks, and anything unexpected hands over to
 * the plain form post, which works without it. Nothing goes in cookies or
 * browser storage, and nothing times out.
 */
import type { FormDefinition } from './form.ts';
import { validate, type FieldError } from './validate.ts';
import { valuesFromEntries, type RawValues } from './values.ts';
import { setUpCharacterCounts } from './character-count.ts';
import { focusTarget, showErrors } from './errors.ts';
import { setUpReveals } from './reveal.ts';

interface EnhanceOptions {
  /**
   * The questions to check on this submit, for a form in steps; by default,
   * all of them. A step hands over to `onValid` instead of sending.
   */
  fieldsToCheck?: () => readonly string[] | undefined;
  /** Called with the checked answers instead of sending, for example to go to the next step. Return true to send anyway. */
  onValid?: (values: RawValues) => boolean | Promise<boolean>;
  /**
   * Called with the errors just before they are shown (the browser's own
   * check, or the server's 422), so a form in steps can first show the step
   * that holds the first of them.
   */
  onErrors?: (list: readonly FieldError[]) => void;
}

interface EnhancedForm {
  /** The form's answers now, as the server would read them. */
  values: () => RawValues;
  /** Shows or hides conditional questions for the answers now. */
  updateReveals: () => void;
}

const NOT_SENT = 'Your answers have not been sent. Check your internet connection, then press the button again.';

function canEnhance(): boolean {
  return (
    typeof window.fetch === 'function' &&
    typeof window.FormData === 'function' &&
    typeof window.URLSearchParams === 'function' &&
    typeof window.CSS?.escape === 'function' &&
    typeof Element.prototype.closest === 'function' &&
    'hidden' in HTMLElement.prototype
  );
}

export function enhanceForm(
  form: HTMLFormElement,
  definition: FormDefinition,
  options: EnhanceOptions = {},
): EnhancedForm | undefined {
  if (!canEnhance()) return undefined;
  const allFields = Object.keys(definition.fields);
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"], button:not([type])');
  const values = (): RawValues => valuesFromEntries(new FormData(form));
  let sending = false;

  for (const element of form.querySelectorAll<HTMLElement>('[data-no-script-hint]')) element.hidden = true;
  const updateReveals = setUpReveals(form, definition, values);
  setUpCharacterCounts(form);

  // Summary links: focus the field and show its question (the summary may be the server's or ours).
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('[data-error-summary] a[href^="#"]');
    if (link && focusTarget(link.getAttribute('href')!.slice(1))) event.preventDefault();
  });

  const setBusy = (busy: boolean): void => {
    sending = busy;
    // aria-disabled, not disabled: the button keeps focus and is still announced.
    if (busy) button?.setAttribute('aria-disabled', 'true');
    else button?.removeAttribute('aria-disabled');
  };

  // Back from the confirmation page may restore this page as it was left: ready to send again.
  window.addEventListener('pageshow', () => setBusy(false));

  const send = async (raw: RawValues): Promise<void> => {
    setBusy(true);
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(raw)) for (const item of [value].flat()) body.append(name, item);
    let response: Response;
    try {
      response = await fetch(form.action, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
        credentials: 'same-origin',
      });
    } catch {
      setBusy(false);
      showErrors(form, allFields, [], NOT_SENT);
      return;
    }
    const reply = (await response.json().catch(() => undefined)) as
      { confirmation?: unknown; errors?: FieldError[] } | undefined;
    if (response.ok && typeof reply?.confirmation === 'string' && reply.confirmation.startsWith('/')) {
      // Stay busy until the confirmation page has loaded.
      window.location.assign(reply.confirmation);
      return;
    }
    setBusy(false);
    if (response.status === 422 && Array.isArray(reply?.errors)) {
      options.onErrors?.(reply.errors);
      showErrors(form, allFields, reply.errors);
    } else showErrors(form, allFields, [], NOT_SENT);
  };

  const submit = async (): Promise<void> => {
    const raw = values();
    const only = options.fieldsToCheck?.();
    const result = validate(definition, raw, only ? { only } : {});
    const checked = only ?? allFields;
    if (!result.ok) {
      options.onErrors?.(result.list);
      showErrors(form, checked, result.list);
      return;
    }
    showErrors(form, checked, []);
    if (options.onValid && !(await options.onValid(raw))) return;
    await send(raw);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (sending) return;
    submit().catch((error: unknown) => {
      // Anything unexpected: the plain form post still works, with the same token.
      console.error(error);
      setBusy(true);
      HTMLFormElement.prototype.submit.call(form);
    });
  });

  form.setAttribute('data-enhanced', '');
  return { values, updateReveals };
}
