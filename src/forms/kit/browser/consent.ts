/**
 * The area's consent model (src/consent/model.ts) as a referral form asks
 * it: who decides for a person old enough who cannot decide, who decides for
 * a younger person, and which answers the younger person's question offers.
 * Browser-safe, like the model: the schema checks answers with it in both.
 */
import type { ConsentDecider } from '../../../consent/deciders.ts';
import { whoDecides, type ConsentRules } from '../../../consent/model.ts';

/** The answers to "who consents for a person under the deciding age", in the order offered. */
export const CONSENT_YOUNGER = ['parent', 'young-person', 'no'] as const;

/** Who decides for whom by the area's consent model, and which routes it has. */
export function consentRoutes(rules: ConsentRules) {
  const fromAge = rules.ownDecision.fromAge;
  const cannotDecide = whoDecides(rules, { age: fromAge, canDecide: false });
  const younger = whoDecides(rules, { age: fromAge - 1, canDecide: true }).decidedBy;
  const cannotDecideBy = cannotDecide.decidedBy[0] as ConsentDecider;
  return {
    /** The age from which a person decides for themselves. */
    fromAge,
    /** Who decides for a person old enough who cannot decide (mental capacity). */
    cannotDecideBy,
    /** That route is a best interests decision. */
    bestInterests: cannotDecideBy === 'best-interests-meeting',
    /** A Mental Capacity Assessment comes first. */
    assessment: cannotDecide.capacityCheck,
    /** Who decides for a younger person. */
    youngerBy: younger.find((decider) => decider !== 'the-person') as ConsentDecider,
    /** A younger person may decide for themselves if they understand well enough (Gillick competence). */
    gillick: younger.includes('the-person'),
  };
}

/** The answers the younger person's question offers: their own only where the model has Gillick competence. */
export function youngerConsentValues(rules: ConsentRules): readonly (typeof CONSENT_YOUNGER)[number][] {
  return consentRoutes(rules).gillick ? CONSENT_YOUNGER : CONSENT_YOUNGER.filter((value) => value !== 'young-person');
}
