/**
 * What a referral form takes from the area's settings (server-only): the
 * places, the reasons for adding a person and the consent model. The
 * definition gets `settingsOf` (the page gives the browser the same, in
 * `data-settings`: ids and rules, no words and no sources); the questions'
 * words are made from `wordsOf`.
 */
import type { Area } from '../../area/schema.ts';
import { consentRulesOf } from '../../consent/model.ts';

export function settingsOf(area: Area) {
  return {
    places: area.places.list,
    placeKind: area.places.kind,
    reasons: area.reasons.list.map((reason) => reason.id),
    consent: consentRulesOf(area.consent),
  };
}

export function wordsOf(area: Area) {
  return { placeKind: area.places.kind, reasons: area.reasons.list, consent: area.consent };
}
