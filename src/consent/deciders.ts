/**
 * Who can say yes for a person to be on the DSR, when the person does not
 * decide for themselves. Area settings choose from these; the words for each
 * are in src/consent/words.ts.
 */
export const CONSENT_DECIDERS = ['parent-or-carer', 'parent-or-legal-guardian', 'best-interests-meeting'] as const;

export type ConsentDecider = (typeof CONSENT_DECIDERS)[number];
