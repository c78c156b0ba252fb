/**
 * The professionals' referral form's one definition, for the server and the
 * browser: the rules and GOV.UK messages of every question, in question
 * order, and which questions apply to which answers. It depends on the area
 * (places, reasons, consent model) and on the day (the person's age decides
 * which consent question applies), so it is made by
 * `professionalForm(settings)`; the page gives the browser the same settings
 * and the server's London day.
 */
import * as v from 'valibot';
import type { ConsentRules } from '../../consent/model.ts';
import { someOf } from '../kit/browser/choices.ts';
import { asked, defineForm, type FormAnswers } from '../kit/browser/form.ts';
import { personQuestions } from '../kit/browser/person-questions.ts';
import { ukPhone } from '../kit/browser/phone.ts';
import { emailAddress, optionalText, requiredName, requiredText } from '../kit/browser/text.ts';
import { many, single } from '../kit/browser/values.ts';
import {
  CAPACITY_DETAIL_MAX,
  CONSENT_ADULT,
  DANGER,
  LANGUAGE_MAX,
  NEEDS,
  NEEDS_OTHER_MAX,
  ORGANISATION_MAX,
  PLACE_NOT_KNOWN,
  REASON_OTHER,
  REASONS_OTHER_MAX,
  RISK_MAX,
  ROLE_MAX,
  STEPS,
  TRIED_MAX,
} from './questions.ts';
import { youngerConsentValues } from '../kit/browser/consent.ts';

export interface ProfessionalSettings {
  /** The area's boroughs or districts (`places.list`): asked only when there are several. */
  places: readonly string[];
  placeKind: string;
  /** The ids of the area's reasons for adding a person (`reasons.list`). */
  reasons: readonly string[];
  consent: ConsentRules;
  /** Today on a London clock, 'YYYY-MM-DD'. */
  today: () => string;
}

export function professionalForm(settings: ProfessionalSettings) {
  const person = personQuestions({
    places: settings.places,
    placeUnknown: {
      value: PLACE_NOT_KNOWN,
      message: `Select the ${settings.placeKind} the person lives in, or Not known`,
    },
    fromAge: settings.consent.ownDecision.fromAge,
    today: settings.today,
  });
  const band = person.consentBandOf;

  return defineForm({
    id: 'professional',
    fields: {
      proName: requiredName({ missing: 'Enter your full name', subject: 'Your name' }),
      proRole: requiredText(ROLE_MAX, { missing: 'Enter your role', subject: 'Your role' }),
      proOrganisation: requiredText(ORGANISATION_MAX, {
        missing: 'Enter your organisation',
        subject: 'Your organisation',
      }),
      proEmail: emailAddress('Enter your work email address'),
      proPhone: ukPhone('Enter your work phone number'),
      ...person.fields,
      reasons: someOf([...settings.reasons, REASON_OTHER], 'Select the reason for referral', true),
      reasonsOther: asked(
        requiredText(REASONS_OTHER_MAX, { missing: 'Describe the other reason', subject: 'The other reason' }),
      ),
      danger: v.picklist(DANGER, 'Select yes if anyone is in danger now, or in a mental health crisis'),
      risk: requiredText(RISK_MAX, { missing: 'Describe the current risk', subject: 'Current risk' }),
      consentAdult: asked(v.picklist(CONSENT_ADULT, 'Select the consent you have for this referral')),
      capacityDetail: optionalText(CAPACITY_DETAIL_MAX, 'Details'),
      consentYounger: asked(
        v.picklist(youngerConsentValues(settings.consent), 'Select the consent you have for this referral'),
      ),
      tried: requiredText(TRIED_MAX, {
        missing: 'Describe what has been tried so far',
        subject: 'What has been tried',
      }),
      needs: someOf(NEEDS, 'Select the communication needs from the list', false),
      needsLanguage: asked(requiredText(LANGUAGE_MAX, { missing: 'Enter the language', subject: 'Language' })),
      needsOther: asked(
        requiredText(NEEDS_OTHER_MAX, {
          missing: 'Describe the other communication needs',
          subject: 'Other needs',
        }),
      ),
    },
    applies: {
      // The consent question for the person's age today, and the details of a lack of capacity.
      consentAdult: (raw) => band(raw) === 'sixteen-or-over',
      consentYounger: (raw) => band(raw) === 'under-sixteen',
      capacityDetail: (raw) => band(raw) === 'sixteen-or-over' && single(raw['consentAdult']) === 'lacks-capacity',
      ...person.applies,
      reasonsOther: (raw) => many(raw['reasons']).includes(REASON_OTHER),
      needsLanguage: (raw) => many(raw['needs']).includes('language'),
      needsOther: (raw) => many(raw['needs']).includes('other'),
    },
    read: {
      ...person.read,
      proPhone: (raw) => ({ typed: single(raw['proPhone']), mobile: false }),
      reasons: (raw) => many(raw['reasons']),
      needs: (raw) => many(raw['needs']),
    },
    targets: person.targets,
    inputs: person.inputs,
    steps: STEPS,
    // No consent and no other basis: nothing may be sent.
    stop: (answers) => (answers.consentAdult === 'no' || answers.consentYounger === 'no' ? 'no-consent' : undefined),
  });
}

export type ProfessionalForm = ReturnType<typeof professionalForm>;
export type ProfessionalAnswers = FormAnswers<ProfessionalForm>;
