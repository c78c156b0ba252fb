/**
 * What a referral form takes from the area's settings (server-only): the
 * places, the reasons for adding a person and the consent model. The
 * definition gets `settingsOf` (the page gives the browser the same, in
 * `data-settings`: ids and rules, no words and no sources); the questions'
 * words are made from `wordsOf`.
 */
import type { Area } from '../../area/schema.ts';
import { consentRulesOf, type ConsentRules } from '../../consent/model.ts';

export function settingsOf(area: Area) {
  return {
    places: area.places.list,
    placeKind: area.places.kind,
    reasons: area.reasons.list.map((reason) => reason.id),
    consent: consentRulesOf(area.consent),
  };
}

/** What a referral form's words take from the area's settings. */
export interface ReferralWords {
  /** What the area's places are called: "borough", "district", "area". */
  placeKind: string;
  /** The area's reasons for adding a person (`reasons.list`): id, and words to finish "… if". */
  reasons: readonly { id: string; text: string }[];
  /** Who may consent, by age and capacity (`consent`): see src/consent/model.ts. */
  consent: ConsentRules;
}

export function wordsOf(area: Area): ReferralWords {
  return { placeKind: area.places.kind, reasons: area.reasons.list, consent: area.consent };
}
