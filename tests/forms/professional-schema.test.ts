/**
 * The professionals' referral form's one definition: its messages, the
 * person's questions from the kit (with the NHS number check), the consent
 * question for the person's age on the day in the area's consent model
 * (the best-interests route only where the model has it), the stop when
 * there is no consent, and which areas offer the form.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Area } from '../../src/area/schema.ts';
import { applicableFields } from '../../src/forms/kit/browser/form.ts';
import { validate } from '../../src/forms/kit/browser/validate.ts';
import type { RawValues } from '../../src/forms/kit/browser/values.ts';
import { professionalReferral, professionalSettings, professionalWords } from '../../src/forms/professional/form.ts';
import { STEPS, questions } from '../../src/forms/professional/questions.ts';
import { professionalForm, type ProfessionalAnswers } from '../../src/forms/professional/schema.ts';
import { areaSettings } from '../support/areas.ts';

const TODAY = '2026-11-20';
const ESSEX = areaSettings('essex');
const SEL = areaSettings('south-east-london');
const formFor = (area: Area) => professionalForm({ ...professionalSettings(area), today: () => TODAY });
const form = formFor(ESSEX);

const dob = (iso: string): RawValues => {
  const [year, month, day] = iso.split('-');
  return { 'dob-day': day!, 'dob-month': month!, 'dob-year': year! };
};

/** A nurse referring an adult who consents: every required answer. */
const adult: RawValues = {
  proName: 'Dr Priya Shah',
  proRole: 'Community nurse',
  proOrganisation: 'Acacia NHS Trust',
  proEmail: 'priya.shah@example.nhs.uk',
  proPhone: '020 7946 0123',
  name: 'Alex Taylor',
  ...dob('1990-06-15'),
  address: '1 High Street\nChelmsford',
  postcode: 'cm1 1qh',
  gp: '',
  gpUnknown: 'yes',
  nhsNumber: '',
  reasons: ['hospital'],
  danger: 'no',
  risk: 'Rising risk of admission.',
  consentAdult: 'consents',
  tried: 'Positive behaviour support.',
};

/** The answers without these questions. */
const without = (values: RawValues, ...names: string[]): RawValues =>
  Object.fromEntries(Object.entries(values).filter(([name]) => !names.includes(name)));
const errorsOf = (values: RawValues, definition = form) => {
  const result = validate(definition, values);
  return result.ok ? {} : result.errors;
};
const dataOf = (values: RawValues, definition = form): ProfessionalAnswers => {
  const result = validate(definition, values);
  assert.equal(result.ok, true, JSON.stringify(result.ok ? {} : result.errors));
  return (result as { data: ProfessionalAnswers }).data;
};

describe('the professionals’ referral definition', () => {
  test('an empty form: a GOV.UK message for every required question, in the order asked', () => {
    const result = validate(form, {});
    assert.equal(result.ok, false);
    assert.deepEqual(result.ok ? [] : result.list.map((item) => item.message), [
      'Enter your full name',
      'Enter your role',
      'Enter your organisation',
      'Enter your work email address',
      'Enter your work phone number',
      "Enter the person's full name",
      "Enter the person's date of birth",
      "Enter the person's home address",
      'Enter the postcode',
      'Enter the name of the GP surgery, or select I do not know',
      'Select the reason for referral',
      'Select yes if anyone is in danger now, or in a mental health crisis',
      'Describe the current risk',
      'Describe what has been tried so far',
    ]);
    for (const message of result.ok ? [] : result.list.map((item) => item.message))
      assert.doesNotMatch(message, /please|valid|required/i);
  });

  test('a complete adult referral: tidy answers (postcode, phone, GP not known, no NHS number)', () => {
    const data = dataOf(adult);
    assert.equal(data.postcode, 'CM1 1QH');
    assert.deepEqual(data.gp, { known: false });
    assert.equal(data.nhsNumber, undefined);
    assert.equal(data.proPhone.e164, '+442079460123');
    assert.equal(data.consentAdult, 'consents');
    assert.equal(data.consentYounger, undefined);
    assert.deepEqual(data.needs, []);
  });

  test('the NHS number check: the check digit and the length', () => {
    assert.equal(dataOf({ ...adult, nhsNumber: '9434765919' }).nhsNumber, '943 476 5919');
    assert.equal(
      errorsOf({ ...adult, nhsNumber: '943 476 5918' }).nhsNumber,
      'NHS number is not right. Check each number',
    );
    assert.equal(errorsOf({ ...adult, nhsNumber: '12345' }).nhsNumber, 'NHS number must be 10 numbers');
  });

  test('the work email and phone are checked', () => {
    const errors = errorsOf({ ...adult, proEmail: 'priya at nhs', proPhone: '12' });
    assert.equal(errors.proEmail, 'Enter an email address in the correct format, like name@example.com');
    assert.ok(errors.proPhone);
  });

  test('reasons come from the area’s own criteria, then Another reason with its description', () => {
    const ids = ESSEX.reasons.list.map((reason) => reason.id);
    assert.deepEqual(
      questions(professionalWords(ESSEX)).reasons.choices.map((choice) => choice.value),
      [...ids, 'other'],
    );
    assert.equal(errorsOf({ ...adult, reasons: ['made-up'] }).reasons, 'Select the reason for referral');
    assert.equal(errorsOf({ ...adult, reasons: ['other'] }).reasonsOther, 'Describe the other reason');
    assert.equal(dataOf({ ...adult, reasons: ['other'], reasonsOther: 'Tenancy' }).reasonsOther, 'Tenancy');
  });

  test('the danger question comes first in the risk step', () => {
    assert.deepEqual(STEPS.find((step) => step.id === 'risk')?.fields, ['danger', 'risk']);
  });

  test('consent by the person’s age on the day: 16 or over, or under 16 (Essex’s model)', () => {
    assert.deepEqual(errorsOf(without(adult, 'consentAdult')), {
      consentAdult: 'Select the consent you have for this referral',
    });
    const child = { ...adult, ...dob('2014-03-05'), consentAdult: 'consents' };
    assert.deepEqual(errorsOf(child), { consentYounger: 'Select the consent you have for this referral' });
    // The day before the 16th birthday the younger question applies; on the day, the other.
    const turning = (iso: string) => applicableFields(form, { ...adult, ...dob(iso) });
    assert.ok(turning('2010-11-21').includes('consentYounger'));
    assert.ok(turning('2010-11-20').includes('consentAdult'));
    assert.equal(dataOf({ ...child, consentYounger: 'parent' }).consentYounger, 'parent');
  });

  test('Essex’s model has no Gillick route and no best-interests route: only what the model says is offered', () => {
    const words = questions(professionalWords(ESSEX));
    assert.deepEqual(
      words.consentYounger.choices.map((choice) => choice.value),
      ['parent', 'no'],
    );
    assert.equal(
      words.consentAdult.choices.find((choice) => choice.value === 'lacks-capacity')?.label,
      'The person lacks capacity for this decision, and their parents or legal guardians consent',
    );
    assert.doesNotMatch(JSON.stringify(words), /best interests/i);
    const child = { ...without(adult, 'consentAdult'), ...dob('2014-03-05') };
    assert.ok(errorsOf({ ...child, consentYounger: 'young-person' }).consentYounger);
  });

  test('a model with best interests and Gillick competence (South East London’s) offers both routes', () => {
    const words = questions(professionalWords(SEL));
    assert.match(
      words.consentAdult.choices.find((choice) => choice.value === 'lacks-capacity')!.label,
      /a best interests decision supports the referral/,
    );
    assert.deepEqual(
      words.consentYounger.choices.map((choice) => choice.value),
      ['parent', 'young-person', 'no'],
    );
    assert.match(words.capacityDetail.label, /best interests decision/);
  });

  test('the capacity details apply only when the person lacks capacity', () => {
    assert.ok(!applicableFields(form, adult).includes('capacityDetail'));
    const lacks = { ...adult, consentAdult: 'lacks-capacity', capacityDetail: 'Mum consents.' };
    assert.ok(applicableFields(form, lacks).includes('capacityDetail'));
    assert.equal(dataOf(lacks).capacityDetail, 'Mum consents.');
    assert.equal(dataOf({ ...adult, capacityDetail: 'ignored' }).capacityDetail, undefined);
  });

  test('no consent stops: the definition names the view that says why', () => {
    const refused = dataOf({ ...adult, consentAdult: 'no' });
    assert.equal(form.stop?.(refused), 'no-consent');
    assert.equal(form.stop?.(dataOf(adult)), undefined);
  });

  test('the place is asked only where the area has several', () => {
    assert.ok(!applicableFields(form, adult).includes('place'));
    const several = { ...ESSEX, places: { ...ESSEX.places, kind: 'district', list: ['Basildon', 'Harlow'] } };
    const definition = formFor(several);
    assert.equal(errorsOf(adult, definition).place, 'Select the district the person lives in, or Not known');
    assert.equal(dataOf({ ...adult, place: 'not-known' }, definition).place, 'not-known');
  });

  test('offered by the area’s settings: on in Essex, off (absent) in South East London', () => {
    assert.equal(professionalReferral.offered(ESSEX), true);
    assert.equal(professionalReferral.offered(SEL), false);
    assert.equal(ESSEX.join.professionalForm !== undefined, true);
  });

  test('the settings the browser is given carry no words and no sources', () => {
    const settings = JSON.stringify(professionalSettings(ESSEX));
    assert.doesNotMatch(settings, /"(source|quote|own|text)"/);
  });
});
