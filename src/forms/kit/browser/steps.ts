/**
 * One complete HTML form, shown one topic at a time (GOV.UK "one thing per
 * page", without leaving the page): Continue checks only the step's
 * questions with the form's own definition (`validate` with `only`), Back
 * goes to the step before, and after the last step comes a check step
 * (check your answers) whose button sends. Without JavaScript the same form
 * is one page, and the server shows the check page.
 *
 * Markup (from the kit's components: QuestionsForm.astro, Step.astro,
 * StopStep.astro):
 * - `[data-step="<id>"]`: one section per step, in order, each with a
 *   heading `[data-step-heading]` (focus moves there on each step change)
 *   holding a caption whose `data-step-caption` gives its words here
 *   ("Step 3 of 8");
 * - `[data-step="check"]`: the check step, filled from its template
 *   (check-answers.ts); other `[data-step]` sections that are not steps are
 *   the views the definition's `stop` can name (why the answers cannot be
 *   sent);
 * - `[data-back]`: the Back button; `[data-step-only]`: shown on the steps
 *   and the check step, hidden on a stop view; `[data-first-step-only]`:
 *   shown on the first step only (an introduction); the main button's
 *   `data-send-label` is its words on the check step;
 * - inside any step, a Change button (`name="change"`, the question as its
 *   value) goes to that question's step and, once it is answered, back to
 *   the check step; `[data-go-step]` goes to a step.
 *
 * A step is skipped when none of its questions applies to the answers so
 * far; a stop view shows as soon as the answers so far stop. The browser's history gets one entry per step change, holding the
 * step's id only (never an answer), so the browser's Back and Forward move
 * between steps. Nothing is kept in storage; a hidden `confirm` field says
 * "yes" only on the check step, so the server sends only from there.
 * Leaving the page with unsent answers (refresh, closing the tab) asks
 * first, as the browser does.
 */
import { fillCheckAnswers, labelFromPage, type ChoiceLabel, type SummarySection } from './check-answers.ts';
import { enhanceForm } from './enhance.ts';
import { focusTarget, removeSummary, setFieldError } from './errors.ts';
import type { FormAnswers, FormDefinition, Step } from './form.ts';
import { validate, type FieldError } from './validate.ts';
import type { RawValues } from './values.ts';

const CHECK = 'check';
const STATE_KEY = 'formStep';

interface StepState {
  [STATE_KEY]: string;
  depth: number;
}

/**
 * `summarise` turns the checked answers into the check step's rows (the
 * form's own summary, the same one the server's check page shows); the
 * labels of chosen options come from the page.
 */
export function enhanceSteps<TForm extends FormDefinition>(
  form: HTMLFormElement,
  definition: TForm,
  summarise: (answers: FormAnswers<TForm>, label: ChoiceLabel) => SummarySection[],
): void {
  const sections = new Map<string, HTMLElement>();
  for (const section of form.querySelectorAll<HTMLElement>('[data-step]'))
    sections.set(section.dataset['step']!, section);
  const steps = (definition.steps ?? []).filter((step) => sections.has(step.id));
  if (steps.length === 0 || !sections.has(CHECK) || typeof history.pushState !== 'function') return;

  const button = form.querySelector<HTMLButtonElement>('button[type="submit"], button:not([type])');
  const back = form.querySelector<HTMLButtonElement>('[data-back]');
  const continueLabel = button?.textContent?.trim() ?? '';
  const sendLabel = button?.dataset['sendLabel'] ?? continueLabel;
  const confirm = document.createElement('input');
  confirm.type = 'hidden';
  confirm.name = 'confirm';
  confirm.value = '';
  form.append(confirm);

  let current = steps[0]!.id;
  let returnToCheck = false;
  let depth = 0;
  let changed = false;

  const applicable = (step: Step, values: RawValues): string[] =>
    step.fields.filter((field) => definition.applies?.[field]?.(values) ?? true);
  const visibleSteps = (values: RawValues): Step[] => steps.filter((step) => applicable(step, values).length > 0);
  const stepPasses = (step: Step, values: RawValues): boolean =>
    validate(definition, values, { only: applicable(step, values) }).ok;
  const firstFailing = (values: RawValues): Step | undefined =>
    visibleSteps(values).find((step) => !stepPasses(step, values));
  const stepOfField = (field: string): Step | undefined => steps.find((step) => step.fields.includes(field));
  /** The view the answers up to this step stop at (nobody agrees), if any. */
  const stopAfter = (step: Step, values: RawValues): string | undefined => {
    if (!definition.stop) return undefined;
    const asked = steps.slice(0, steps.indexOf(step) + 1).flatMap((item) => applicable(item, values));
    const checked = validate(definition, values, { only: asked });
    return checked.ok ? definition.stop(checked.data) : undefined;
  };

  const enhanced = enhanceForm(form, definition, {
    fieldsToCheck: () => {
      if (current === CHECK) return undefined; // every question, before sending
      const step = steps.find((item) => item.id === current);
      return step ? applicable(step, enhanced!.values()) : [];
    },
    onValid: (values) => {
      if (current === CHECK) return true;
      const step = steps.find((item) => item.id === current);
      const stop = step && stopAfter(step, values);
      if (stop && sections.has(stop)) {
        show(stop);
        return false;
      }
      if (returnToCheck) {
        show(firstFailing(values)?.id ?? CHECK);
        return false;
      }
      const visible = visibleSteps(values);
      const at = visible.findIndex((step) => step.id === current);
      show(visible[at + 1]?.id ?? CHECK);
      return false;
    },
    onErrors: (list: readonly FieldError[]) => {
      // Errors found while sending (the check step, or the server): show the step that holds the first.
      const step = list[0] && stepOfField(list[0].field);
      if (step && step.id !== current) show(step.id, { focus: false });
    },
  });
  if (!enhanced) return;
  for (const caption of form.querySelectorAll<HTMLElement>('[data-step-caption]'))
    caption.textContent = caption.dataset['stepCaption'] ?? '';

  function show(id: string, how: { push?: boolean; focus?: boolean | string } = {}): void {
    const { push = true, focus = true } = how;
    const values = enhanced!.values();
    const leaving = steps.find((step) => step.id === current);
    if (leaving && leaving.id !== id) {
      // Errors belong to the step they were found on.
      for (const field of leaving.fields) setFieldError(form, field, undefined);
      removeSummary();
    }
    if (id === CHECK && current !== CHECK) returnToCheck = false;
    current = id;
    for (const [key, section] of sections) section.hidden = key !== id;
    enhanced!.updateReveals();

    const visible = visibleSteps(values);
    const section = sections.get(id)!;
    const isStep = steps.some((step) => step.id === id) || id === CHECK;
    if (button) {
      button.textContent = id === CHECK ? sendLabel : continueLabel;
      button.hidden = !isStep;
    }
    for (const element of form.querySelectorAll<HTMLElement>('[data-step-only]')) element.hidden = !isStep;
    if (back) back.hidden = id === visible[0]?.id;
    for (const element of document.querySelectorAll<HTMLElement>('[data-first-step-only]'))
      element.hidden = id !== visible[0]?.id;
    confirm.value = id === CHECK ? 'yes' : '';
    if (id === CHECK) {
      const checked = validate(definition, values);
      if (checked.ok) fillCheckAnswers(section, summarise(checked.data, labelFromPage(form)));
    }

    if (push) {
      depth += 1;
      history.pushState({ [STATE_KEY]: id, depth } satisfies StepState, '');
    }
    if (typeof focus === 'string') {
      // A radio question: its chosen option, as a browser's autofocus would on the server's page.
      const target = document.getElementById(focus);
      const chosen =
        target instanceof HTMLInputElement && target.type === 'radio'
          ? form.querySelector<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(target.name)}"]:checked`)
          : null;
      focusTarget(chosen?.id || focus);
    } else if (focus) {
      const heading = section.querySelector<HTMLElement>('[data-step-heading]');
      form.scrollIntoView({ block: 'start' });
      heading?.focus({ preventScroll: true });
    }
  }

  const goBack = (): void => {
    if (depth > 0) {
      history.back();
      return;
    }
    // No step of ours to go back to in the browser's history (the page was loaded on this step).
    const values = enhanced.values();
    const visible = visibleSteps(values);
    const at = visible.findIndex((step) => step.id === current);
    // From the check step, the last step; from a stop view, the step that led there.
    const before =
      at >= 0
        ? visible[at - 1]
        : (visible.find((step) => current !== CHECK && stopAfter(step, values) === current) ??
          visible[visible.length - 1]);
    if (before) {
      show(before.id, { push: false });
      history.replaceState({ [STATE_KEY]: before.id, depth: 0 } satisfies StepState, '');
    }
  };
  back?.addEventListener('click', goBack);

  window.addEventListener('popstate', (event) => {
    const state = event.state as Partial<StepState> | null;
    const wanted = typeof state?.[STATE_KEY] === 'string' ? state[STATE_KEY] : steps[0]!.id;
    depth = typeof state?.depth === 'number' ? state.depth : 0;
    show(reachable(wanted), { push: false });
  });

  // A step can be shown only when every step before it is answered; the check step only
  // when all are and nothing stops (nobody agrees); a stop view only from its step.
  function reachable(wanted: string): string {
    const values = enhanced!.values();
    const visible = visibleSteps(values);
    const failing = firstFailing(values);
    const wantedIndex = visible.findIndex((step) => step.id === wanted);
    if (wantedIndex >= 0) return failing && visible.indexOf(failing) < wantedIndex ? failing.id : wanted;
    if (failing) return failing.id;
    const stopping = visible.find((step) => stopAfter(step, values));
    if (stopping) {
      const stop = stopAfter(stopping, values)!;
      return wanted === stop ? wanted : stopping.id;
    }
    return CHECK;
  }

  form.addEventListener('click', (event) => {
    const target = event.target as Element | null;
    const change = target?.closest?.<HTMLButtonElement>('button[name="change"]');
    if (change) {
      event.preventDefault();
      const field = change.value;
      const step = stepOfField(field);
      if (!step) return;
      returnToCheck = true;
      show(step.id, { focus: definition.targets?.[field] ?? field });
      return;
    }
    const go = target?.closest?.<HTMLElement>('[data-go-step]');
    if (go) {
      event.preventDefault();
      show(go.dataset['goStep']!);
    }
  });

  // Unsent answers: leaving or refreshing the page asks first (nothing is stored, so they would be lost).
  form.addEventListener('input', () => (changed = true));
  form.addEventListener('change', () => (changed = true));
  window.addEventListener('beforeunload', (event) => {
    const sending = button?.getAttribute('aria-disabled') === 'true';
    if (!changed || sending) return;
    event.preventDefault();
    // Older browsers ask only when returnValue is set.
    (event as { returnValue: unknown }).returnValue = '';
  });

  // Where to start: the step of the server's first error (a plain post that came back with
  // errors), the question the server was asked to change, or the first step.
  const firstError = form.querySelector<HTMLElement>('.form-group--error[data-field]')?.dataset['field'];
  const focusField = form.dataset['focus'];
  const state = history.state as Partial<StepState> | null;
  const remembered = typeof state?.[STATE_KEY] === 'string' ? state[STATE_KEY] : undefined;
  depth = typeof state?.depth === 'number' ? state.depth : 0;
  let start = steps[0]!.id;
  let focus: boolean | string = false;
  if (firstError && stepOfField(firstError)) start = stepOfField(firstError)!.id;
  else if (focusField && stepOfField(focusField)) {
    start = stepOfField(focusField)!.id;
    focus = definition.targets?.[focusField] ?? focusField;
  }
  current = start;
  show(start, { push: false, focus });
  // A plain post that came back with errors: the server's summary keeps focus.
  if (firstError) document.querySelector<HTMLElement>('[data-error-summary]')?.focus();
  history.replaceState({ [STATE_KEY]: start, depth } satisfies StepState, '');

  // Back (or Forward) to this page from another one: the browser puts the answers back only
  // after the page has loaded, just before pageshow. Then go to the step this history entry
  // was on, if the answers before it are all there.
  if (remembered && !firstError && !focusField) {
    window.addEventListener(
      'pageshow',
      () => {
        const target = reachable(remembered);
        changed = Object.entries(enhanced.values()).some(
          ([name, value]) => name !== 'token' && [value].flat().some((item) => item !== ''),
        );
        if (target === current) return;
        show(target, { push: false });
        history.replaceState({ [STATE_KEY]: target, depth } satisfies StepState, '');
      },
      { once: true },
    );
  }

  form.setAttribute('data-steps', '');
}
