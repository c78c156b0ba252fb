/**
 * A referral as a FHIR R4 Bundle of type `collection`, in the shape of the
 * Booking and Referral Standard: a ServiceRequest (a proposal to add the
 * person to the register) whose supportingInfo is the QuestionnaireResponse
 * holding every answer, the Patient it is about, and whoever filled the form
 * in. Resources reference each other by their `urn:uuid:` fullUrl.
 */
import type {
  Bundle,
  BundleEntry,
  Patient,
  PractitionerRole,
  Questionnaire,
  QuestionnaireResponse,
  Reference,
  RelatedPerson,
  Resource,
  ServiceRequest,
} from '@medplum/fhirtypes';
import { fullUrlFor } from './ids.ts';
import {
  patientOf,
  practitionerOf,
  practitionerRoleOf,
  relatedPersonOf,
  type Contact,
  type PersonFacts,
  type ProfessionalFacts,
  type RelatedFacts,
} from './people.ts';
import { responseItems } from './response.ts';

/** Who filled the form in: the person themselves, a parent or carer, or a professional. */
export type FilledInBy =
  | { kind: 'patient'; contact: Contact }
  | { kind: 'related'; related: RelatedFacts }
  | { kind: 'professional'; professional: ProfessionalFacts };

export interface ReferralFacts {
  reference: string;
  receivedAt: Date;
  /** The form's Questionnaire, as served at its `url`. */
  questionnaire: Questionnaire & { url: string; version: string };
  /** The checked answers, as the email was made from. */
  answers: Readonly<Record<string, unknown>>;
  person: PersonFacts;
  filledInBy: FilledInBy;
  /** The register for the person's age on the day of sending (the area's id and name); undefined if none fits. */
  register: { id: string; name: string } | undefined;
  /** Someone is in danger now, or in a mental health crisis. */
  danger: boolean;
  /** The site's FHIR address, `<origin>/fhir`: the namespace of its reference numbers and register codes. */
  base: string;
}

const SERVICE_REQUEST_CODE = 'Referral to the Dynamic Support Register (DSR)';

export function referralBundle(facts: ReferralFacts): Bundle {
  const url = (role: string) => fullUrlFor(facts.reference, role);
  const ref = <T extends Resource>(role: string): Reference<T> => ({ reference: url(role) });
  const entries: BundleEntry[] = [];
  const add = (role: string, resource: Resource) => entries.push({ fullUrl: url(role), resource });

  const filler = facts.filledInBy;
  const patient = patientOf(facts.person, filler.kind === 'patient' ? filler.contact : undefined);
  let author: Reference<Patient | RelatedPerson | PractitionerRole> = ref('patient');
  const people: [string, Resource][] = [];
  if (filler.kind === 'related') {
    people.push(['related-person', relatedPersonOf(filler.related, url('patient'))]);
    author = ref('related-person');
  } else if (filler.kind === 'professional') {
    people.push(['practitioner', practitionerOf(filler.professional)]);
    people.push(['practitioner-role', practitionerRoleOf(filler.professional, url('practitioner'))]);
    author = ref('practitioner-role');
  }

  const authored = facts.receivedAt.toISOString();
  const identifier = { system: `${facts.base}/Id/referral-reference`, value: facts.reference };
  const register = facts.register;
  const serviceRequest: ServiceRequest = {
    resourceType: 'ServiceRequest',
    identifier: [identifier],
    status: 'active',
    intent: 'proposal',
    category: [
      register
        ? {
            coding: [{ system: `${facts.base}/CodeSystem/dsr-register`, code: register.id, display: register.name }],
            text: register.name,
          }
        : { text: 'Register not known' },
    ],
    priority: facts.danger ? 'urgent' : 'routine',
    code: { text: SERVICE_REQUEST_CODE },
    subject: ref('patient'),
    authoredOn: authored,
    requester: author,
    supportingInfo: [ref('questionnaire-response')],
  };
  const response: QuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse',
    identifier,
    questionnaire: `${facts.questionnaire.url}|${facts.questionnaire.version}`,
    status: 'completed',
    subject: ref('patient'),
    authored,
    author,
    source: author,
    item: responseItems(facts.questionnaire, facts.answers),
  };

  add('service-request', serviceRequest);
  add('questionnaire-response', response);
  add('patient', patient);
  for (const [role, resource] of people) add(role, resource);
  return {
    resourceType: 'Bundle',
    identifier,
    type: 'collection',
    timestamp: authored,
    entry: entries,
  };
}
