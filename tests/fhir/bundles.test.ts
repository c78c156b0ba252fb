/**
 * The FHIR copy of a referral, from the referral journeys through the real
 * submit path (submitForm, as the page sends): the attachment on the team's
 * email, its structure (tests/fhir/structure.ts), the NHS number only when
 * given, every answer the email shows also in the QuestionnaireResponse,
 * and the area switch. The sample (sample-bundle.json) is the first journey's copy:
 * `UPDATE_FHIR_SAMPLE=1` rewrites it; otherwise it must match.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, test } from 'node:test';
import type { Bundle, Patient, QuestionnaireResponse, ServiceRequest } from '@medplum/fhirtypes';
import type { Area } from '../../src/area/schema.ts';
import { checkMessage, type OutgoingMessage } from '../../src/channels/mail/message.ts';
import type { Accept } from '../../src/delivery/index.ts';
import { FHIR_JSON } from '../../src/fhir/attachment.ts';
import { fhirBase } from '../../src/fhir/canonical.ts';
import { FHIR_COPIES } from '../../src/fhir/copies.ts';
import { FHIR_FORMS, type FhirForm } from '../../src/fhir/forms.ts';
import { NHS_NUMBER_SYSTEM, patientOf } from '../../src/fhir/people.ts';
import { questionnaireFor } from '../../src/fhir/questionnaire.ts';
import type { Form } from '../../src/forms/kit/form.ts';
import { submitForm } from '../../src/forms/kit/submit.ts';
import { professionalReferral } from '../../src/forms/professional/form.ts';
import type { ProfessionalAnswers } from '../../src/forms/professional/schema.ts';
import { referral } from '../../src/forms/referral/form.ts';
import type { ReferralAnswers } from '../../src/forms/referral/schema.ts';
import { setClock } from '../../src/time/clock.ts';
import { areaSettings, ROOT } from '../support/areas.ts';
import { checkBundle } from './structure.ts';

const SEL = areaSettings('south-east-london');
const ESSEX = areaSettings('essex');
/** Friday 20 November 2026, 3pm in London. */
const FRIDAY = new Date('2026-11-20T15:00:00Z');
const REFERENCE = 'DSR-7KQM-2XPT';
const SAMPLE = path.join(ROOT, 'tests/fhir/sample-bundle.json');

const parentOfTwelve: ReferralAnswers = {
  danger: 'no',
  filler: 'parent',
  name: 'Zoë Smith',
  dob: '2014-03-05',
  address: '1 Test Road\nLewisham',
  postcode: 'SE13 5AB',
  place: 'Lewisham',
  gp: { known: true, name: 'Test Lane Surgery' },
  nhsNumber: '943 476 5919',
  diagnosis: 'autism',
  reasons: ['hospital', 'other'],
  reasonsOther: 'Excluded from school',
  happening: 'Things are hard at home.\nShe is not sleeping.',
  consentUnder16: 'parent',
  fillerName: 'Ann Smith',
  relationship: 'Mum',
  contactMethod: 'phone',
  phone: { typed: '020 7946 0123', e164: '+442079460123' },
  needs: ['easy-read'],
};

const autisticAdult: ReferralAnswers = {
  danger: 'no',
  filler: 'self',
  name: 'Sam Jones',
  dob: '1995-07-01',
  address: '2 Test Street\nChelmsford',
  postcode: 'CM1 1QH',
  gp: { known: false },
  diagnosis: 'autism',
  reasons: ['hospital'],
  consent16: 'agrees',
  contactMethod: 'email',
  email: 'sam@example.com',
  needs: ['quiet-time'],
};

const carerCapacity: ReferralAnswers = {
  danger: 'yes',
  filler: 'carer',
  name: 'Chris Brown',
  dob: '1988-01-20',
  address: '3 Test Close\nBromley',
  postcode: 'BR1 1AA',
  place: 'not-sure',
  gp: { known: true, name: 'Test Green Practice' },
  diagnosis: 'both',
  reasons: ['hospital', 'other'],
  reasonsOther: 'His placement may end',
  consent16: 'cannot-decide',
  capacityDetail: 'His sister helps him decide.',
  fillerName: 'Pat Brown',
  relationship: 'Brother',
  contactMethod: 'letter',
  letterAddress: '4 Test Close\nBromley BR1 1AB',
  needs: ['bsl', 'language', 'other'],
  needsLanguage: 'Polish',
  needsOther: 'Short sentences',
};

const professional: ProfessionalAnswers = {
  proName: 'Dr Priya Shah',
  proRole: 'Community nurse',
  proOrganisation: 'Test NHS Trust',
  proEmail: 'priya.shah@example.nhs.uk',
  proPhone: { typed: '020 7946 0456', e164: '+442079460456' },
  name: 'Alex Taylor',
  dob: '1990-06-15',
  address: '5 High Street\nChelmsford',
  postcode: 'CM1 1QH',
  gp: { known: true, name: 'High Street Surgery' },
  nhsNumber: '943 476 5919',
  reasons: ['hospital'],
  danger: 'no',
  risk: 'Two incidents this month.',
  consentAdult: 'consents',
  tried: 'Positive behaviour support.',
  needs: [],
};

/** Sends the answers as the page does, and returns the message handed to the queue. */
async function send<TAnswers>(form: Form<never>, area: Area, answers: TAnswers): Promise<OutgoingMessage> {
  setClock(() => FRIDAY);
  const messages: OutgoingMessage[] = [];
  const accept: Accept = async ({ build }) => {
    messages.push(await build(REFERENCE));
    return { reference: REFERENCE };
  };
  await submitForm(form, area, { data: answers as never, token: 'a-token-of-22-chars-ok' }, accept);
  assert.equal(messages.length, 1);
  return checkMessage(messages[0]!) as OutgoingMessage;
}

function copyIn(message: OutgoingMessage): Bundle {
  assert.equal(message.attachments?.length, 1, 'one attachment');
  const [attachment] = message.attachments!;
  assert.equal(attachment!.filename, `${REFERENCE}.fhir.json`);
  assert.equal(attachment!.contentType, FHIR_JSON);
  return JSON.parse(attachment!.content) as Bundle;
}

const resources = <T>(bundle: Bundle, type: string) =>
  (bundle.entry ?? []).map((entry) => entry.resource).filter((r) => r?.resourceType === type) as T[];

/** Every question the email shows an answer to is in the response, and each typed answer is in the email. */
function sameAnswersAsEmail(message: OutgoingMessage, answers: Record<string, unknown>, bundle: Bundle) {
  const [response] = resources<QuestionnaireResponse>(bundle, 'QuestionnaireResponse');
  const linkIds = new Set(response!.item?.map((item) => item.linkId));
  for (const [name, value] of Object.entries(answers)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    const unknownGp = name === 'gp' && (value as { known: boolean }).known === false;
    assert.ok(linkIds.has(unknownGp ? 'gpUnknown' : name), `the answer to "${name}" is in the response`);
  }
  for (const item of response!.item ?? [])
    for (const answer of item.answer ?? [])
      for (const line of answer.valueString?.split('\n') ?? [])
        assert.ok(message.text.includes(line), `"${item.linkId}": the email says ${line} too`);
}

const JOURNEYS: { name: string; form: Form<never>; fhir: FhirForm; area: Area; answers: Record<string, unknown> }[] = [
  {
    name: 'a parent of a 12-year-old',
    form: referral as never,
    fhir: FHIR_FORMS.referral,
    area: SEL,
    answers: parentOfTwelve,
  },
  {
    name: 'an autistic adult',
    form: referral as never,
    fhir: FHIR_FORMS.referral,
    area: ESSEX,
    answers: autisticAdult,
  },
  {
    name: 'a carer, capacity in doubt',
    form: referral as never,
    fhir: FHIR_FORMS.referral,
    area: SEL,
    answers: carerCapacity,
  },
  {
    name: 'a professional',
    form: professionalReferral as never,
    fhir: FHIR_FORMS.professional,
    area: ESSEX,
    answers: professional,
  },
];

describe('the FHIR copy of a referral', () => {
  afterEach(() => setClock());

  for (const journey of JOURNEYS) {
    test(`${journey.name}: a structurally sound bundle with every answer the email has`, async () => {
      const message = await send(journey.form, journey.area, journey.answers);
      const bundle = copyIn(message);
      const questionnaire = questionnaireFor(journey.fhir, journey.area, fhirBase());
      assert.deepEqual(checkBundle(bundle, questionnaire), []);
      assert.equal(bundle.identifier?.value, REFERENCE);
      assert.equal(bundle.timestamp, FRIDAY.toISOString());
      sameAnswersAsEmail(message, journey.answers, bundle);
      const [patient] = resources<Patient>(bundle, 'Patient');
      assert.equal(patient!.name?.[0]?.text, journey.answers['name']);
      assert.equal(patient!.birthDate, journey.answers['dob']);
    });
  }

  test('who filled it in: a parent or carer is a RelatedPerson, a professional a Practitioner with a role', async () => {
    const parent = copyIn(await send(referral as never, SEL, parentOfTwelve));
    assert.equal(resources(parent, 'RelatedPerson').length, 1);
    assert.equal(resources(parent, 'Practitioner').length, 0);
    const adult = copyIn(await send(referral as never, ESSEX, autisticAdult));
    assert.equal(resources(adult, 'RelatedPerson').length + resources(adult, 'Practitioner').length, 0);
    const [adultPatient] = resources<Patient>(adult, 'Patient');
    assert.deepEqual(adultPatient!.telecom, [{ system: 'email', value: 'sam@example.com' }], "the person's own email");
    const pro = copyIn(await send(professionalReferral as never, ESSEX, professional));
    assert.equal(resources(pro, 'Practitioner').length, 1);
    const [role] = resources<{ organization?: { display?: string } }>(pro, 'PractitionerRole');
    assert.equal(role!.organization?.display, 'Test NHS Trust');
  });

  test('the NHS number is there, under the NHS system, only when given', async () => {
    const given = resources<Patient>(copyIn(await send(referral as never, SEL, parentOfTwelve)), 'Patient')[0]!;
    assert.deepEqual(given.identifier, [{ system: NHS_NUMBER_SYSTEM, value: '9434765919' }]);
    const none = resources<Patient>(copyIn(await send(referral as never, ESSEX, autisticAdult)), 'Patient')[0]!;
    assert.equal(none.identifier, undefined);
    const person = {
      name: 'X',
      dob: '2000-01-01',
      address: 'A',
      postcode: 'SE1 7EH',
      district: undefined,
      gp: { known: false as const },
      interpreters: [],
    };
    assert.equal(
      patientOf({ ...person, nhsNumber: '943 476 5918' }, undefined).identifier,
      undefined,
      'a wrong check digit',
    );
  });

  test('interpreters are UK Core communication needs; danger now makes the request urgent', async () => {
    const bundle = copyIn(await send(referral as never, SEL, carerCapacity));
    const [patient] = resources<Patient>(bundle, 'Patient');
    const languages = patient!.extension?.map(
      (extension) => extension.extension?.find((part) => part.url === 'language')?.valueCodeableConcept?.text,
    );
    assert.deepEqual(languages, ['British Sign Language', 'Polish']);
    assert.equal(patient!.address?.[0]?.district, undefined, '"not sure" is no district');
    const [request] = resources<ServiceRequest>(bundle, 'ServiceRequest');
    assert.equal(request!.priority, 'urgent');
    assert.deepEqual(
      request!.category?.[0]?.coding?.map((coding) => [coding.code, coding.display]),
      SEL.registers
        .filter((register) => register.minAge <= 38 && (register.maxAge ?? Infinity) >= 38)
        .map((register) => [register.id, register.name]),
      'the register for a 38-year-old, by its id in the area settings',
    );
  });

  test('an area whose settings do not turn it on sends the email alone', async () => {
    const { fhirCopy: _, ...off } = SEL;
    const message = await send(referral as never, off, parentOfTwelve);
    assert.equal(message.attachments, undefined);
  });

  test('the sample bundle is this build of the first journey', () => {
    const bundle = FHIR_COPIES[referral.path]!(
      {
        reference: REFERENCE,
        answers: parentOfTwelve,
        receivedAt: FRIDAY,
        replyBy: undefined,
        replyWorkingDays: undefined,
        areaName: SEL.name,
      } as never,
      SEL,
      'https://dsr.example.nhs.uk/fhir',
    );
    const generated = `${JSON.stringify(bundle, null, 2)}\n`;
    if (process.env['UPDATE_FHIR_SAMPLE'] === '1') writeFileSync(SAMPLE, generated);
    assert.equal(
      readFileSync(SAMPLE, 'utf8'),
      generated,
      'run with UPDATE_FHIR_SAMPLE=1 to rewrite tests/fhir/sample-bundle.json',
    );
  });
});
