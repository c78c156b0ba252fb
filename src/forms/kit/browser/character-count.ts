/**
 * GOV.UK character count: "You have 20 characters remaining" under the
 * label as you type, counted the way the server counts (countCharacters),
 * and announced to screen readers only once typing pauses. The hint that
 * states the limit stays for people who never type here.
 */
import { countCharacters } from './text.ts';

function message(remaining: number): string {
  if (remaining >= 0) return `You have ${remaining} ${remaining === 1 ? 'character' : 'characters'} remaining`;
  const over = -remaining;
  return `You have ${over} ${over === 1 ? 'character' : 'characters'} too many`;
}

export function setUpCharacterCounts(form: HTMLFormElement): void {
  for (const info of form.querySelectorAll<HTMLElement>('[data-character-count]')) {
    const max = Number(info.dataset['characterCount']);
    const field = info.closest('[data-field]');
    const textarea = field?.querySelector<HTMLTextAreaElement>('textarea');
    // What sighted people see, under the box, and the live region screen readers hear (Textarea.astro).
    const status = field?.querySelector<HTMLElement>('[data-count-status]');
    const live = field?.querySelector<HTMLElement>('[data-count-live]');
    if (!textarea || !status || !live || !Number.isInteger(max) || max < 1) continue;

    let pause: ReturnType<typeof setTimeout> | undefined;
    const update = (announce: boolean): void => {
      const remaining = max - countCharacters(textarea.value);
      status.textContent = message(remaining);
      status.classList.toggle('form-character-count__status--over', remaining < 0);
      if (announce) {
        clearTimeout(pause);
        pause = setTimeout(() => (live.textContent = message(remaining)), 1000);
      }
    };
    textarea.addEventListener('input', () => update(true));
    update(false);
  }
}
