/**
 * Who decides if a person goes on the DSR, by the area's consent model
 * (its settings' `consent`), the person's age and whether they can decide.
 *
 * Browser-safe: no imports but types, so the referral form can ask the
 * right consent question in the browser too.
 */
import type { ConsentDecider } from './deciders.ts';

/** The parts of an area's consent model this needs (src/area/schema.ts, `consent`). */
export interface ConsentRules {
  ownDecision: { fromAge: number };
  younger: { decidedBy: ConsentDecider; gillick: boolean };
  cannotDecide: { decidedBy: ConsentDecider; assessment: boolean };
}

type Decider = ConsentDecider | 'the-person';

interface ConsentDecision {
  /** Who may say yes, the usual one first. */
  decidedBy: Decider[];
  /** A Mental Capacity Assessment checks first whether the person can decide. */
  capacityCheck: boolean;
}

interface Person {
  /** Age in whole years on the day of asking. */
  age: number;
  /**
   * The person understands well enough to decide for themselves: mental
   * capacity from the deciding age, Gillick competence below it.
   */
  canDecide: boolean;
}

export function whoDecides(rules: ConsentRules, person: Person): ConsentDecision {
  if (person.age >= rules.ownDecision.fromAge) {
    return person.canDecide
      ? { decidedBy: ['the-person'], capacityCheck: false }
      : { decidedBy: [rules.cannotDecide.decidedBy], capacityCheck: rules.cannotDecide.assessment };
  }
  const younger = rules.younger.decidedBy;
  const decidedBy: Decider[] = rules.younger.gillick && person.canDecide ? [younger, 'the-person'] : [younger];
  return { decidedBy, capacityCheck: false };
}

/** True when the person decides for themselves at this age, if they can. */
export function decidesForThemselves(rules: ConsentRules, age: number): boolean {
  return age >= rules.ownDecision.fromAge;
}

/** An area's consent model (its settings' `consent`) without its sources: all the rules need, and all a browser is given. */
export function consentRulesOf({ ownDecision, younger, cannotDecide }: ConsentRules): ConsentRules {
  return {
    ownDecision: { fromAge: ownDecision.fromAge },
    younger: { decidedBy: younger.decidedBy, gillick: younger.gillick },
    cannotDecide: { decidedBy: cannotDecide.decidedBy, assessment: cannotDecide.assessment },
  };
}
