/**
 * Reads the page's marked sentences (sentences.ts) aloud with the browser's
 * own speech, one sentence per utterance: Chrome's online voices stop after
 * about 14 seconds of one utterance, and an utterance's start and end events
 * work everywhere, where word boundaries do not. The sentence being read is
 * highlighted (class `speaking`). Nothing is sent anywhere by this code.
 */

/** Never read, even inside a marked sentence: controls, hidden words, typed answers. */
const UNREAD =
  'button,input,select,textarea,option,template,script,style,svg,img,[aria-hidden="true"],.visually-hidden,[data-no-listen]';

export interface Reading {
  /** The sentence being read, from 0; -1 when not reading. */
  at: number;
  count: number;
  paused: boolean;
}

export interface Reader {
  start(): void;
  pause(): void;
  resume(): void;
  stop(): void;
  next(): void;
  previous(): void;
  setRate(rate: number): void;
}

export function reader(voice: SpeechSynthesisVoice, show: (reading: Reading) => void): Reader {
  const speech = speechSynthesis;
  // Android's speech cannot pause: pausing there stops, and carrying on starts the sentence again.
  const android = /android/i.test(navigator.userAgent);
  let sentences: HTMLElement[] = [];
  let at = -1;
  let paused = false;
  let rate = 1;
  // Cancelling fires the old utterance's end (or error): only the latest utterance's events count.
  let turn = 0;

  const report = () => show({ at, count: sentences.length, paused });

  function silence() {
    turn++;
    speech.cancel();
    // A paused speech queue stays paused after cancel in Chrome and Safari.
    if (paused && !android) speech.resume();
    paused = false;
  }

  function say(index: number): void {
    silence();
    const sentence = sentences[index];
    if (!sentence) return stop();
    at = index;
    const text = words(sentence);
    if (!text) return say(index + 1);
    const mine = turn;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'en-GB';
    utterance.voice = voice;
    utterance.rate = rate;
    utterance.onstart = () => mine === turn && highlight(sentence);
    utterance.onend = () => mine === turn && say(at + 1);
    utterance.onerror = () => mine === turn && stop();
    speech.speak(utterance);
    report();
  }

  function stop(): void {
    silence();
    at = -1;
    highlight();
    report();
  }

  return {
    start() {
      sentences = [...document.querySelectorAll<HTMLElement>('main [data-s]')].filter(
        (sentence) => sentence.getClientRects().length > 0 && !sentence.closest('[data-no-listen]'),
      );
      say(0);
    },
    pause() {
      if (at < 0 || paused) return;
      if (android) silence();
      else speech.pause();
      paused = true;
      report();
    },
    resume() {
      if (!paused) return;
      if (android) return say(at);
      paused = false;
      speech.resume();
      report();
    },
    stop,
    next: () => say(Math.min(at + 1, sentences.length - 1)),
    previous: () => say(Math.max(at - 1, 0)),
    setRate(value) {
      rate = value;
      if (at >= 0 && !paused) say(at);
    },
  };
}

/** A sentence's words as a person sees them. */
function words(sentence: HTMLElement): string {
  const copy = sentence.cloneNode(true) as HTMLElement;
  for (const unread of copy.querySelectorAll(UNREAD)) unread.replaceWith(' ');
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function highlight(sentence?: HTMLElement): void {
  document.querySelector('main .speaking')?.classList.remove('speaking');
  if (!sentence) return;
  sentence.classList.add('speaking');
  const { top, bottom } = sentence.getBoundingClientRect();
  if (top < 0 || bottom > innerHeight) sentence.scrollIntoView({ block: 'nearest' });
}
