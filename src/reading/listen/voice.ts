/**
 * The voice "Listen to this page" speaks with: British English that runs on
 * the device first (an online voice sends the words to its maker; the page's
 * words are public, but nearer is quicker and works offline), then any
 * British English voice, then any English one. Android writes `en_GB`.
 */

/** What is read from a SpeechSynthesisVoice. */
export interface VoiceLike {
  lang: string;
  localService: boolean;
}

const british = (voice: VoiceLike) => /^en[-_]gb$/i.test(voice.lang);
const english = (voice: VoiceLike) => /^en(?:[-_]|$)/i.test(voice.lang);

export function chooseVoice<V extends VoiceLike>(voices: readonly V[]): V | undefined {
  return voices.find((voice) => british(voice) && voice.localService) ?? voices.find(british) ?? voices.find(english);
}
