/**
 * The referral form's one definition: the rules and messages of every
 * question, in question order (the error summary follows it), and which
 * questions apply to which answers. The server checks every POST with it;
 * the browser checks each step with the very same module (`validate` with
 * `only`). GOV.UK wording: instructions for missing answers, descriptions for
 * wrong ones; never "please", "valid" or "required".
 *
 * The definition depends on the area (its places, its reasons and its
 * consent model) and on the day (age decides which consent question
 * applies), so it is made by `referralForm(settings)`: the server passes the
 * London day of the request; the page gives the browser the same day and the
 * same settings.
 */
import * as v from 'valibot';
import type { ConsentRules } from '../../consent/model.ts';
import { someOf } from '../kit/browser/choices.ts';
import { asked, defineForm, type FormAnswers } from '../kit/browser/form.ts';
import { ageOn } from '../kit/browser/person.ts';
import { personQuestions } from '../kit/browser/person-questions.ts';
import { ukPhone } from '../kit/browser/phone.ts';
import { emailAddress, optionalText, requiredName, requiredText } from '../kit/browser/text.ts';
import { many, single, type RawValues } from '../kit/browser/values.ts';
import {
  ADDRESS_MAX,
  CAPACITY_DETAIL_MAX,
  CONSENT_16,
  CONTACT_METHOD,
  DANGER,
  DIAGNOSIS,
  FILLER,
  HAPPENING_MAX,
  LANGUAGE_MAX,
  NEEDS,
  NEEDS_OTHER_MAX,
  PLACE_NOT_SURE,
  REASON_OTHER,
  REASONS_OTHER_MAX,
  RELATIONSHIP_MAX,
  STEPS,
} from './questions.ts';
import { youngerConsentValues } from '../kit/browser/consent.ts';

export interface ReferralSettings {
  /** The area's boroughs or districts (`places.list`): asked only when there are several. */
  places: readonly string[];
  /** What the area calls them: "borough" or "district". */
  placeKind: string;
  /** The ids of the area's reasons for adding a person (`reasons.list`). */
  reasons: readonly string[];
  /** The area's consent model (`consent`). */
  consent: ConsentRules;
  /** Today on a London clock, 'YYYY-MM-DD': the day of sending. */
  today: () => string;
}

export function referralForm(settings: ReferralSettings) {
  const kind = settings.placeKind;
  const person = personQuestions({
    places: settings.places,
    placeUnknown: { value: PLACE_NOT_SURE, message: `Select the ${kind} the person lives in, or I am not sure` },
    fromAge: settings.consent.ownDecision.fromAge,
    today: settings.today,
  });
  const bandOf = person.consentBandOf;
  const filler = (raw: RawValues) => single(raw['filler']);
  const method = (raw: RawValues) => single(raw['contactMethod']);
  const someoneElse = (raw: RawValues) => {
    const who = filler(raw);
    return who !== undefined && who !== 'self' && (FILLER as readonly string[]).includes(who);
  };

  return defineForm({
    id: 'referral',
    fields: {
      danger: v.picklist(DANGER, 'Select yes if anyone is in danger now, or in a mental health crisis'),
      filler: v.picklist(FILLER, 'Select who is filling in this form'),
      ...person.fields,
      diagnosis: v.picklist(DIAGNOSIS, 'Select the answer that fits the person best'),
      reasons: someOf([...settings.reasons, REASON_OTHER], 'Select why the person might need extra support now', true),
      reasonsOther: asked(
        requiredText(REASONS_OTHER_MAX, { missing: 'Enter the other reason', subject: 'The other reason' }),
      ),
      happening: optionalText(HAPPENING_MAX, 'What is happening'),
      consent16: asked(v.picklist(CONSENT_16, 'Select if the person agrees to be on the DSR')),
      capacityDetail: optionalText(CAPACITY_DETAIL_MAX, 'Who helps the person'),
      consentUnder16: asked(
        v.picklist(youngerConsentValues(settings.consent), 'Select who agrees to the young person being on the DSR'),
      ),
      fillerName: asked(requiredName({ missing: 'Enter your full name', subject: 'Your name' })),
      relationship: asked(
        requiredText(RELATIONSHIP_MAX, {
          missing: 'Enter how you know the person',
          subject: 'How you know the person',
        }),
      ),
      contactMethod: v.picklist(CONTACT_METHOD, 'Select the best way to contact you'),
      phone: asked(ukPhone('Enter your phone number')),
      email: asked(emailAddress('Enter your email address')),
      letterAddress: asked(
        requiredText(ADDRESS_MAX, { missing: 'Enter your address for letters', subject: 'Your address for letters' }),
      ),
      needs: someOf(NEEDS, 'Select the help to communicate from the list', false),
      needsLanguage: asked(requiredText(LANGUAGE_MAX, { missing: 'Enter the language', subject: 'Language' })),
      needsOther: asked(
        requiredText(NEEDS_OTHER_MAX, { missing: 'Enter the other help you need', subject: 'Other help' }),
      ),
    },
    applies: {
      ...person.applies,
      reasonsOther: (raw) => many(raw['reasons']).includes(REASON_OTHER),
      consent16: (raw) => bandOf(raw) === 'sixteen-or-over',
      capacityDetail: (raw) => bandOf(raw) === 'sixteen-or-over' && single(raw['consent16']) === 'cannot-decide',
      consentUnder16: (raw) => bandOf(raw) === 'under-sixteen',
      fillerName: someoneElse,
      relationship: someoneElse,
      phone: (raw) => method(raw) === 'phone' || method(raw) === 'text',
      email: (raw) => method(raw) === 'email',
      letterAddress: (raw) => method(raw) === 'letter' && someoneElse(raw),
      needsLanguage: (raw) => many(raw['needs']).includes('language'),
      needsOther: (raw) => many(raw['needs']).includes('other'),
    },
    read: {
      ...person.read,
      reasons: (raw) => many(raw['reasons']),
      needs: (raw) => many(raw['needs']),
      phone: (raw) => ({ typed: single(raw['phone']), mobile: method(raw) === 'text' }),
    },
    targets: person.targets,
    inputs: person.inputs,
    steps: STEPS,
    // Nobody agrees: the person cannot be added, and nothing is sent.
    stop: (answers) => (consentRefused(answers) ? 'no-consent' : undefined),
  });
}

export type ReferralForm = ReturnType<typeof referralForm>;
export type ReferralAnswers = FormAnswers<ReferralForm>;

/** The person's age on the day, from checked answers. */
export function ageFromAnswers(answers: Pick<ReferralAnswers, 'dob'>, today: string): number {
  const age = ageOn(answers.dob, today);
  if (age === undefined) throw new RangeError('The date of birth is after today');
  return age;
}

/** True when the answers say nobody agrees: nothing may be sent. */
export function consentRefused(answers: {
  consent16?: string | undefined;
  consentUnder16?: string | undefined;
}): boolean {
  return answers.consent16 === 'no' || answers.consentUnder16 === 'no';
}
