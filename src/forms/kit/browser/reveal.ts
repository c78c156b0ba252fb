/**
 * Questions that apply only after some answers ("Their first name" once the
 * call is about someone else). Without JavaScript they are always shown
 * with a hint; here they are shown and hidden as answers change, by the same
 * `applies` rules the server uses. An answer left in a hidden question is
 * still posted (as it would be without JavaScript) and the server drops it
 * by the same rule.
 *
 * Help that is not a question (the crisis lines once "Is anyone in danger?"
 * is Yes) says when it shows with `data-shown-when="danger=yes"`, or
 * several answers: `data-shown-when="filler=parent,carer"`. Without
 * JavaScript it is always shown, with words saying when it applies.
 * Help that says `data-announce="<words>"` is announced politely each time
 * an answer shows it, since it appears below where the listener is; focus
 * stays on the answer.
 */
import type { FormDefinition } from './form.ts';
import type { RawValues } from './values.ts';

export function setUpReveals(form: HTMLFormElement, definition: FormDefinition, read: () => RawValues): () => void {
  const live = form.querySelector<HTMLElement>('[data-reveal-live]');
  const update = (): void => {
    const values = read();
    for (const element of form.querySelectorAll<HTMLElement>('[data-applies]')) {
      const rule = definition.applies?.[element.dataset['applies'] ?? ''];
      if (rule) element.hidden = !rule(values);
    }
    for (const element of form.querySelectorAll<HTMLElement>('[data-shown-when]')) {
      element.hidden = !shownWhen(element.dataset['shownWhen'] ?? '', values);
    }
  };
  form.addEventListener('change', () => {
    update();
    // Help on the step in view only (the check step may hold a copy). Emptied when
    // none shows, so the same words are heard again the next time.
    let words = '';
    for (const element of form.querySelectorAll<HTMLElement>('[data-announce]:not([hidden])'))
      if (element.getClientRects().length) words = element.dataset['announce']!;
    if (live && live.textContent !== words) live.textContent = words;
  });
  update();
  return update;
}

/** "name=value" or "name=a,b": true when the answer to `name` is (or, for check boxes, includes) one of the values. */
function shownWhen(rule: string, values: RawValues): boolean {
  const at = rule.indexOf('=');
  if (at < 1) return true;
  const wanted = rule.slice(at + 1).split(',');
  const answer = values[rule.slice(0, at)];
  const given = answer === undefined ? [] : Array.isArray(answer) ? answer : [answer];
  return given.some((value) => wanted.includes(value));
}
