/**
 * Questions that apply only after some answers ("Their first name" once the
 * call is about someone else). Without JavaScript they are always shown
 * with a hint; here they are shown and hidden as answers change, by the same
 * `applies` rules the server uses. An answer left in a hidden question is
 * still posted (as it would be without JavaScript) and the server drops it
 * by the same rule.
 */
import type { FormDefinition } from '../shared/form.ts';
import type { RawValues } from '../shared/values.ts';

export function setUpReveals(form: HTMLFormElement, definition: FormDefinition, read: () => RawValues): () => void {
  const update = (): void => {
    const values = read();
    for (const element of form.querySelectorAll<HTMLElement>('[data-applies]')) {
      const rule = definition.applies?.[element.dataset['applies'] ?? ''];
      if (rule) element.hidden = !rule(values);
    }
  };
  form.addEventListener('change', update);
  update();
  return update;
}
