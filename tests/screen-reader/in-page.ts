/**
 * The listener's in-page half. `installListener` is serialised by Playwright
 * and run inside the page (after the Virtual Screen Reader bundle), so it must
 * not use anything from outside its own body.
 *
 * It works the same whether the page's own JavaScript is on or off: in a page
 * with JavaScript off, Chromium still runs code the test evaluates, but it
 * calls no event listeners or observers, so there focus is read from
 * `document.activeElement` and nothing can change without a navigation.
 *
 * What the listener adds to the Virtual Screen Reader (each is what Chromium
 * and screen readers do, and the virtual one does not):
 * - the content of a closed <details> is not read (Chromium hides it without
 *   changing its computed `display`, which is all the virtual reader checks);
 * - a button's `value` attribute is not heard (the virtual reader reads it as
 *   the button's value; Chromium does not expose it);
 * - an element with role="alert" that appears (inserted, or un-hidden) is
 *   announced at once, as "assertive: <its text>"; one already there when the
 *   page loads is not;
 * - when focus moves, the new focus is read: first each group (fieldset) it
 *   has entered, with its legend and description, then the element: a control
 *   or heading by its own phrase, anything else (an error summary) in full.
 */

/** One line of a page read from the top. */
export interface WalkEntry {
  phrase: string;
  /** For a link: where it goes. */
  href?: string;
  /** The easy-read point (Point.astro) this line belongs to, counted in `main`; -1 outside any. */
  point: number;
}

export interface PointReport {
  text: string;
  /** Every piece of its text was read. */
  fullyHeard: boolean;
}

export interface Walk {
  title: string;
  mainId: string;
  entries: WalkEntry[];
  points: PointReport[];
}

/** What was heard after an action, in order: live announcements, then what focus moved to. */
export interface HeardLine {
  kind: 'title' | 'live' | 'focus';
  text: string;
  /** The first line of what was read for one focus move. */
  start?: boolean;
}

export interface InPageListener {
  /** What is heard when the page has loaded: its title, then what has focus (autofocus), if anything. */
  arrive(): Promise<HeardLine[]>;
  walk(): Promise<Walk>;
  take(): Promise<HeardLine[]>;
  read(element: Element): Promise<string[]>;
  /** True when the page's own scripts (and so event listeners) run. */
  live: boolean;
}

/**
 * What a sighted person reads for one question, top to bottom: the question
 * (label or legend) and every piece of text between it and the answer box
 * (the hint, the error). Run in the page with the answer box (for choices,
 * the first option).
 */
export function questionTexts(control: Element): { question: string; between: string[] } {
  const clean = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
  const fieldset = control.closest('fieldset');
  const isChoice = control.matches('input[type="radio"], input[type="checkbox"]');
  const label = isChoice ? fieldset?.querySelector('legend') : (control as HTMLInputElement).labels?.[0];
  if (!label) throw new Error(`no label or legend for #${control.id}`);
  const range = document.createRange();
  range.setStartAfter(label);
  range.setEndBefore(control);
  const between: string[] = [];
  const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const parent = text.parentElement;
    if (!range.intersectsNode(text) || !clean(text.textContent) || !parent) continue;
    if (parent.closest('[hidden], [aria-hidden="true"]') || !parent.checkVisibility()) continue;
    between.push(clean(text.textContent));
  }
  return { question: clean(label.textContent), between };
}

export function installListener(): void {
  interface VirtualInstance {
    start(options: { container: Node }): Promise<void>;
    stop(): Promise<void>;
    next(): Promise<void>;
    lastSpokenPhrase(): Promise<string>;
    spokenPhraseLog(): Promise<string[]>;
    readonly activeNode: Node | null;
  }
  interface Library {
    Virtual: new () => VirtualInstance;
  }
  const global = window as unknown as {
    __guidepupVirtualScreenReader?: Library;
    __dsrListener?: InPageListener;
  };
  if (global.__dsrListener) return;
  const library = global.__guidepupVirtualScreenReader;
  if (!library) throw new Error('the Virtual Screen Reader bundle is not loaded');

  // --- Hidden content of a closed <details>.
  const hiddenInClosedDetails = (element: Element): boolean => {
    const details = element.closest('details:not([open])');
    if (!details || details === element) return false;
    const summary = details.querySelector(':scope > summary');
    return !summary?.contains(element);
  };
  const nativeStyle = window.getComputedStyle.bind(window);
  window.getComputedStyle = ((element: Element, pseudo?: string | null) => {
    const style = nativeStyle(element, pseudo);
    if (pseudo || !hiddenInClosedDetails(element)) return style;
    return new Proxy(style, {
      get(target, key) {
        if (key === 'display') return 'none';
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }) as typeof window.getComputedStyle;

  const clean = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
  const isShown = (element: Element): boolean =>
    !element.closest('[hidden], [aria-hidden="true"]') && element.checkVisibility();

  // --- What the reader says for the node under its cursor.
  const spoken = async (reader: VirtualInstance): Promise<string> => {
    const phrase = await reader.lastSpokenPhrase();
    const node = reader.activeNode;
    if (!(node instanceof HTMLButtonElement) || !node.value || !/^(end of )?button, /.test(phrase)) return phrase;
    return phrase.replace(new RegExp(`, ${node.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=, |$)`), '');
  };

  // --- Reading one element, the way the virtual reader reads it in place.
  const readElement = async (element: Element): Promise<string[]> => {
    // Radios and check boxes say "position 2, set size 3" only when read with their group.
    const container = element.closest('fieldset') ?? element;
    const reader = new library.Virtual();
    await reader.start({ container });
    const lines: string[] = [];
    const first = reader.activeNode;
    const firstPhrase = await reader.lastSpokenPhrase();
    for (let step = 0; step < 2000; step += 1) {
      const node = reader.activeNode;
      if (node && element.contains(node)) lines.push(await spoken(reader));
      await reader.next();
      // At the end the reader wraps round to the start ("end of …" lines share their element).
      if (reader.activeNode === first && (await reader.lastSpokenPhrase()) === firstPhrase) break;
    }
    await reader.stop();
    return lines.filter((line) => line !== '');
  };

  // A control or heading is heard by its own phrase; anything else (a container) in full.
  const ATOMIC =
    'a[href], button, input, select, textarea, summary, h1, h2, h3, h4, h5, h6, [role="button"], [role="link"], ' +
    '[role="heading"], [role="radio"], [role="checkbox"], [role="textbox"], [role="tab"], [role="menuitem"]';
  const GROUP = 'fieldset, [role="group"], [role="radiogroup"]';

  const readFocus = async (element: Element, previous: Element | null): Promise<HeardLine[]> => {
    const lines: string[] = [];
    const groups: Element[] = [];
    for (let at = element.parentElement?.closest(GROUP); at; at = at.parentElement?.closest(GROUP)) {
      if (!previous || !at.contains(previous)) groups.unshift(at);
    }
    for (const group of groups) {
      const [phrase] = await readElement(group);
      if (phrase) lines.push(phrase);
    }
    const reading = await readElement(element);
    lines.push(...(element.matches(ATOMIC) ? reading.slice(0, 1) : reading));
    return lines.map((text, index) => ({ kind: 'focus', text, ...(index === 0 ? { start: true } : {}) }));
  };

  // --- Do this page's event listeners run? (Not with JavaScript off.)
  let live = false;
  const probe = (): void => {
    live = true;
  };
  document.addEventListener('dsr-listener-probe', probe);
  document.dispatchEvent(new Event('dsr-listener-probe'));
  document.removeEventListener('dsr-listener-probe', probe);

  // --- Alerts that appear.
  const alerts: HeardLine[] = [];
  const announceAlerts = (root: Element): void => {
    const found = [root, ...root.querySelectorAll('[role="alert"]')].filter(
      (element) => element.getAttribute('role') === 'alert' && isShown(element),
    );
    for (const alert of found) {
      const text = clean((alert as HTMLElement).innerText);
      if (text) alerts.push({ kind: 'live', text: `assertive: ${text}` });
    }
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'childList') {
        for (const node of record.addedNodes) if (node instanceof Element) announceAlerts(node);
      } else if (record.target instanceof Element && !(record.target as HTMLElement).hidden) {
        announceAlerts(record.target);
      }
    }
  }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });

  // --- Focus moves.
  const trail: Element[] = [];
  document.addEventListener('focusin', (event) => {
    if (event.target instanceof Element) trail.push(event.target);
  });
  let lastFocus: Element | null = null;

  // --- The reader that hears live regions (its own rules) and walks the page.
  const reader = new library.Virtual();
  let heardUpTo = 0;
  const started = reader.start({ container: document.body });

  const walk = async (): Promise<Walk> => {
    await started;
    await reader.stop();
    await reader.start({ container: document.body });
    heardUpTo = 0;
    const pointElements = [...document.querySelectorAll('main .point')].filter(isShown);
    const heardNodes = new Set<Node>();
    const entries: WalkEntry[] = [];
    for (let step = 0; step < 20000; step += 1) {
      const phrase = await spoken(reader);
      const node = reader.activeNode;
      const element = node instanceof Element ? node : (node?.parentElement ?? null);
      if (node) heardNodes.add(node);
      const entry: WalkEntry = {
        phrase,
        point: element ? pointElements.findIndex((point) => point.contains(element)) : -1,
      };
      const href = phrase.startsWith('link') ? element?.closest('a')?.getAttribute('href') : null;
      if (href) entry.href = href;
      entries.push(entry);
      if (phrase === 'end of document') break;
      await reader.next();
    }
    heardUpTo = (await reader.spokenPhraseLog()).length;
    // A point is heard in full when each piece of its text was read: itself, or as the name of its link.
    const NAMED_BY_CONTENT = 'a, button, h1, h2, h3, h4, h5, h6, label, summary';
    const points = pointElements.map((point) => {
      const texts: Text[] = [];
      const walker = document.createTreeWalker(point, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        if (clean(text.textContent) && text.parentElement && isShown(text.parentElement)) texts.push(text as Text);
      }
      const fullyHeard = texts.every((text) => {
        const named = text.parentElement?.closest(NAMED_BY_CONTENT);
        return heardNodes.has(text) || (named !== null && named !== undefined && heardNodes.has(named));
      });
      return { text: clean(point.textContent).slice(0, 80), fullyHeard };
    });
    return { title: document.title, mainId: document.querySelector('main')?.id ?? '', entries, points };
  };

  const take = async (): Promise<HeardLine[]> => {
    await started;
    // The reader announces a live change a microtask after it sees it.
    for (let turn = 0; turn < 5; turn += 1) await Promise.resolve();
    const log = await reader.spokenPhraseLog();
    const heard: HeardLine[] = log
      .slice(heardUpTo)
      .filter((phrase) => /^(polite|assertive): /.test(phrase))
      .map((text) => ({ kind: 'live', text }));
    heardUpTo = log.length;
    heard.push(...alerts.splice(0));
    const moves = live ? trail.splice(0) : [document.activeElement];
    for (const element of moves) {
      if (!element || element === document.body || element === lastFocus || !element.isConnected) continue;
      heard.push(...(await readFocus(element, lastFocus)));
      lastFocus = element;
    }
    if (document.activeElement === document.body) lastFocus = null;
    return heard;
  };

  const arrive = async (): Promise<HeardLine[]> => {
    await started;
    for (let turn = 0; turn < 5; turn += 1) await Promise.resolve();
    heardUpTo = (await reader.spokenPhraseLog()).length;
    alerts.length = 0;
    trail.length = 0;
    const heard: HeardLine[] = [{ kind: 'title', text: document.title }];
    const focused = document.activeElement;
    lastFocus = null;
    if (focused && focused !== document.body) {
      heard.push(...(await readFocus(focused, null)));
      lastFocus = focused;
    }
    return heard;
  };

  global.__dsrListener = {
    arrive,
    walk,
    take,
    read: async (element: Element) => {
      await started;
      return readElement(element);
    },
    live,
  };
}
