/**
 * A stand-in for the browser's speech (`speechSynthesis` and
 * `SpeechSynthesisUtterance`), put in before the page loads with
 * `page.addInitScript(fakeSpeech, options)`. It says nothing: it records what
 * it is asked to say (text, language, voice, speed) and each pause, resume
 * and cancel, and fires the events a real browser fires. Like Chrome, it
 * lists no voices until it fires `voiceschanged`, and a cancelled utterance
 * gets an `error` event.
 *
 * In the page, `window.fakeSpeech` lets a test finish the current utterance
 * (`end()`) and read the log.
 */
import type { Page } from '@playwright/test';

export interface FakeVoice {
  name: string;
  lang: string;
  localService: boolean;
}

export interface FakeSpeechOptions {
  /** Listed after `voiceschanged`; none: the event never fires. */
  voices: FakeVoice[];
  /** Each utterance ends by itself soon after it starts; otherwise only when the test calls `end()`. */
  autoEnd?: boolean;
  /** Makes navigator.userAgent say Android. */
  android?: boolean;
}

export interface Spoken {
  text: string;
  lang: string;
  voice: string | null;
  rate: number;
}

export interface SpeechLog {
  spoken: Spoken[];
  /** `speak`, `pause`, `resume` and `cancel`, in order. */
  calls: string[];
}

/** Voices a desktop browser might list: the British one on the device is the one to choose. */
export const VOICES: FakeVoice[] = [
  { name: 'US English', lang: 'en-US', localService: true },
  { name: 'UK English online', lang: 'en-GB', localService: false },
  { name: 'UK English here', lang: 'en-GB', localService: true },
  { name: 'French', lang: 'fr-FR', localService: true },
];

/** Runs in the page, so it uses nothing from outside itself. */
export function fakeSpeech(options: FakeSpeechOptions): void {
  const log: SpeechLog = { spoken: [], calls: [] };
  let listed = false;
  let current: EventTarget | null = null;

  class FakeUtterance extends EventTarget {
    text: string;
    lang = '';
    voice: FakeVoice | null = null;
    rate = 1;
    pitch = 1;
    volume = 1;
    constructor(text = '') {
      super();
      this.text = text;
    }
  }

  const fire = (utterance: EventTarget, type: string) => {
    const event = new Event(type);
    utterance.dispatchEvent(event);
    const handler = (utterance as unknown as Record<string, unknown>)[`on${type}`];
    if (typeof handler === 'function') handler.call(utterance, event);
  };

  const end = () => {
    const utterance = current;
    current = null;
    if (utterance) fire(utterance, 'end');
  };

  const speech = Object.assign(new EventTarget(), {
    speaking: false,
    pending: false,
    paused: false,
    getVoices: () =>
      listed ? options.voices.map((voice) => ({ ...voice, voiceURI: voice.name, default: false })) : [],
    speak(utterance: FakeUtterance) {
      log.calls.push('speak');
      log.spoken.push({
        text: utterance.text,
        lang: utterance.lang,
        voice: utterance.voice?.name ?? null,
        rate: utterance.rate,
      });
      current = utterance;
      setTimeout(() => {
        if (current !== utterance) return;
        fire(utterance, 'start');
        if (options.autoEnd) setTimeout(() => current === utterance && end(), 5);
      }, 5);
    },
    cancel() {
      log.calls.push('cancel');
      const utterance = current;
      current = null;
      if (utterance) setTimeout(() => fire(utterance, 'error'), 0);
    },
    pause() {
      log.calls.push('pause');
    },
    resume() {
      log.calls.push('resume');
    },
  });

  Object.defineProperty(window, 'speechSynthesis', { value: speech, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
  if (options.android) {
    const agent =
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36';
    Object.defineProperty(Navigator.prototype, 'userAgent', { get: () => agent, configurable: true });
  }
  Object.defineProperty(window, 'fakeSpeech', { value: { log, end } });
  if (options.voices.length > 0) {
    setTimeout(() => {
      listed = true;
      speech.dispatchEvent(new Event('voiceschanged'));
    }, 20);
  }
}

/** Runs in the page: a browser without speech at all. */
export function noSpeech(): void {
  for (const name of ['speechSynthesis', 'SpeechSynthesisUtterance']) {
    delete (window as unknown as Record<string, unknown>)[name];
    delete (Window.prototype as unknown as Record<string, unknown>)[name];
  }
}

/** What the fake speech has recorded so far. */
export const speechLog = (page: Page): Promise<SpeechLog> =>
  page.evaluate(() => (window as unknown as { fakeSpeech: { log: SpeechLog } }).fakeSpeech.log);

/** Ends the utterance being spoken, as the real speech does when it finishes a sentence. */
export const endUtterance = (page: Page): Promise<void> =>
  page.evaluate(() => (window as unknown as { fakeSpeech: { end: () => void } }).fakeSpeech.end());
