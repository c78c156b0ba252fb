/**
 * "Change how this page looks": links that work with no JavaScript (each
 * loads the page with the choice in its address). Once the island has loaded,
 * a choice is made at once on this page, kept in local storage for the next
 * pages, and said in a status message; the focus stays on the link.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  addressWith,
  changedChoices,
  CHOICE_NAMES,
  CHOICES,
  choicesFromQuery,
  readChoices,
  START,
  STORAGE_KEY,
  type ChoiceName,
  type Choices,
} from './choices.ts';

interface Props {
  path: string;
  /** The page's query string as it was asked for, choices included. */
  search: string;
}

export default function DisplayChoices({ path, search }: Props) {
  const others = new URLSearchParams(search);
  const [chosen, setChosen] = useState(() => choicesFromQuery(others));
  const [said, setSaid] = useState('');
  useEffect(() => setChosen(readChoices(document.documentElement.dataset)), []);

  function show(next: Choices, words: string) {
    setChosen(next);
    setSaid(words);
    const root = document.documentElement;
    for (const name of CHOICE_NAMES) delete root.dataset[name];
    Object.assign(root.dataset, changedChoices(next));
  }

  function choose(event: Event, name: ChoiceName, value: string) {
    event.preventDefault();
    const next = { ...chosen, [name]: value };
    show(next, `${CHOICES[name].label}: ${(CHOICES[name].options as Record<string, string>)[value]}.`);
    keep(JSON.stringify(changedChoices(next)));
  }

  function reset(event: Event) {
    keep(undefined);
    // Choices in this page's address are undone by loading it without them.
    if (CHOICE_NAMES.some((name) => new URLSearchParams(location.search).has(name))) return;
    event.preventDefault();
    show(START, 'The page looks as it did at the start.');
  }

  return (
    <details class="looks">
      <summary>Change how this page looks</summary>
      <div class="looks__panel">
        {CHOICE_NAMES.map((name) => (
          <div class="looks__choice" role="group" aria-labelledby={`looks-${name}`} key={name}>
            <p class="looks__label" id={`looks-${name}`}>
              {CHOICES[name].label}
            </p>
            <ul class="looks__options">
              {Object.entries(CHOICES[name].options).map(([value, words]) => (
                <li key={value}>
                  <a
                    data-looks
                    href={addressWith(path, others, { ...chosen, [name]: value })}
                    aria-current={chosen[name] === value ? 'true' : undefined}
                    onClick={(event) => choose(event, name, value)}
                  >
                    {words}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
        <p class="looks__reset">
          <a data-looks href={addressWith(path, others, START)} onClick={reset}>
            Go back to how it looked at the start
          </a>
        </p>
        <p class="looks__said" role="status">
          {said}
        </p>
      </div>
    </details>
  );
}

/** Local storage may be switched off or full: the choice then lasts for this page only. */
function keep(value: string | undefined) {
  try {
    if (value === undefined || value === '{}') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, value);
  } catch {
    // Nothing to do: the page already shows the choice.
  }
}
