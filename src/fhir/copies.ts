/**
 * Each referral form's answers as the facts of its FHIR copy: who the
 * person is, who filled the form in, and the register for their age on the
 * day of sending (as the email says it). The answers are the checked
 * answers the email was made from.
 */
import type { Bundle } from '@medplum/fhirtypes';
import type { Area } from '../area/schema.ts';
import { ageOn } from '../forms/kit/browser/person.ts';
import type { Received } from '../forms/kit/form.ts';
import { chooseRegister } from '../forms/kit/register.ts';
import { professionalReferral } from '../forms/professional/form.ts';
import type { ProfessionalAnswers } from '../forms/professional/schema.ts';
import { referral } from '../forms/referral/form.ts';
import type { ReferralAnswers } from '../forms/referral/schema.ts';
import { londonDate } from '../time/london.ts';
import { referralBundle, type FilledInBy } from './bundle.ts';
import { FHIR_FORMS, type FhirForm } from './forms.ts';
import type { PersonFacts } from './people.ts';
import { questionnaireFor } from './questionnaire.ts';

type PersonAnswers = Pick<ReferralAnswers, 'name' | 'dob' | 'address' | 'postcode' | 'place' | 'gp' | 'nhsNumber'> & {
  needs: readonly string[];
  needsLanguage?: string | undefined;
};

function personFacts(answers: PersonAnswers, area: Area): PersonFacts {
  const places = area.places.list;
  const district = answers.place === undefined ? (places.length === 1 ? places[0] : undefined) : answers.place;
  return {
    name: answers.name,
    dob: answers.dob,
    address: answers.address,
    postcode: answers.postcode,
    district: district && places.includes(district) ? district : undefined,
    gp: answers.gp,
    nhsNumber: answers.nhsNumber,
    interpreters: [
      ...(answers.needs.includes('bsl') ? ['British Sign Language'] : []),
      ...(answers.needsLanguage === undefined ? [] : [answers.needsLanguage]),
    ],
  };
}

function registerFor(area: Area, dob: string, receivedAt: Date) {
  const age = ageOn(dob, londonDate(receivedAt));
  return age === undefined ? undefined : chooseRegister(area.registers, age);
}

function selfReferralFiller(a: ReferralAnswers): FilledInBy {
  const contact = {
    phone: a.phone,
    mobile: a.contactMethod === 'text',
    email: a.email,
    letterAddress: a.letterAddress,
  };
  if (a.filler === 'self') return { kind: 'patient', contact };
  const name = a.fillerName ?? 'Not given';
  if (a.filler === 'professional')
    return { kind: 'professional', professional: { name, role: a.relationship, organisation: undefined, contact } };
  return { kind: 'related', related: { name, relationship: a.relationship, parent: a.filler === 'parent', contact } };
}

function professionalFiller(a: ProfessionalAnswers): FilledInBy {
  return {
    kind: 'professional',
    professional: {
      name: a.proName,
      role: a.proRole,
      organisation: a.proOrganisation,
      contact: { phone: a.proPhone, email: a.proEmail },
    },
  };
}

function copyOf<TAnswers extends PersonAnswers & { danger: string }>(
  form: FhirForm,
  filledInBy: (answers: TAnswers) => FilledInBy,
) {
  return (received: Received<TAnswers>, area: Area, base: string) =>
    referralBundle({
      reference: received.reference,
      receivedAt: received.receivedAt,
      questionnaire: questionnaireFor(form, area, base),
      answers: received.answers,
      person: personFacts(received.answers, area),
      filledInBy: filledInBy(received.answers),
      register: registerFor(area, received.answers.dob, received.receivedAt),
      danger: received.answers.danger === 'yes',
      base,
    });
}

type FhirCopy = (received: Received<never>, area: Area, base: string) => Bundle;

/** The FHIR copy of a referral, by the path of the form it came from. */
export const FHIR_COPIES: Readonly<Record<string, FhirCopy>> = {
  [referral.path]: copyOf(FHIR_FORMS.referral, selfReferralFiller),
  [professionalReferral.path]: copyOf(FHIR_FORMS.professional, professionalFiller),
};
