/**
 * Structural checks of a referral's FHIR copy, by the FHIR R4 base
 * resources' cardinalities and required elements (and the UK Core NHS
 * number system): what the official validator would check first, in a form
 * that runs here with no package downloads. Returns the problems found, so
 * a test shows them all at once.
 */
import type {
  Bundle,
  Patient,
  PractitionerRole,
  Questionnaire,
  QuestionnaireResponse,
  RelatedPerson,
  Resource,
  ServiceRequest,
} from '@medplum/fhirtypes';
import { checkNhsNumber } from '../../src/forms/kit/browser/person.ts';
import { NHS_NUMBER_SYSTEM, UK_CORE_PATIENT } from '../../src/fhir/people.ts';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const URN_UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const VALUE_KEYS = ['valueString', 'valueCoding', 'valueDate', 'valueBoolean'] as const;
/** The answer's value[x] for an item's type; any other type here is answered with text. */
const VALUE_BY_TYPE: Readonly<Record<string, string>> = {
  choice: 'valueCoding',
  date: 'valueDate',
  boolean: 'valueBoolean',
};

/** Every `reference` anywhere in a resource. */
function referencesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === 'reference' && typeof child === 'string' ? [child] : referencesIn(child),
  );
}

export function checkBundle(bundle: Bundle, questionnaire: Questionnaire): string[] {
  const problems: string[] = [];
  const need = (ok: unknown, problem: string) => {
    if (!ok) problems.push(problem);
  };
  need(bundle.resourceType === 'Bundle', 'Bundle: resourceType');
  need(bundle.type === 'collection', 'Bundle.type must be collection');
  need(/^DSR-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(bundle.identifier?.value ?? ''), 'Bundle.identifier: the reference');
  need(INSTANT.test(bundle.timestamp ?? ''), 'Bundle.timestamp: an instant');
  const entries = bundle.entry ?? [];
  const byUrl = new Map<string, Resource>();
  for (const entry of entries) {
    need(URN_UUID.test(entry.fullUrl ?? ''), `Bundle.entry.fullUrl: a urn:uuid (${entry.fullUrl})`);
    need(entry.resource, 'Bundle.entry.resource: 1..1');
    need(!byUrl.has(entry.fullUrl ?? ''), `Bundle.entry.fullUrl: unique (${entry.fullUrl})`);
    if (entry.fullUrl && entry.resource) byUrl.set(entry.fullUrl, entry.resource);
  }
  for (const reference of referencesIn(entries.map((entry) => entry.resource)))
    need(byUrl.has(reference), `a reference that is no entry of the bundle: ${reference}`);
  const typed = <T extends Resource>(type: T['resourceType']) =>
    entries.map((entry) => entry.resource).filter((r): r is T => r?.resourceType === type);
  const resolves = (reference: string | undefined, ...types: string[]) =>
    reference !== undefined && types.includes(byUrl.get(reference)?.resourceType ?? '');

  const [request, ...moreRequests] = typed<ServiceRequest>('ServiceRequest');
  need(request && moreRequests.length === 0, 'one ServiceRequest');
  const [response, ...moreResponses] = typed<QuestionnaireResponse>('QuestionnaireResponse');
  need(response && moreResponses.length === 0, 'one QuestionnaireResponse');
  const [patient, ...morePatients] = typed<Patient>('Patient');
  need(patient && morePatients.length === 0, 'one Patient');

  if (request) {
    need(request.status === 'active', 'ServiceRequest.status: active');
    need(request.intent === 'proposal', 'ServiceRequest.intent: proposal');
    need(
      request.category?.length && request.category.every((c) => c.text || c.coding?.length),
      'ServiceRequest.category',
    );
    need(resolves(request.subject?.reference, 'Patient'), 'ServiceRequest.subject: the Patient (1..1)');
    need(
      request.supportingInfo?.some((info) => resolves(info.reference, 'QuestionnaireResponse')),
      'ServiceRequest.supportingInfo: the QuestionnaireResponse',
    );
    need(
      resolves(request.requester?.reference, 'Patient', 'RelatedPerson', 'PractitionerRole', 'Practitioner'),
      'ServiceRequest.requester',
    );
    need(request.identifier?.[0]?.value === bundle.identifier?.value, 'ServiceRequest.identifier: the reference');
  }
  if (response) problems.push(...checkResponse(response, questionnaire, resolves));
  if (patient) {
    need(patient.meta?.profile?.includes(UK_CORE_PATIENT), 'Patient.meta.profile: UK Core');
    need(patient.name?.length && patient.name.every((n) => n.text || n.family || n.given), 'Patient.name');
    need(DATE.test(patient.birthDate ?? ''), 'Patient.birthDate: a date');
    need(patient.address?.length, 'Patient.address');
    for (const identifier of patient.identifier ?? []) {
      need(identifier.system === NHS_NUMBER_SYSTEM, `Patient.identifier.system: ${identifier.system}`);
      need(checkNhsNumber(identifier.value ?? '').ok, 'Patient.identifier.value: a real NHS number, 10 digits');
      need(/^\d{10}$/.test(identifier.value ?? ''), 'Patient.identifier.value: digits only');
    }
    for (const extension of patient.extension ?? []) {
      const language = extension.extension?.filter((part) => part.url === 'language') ?? [];
      need(language.length === 1 && language[0]?.valueCodeableConcept, 'NHSCommunication.language: 1..1');
    }
  }
  for (const related of typed<RelatedPerson>('RelatedPerson'))
    need(resolves(related.patient?.reference, 'Patient'), 'RelatedPerson.patient: the Patient (1..1)');
  for (const role of typed<PractitionerRole>('PractitionerRole'))
    need(resolves(role.practitioner?.reference, 'Practitioner'), 'PractitionerRole.practitioner');
  return problems;
}

function checkResponse(
  response: QuestionnaireResponse,
  questionnaire: Questionnaire,
  resolves: (reference: string | undefined, ...types: string[]) => boolean,
): string[] {
  const problems: string[] = [];
  const need = (ok: unknown, problem: string) => {
    if (!ok) problems.push(problem);
  };
  need(response.status === 'completed', 'QuestionnaireResponse.status: completed');
  need(
    response.questionnaire === `${questionnaire.url}|${questionnaire.version}`,
    'QuestionnaireResponse.questionnaire: the versioned canonical',
  );
  need(INSTANT.test(response.authored ?? ''), 'QuestionnaireResponse.authored: a dateTime');
  need(resolves(response.subject?.reference, 'Patient'), 'QuestionnaireResponse.subject: the Patient');
  need(
    resolves(response.author?.reference, 'Patient', 'RelatedPerson', 'PractitionerRole', 'Practitioner') ||
      resolves(response.source?.reference, 'Patient', 'RelatedPerson', 'PractitionerRole', 'Practitioner'),
    'QuestionnaireResponse: author or source',
  );
  const items = new Map((questionnaire.item ?? []).map((item) => [item.linkId, item]));
  for (const item of response.item ?? []) {
    const question = items.get(item.linkId);
    need(question, `QuestionnaireResponse.item.linkId "${item.linkId}" is in the Questionnaire`);
    need(item.answer?.length, `QuestionnaireResponse.item "${item.linkId}": an answer`);
    need(question?.repeats || (item.answer?.length ?? 0) <= 1, `"${item.linkId}": one answer only`);
    for (const answer of item.answer ?? []) {
      const values = VALUE_KEYS.filter((key) => answer[key] !== undefined);
      need(values.length === 1, `"${item.linkId}": one value[x] per answer`);
      const expected = VALUE_BY_TYPE[question?.type ?? ''];
      need(values[0] === (expected ?? 'valueString'), `"${item.linkId}": a ${expected ?? 'valueString'}`);
      if (answer.valueCoding)
        need(
          question?.answerOption?.some((option) => option.valueCoding?.code === answer.valueCoding?.code),
          `"${item.linkId}": ${answer.valueCoding.code} is one of its options`,
        );
    }
  }
  return problems;
}
