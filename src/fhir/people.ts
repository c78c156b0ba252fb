/**
 * The people in a referral as FHIR resources: the person referred (a UK Core
 * Patient), a parent or carer who filled the form in (RelatedPerson), and a
 * professional referrer (Practitioner, with their role and organisation as
 * a PractitionerRole). Names are kept whole, as typed: splitting a name into
 * given and family names would guess.
 */
import type {
  ContactPoint,
  Extension,
  Patient,
  Practitioner,
  PractitionerRole,
  RelatedPerson,
} from '@medplum/fhirtypes';
import { checkNhsNumber } from '../forms/kit/browser/person.ts';

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
export const UK_CORE_PATIENT = 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient';
export const UK_CORE_RELATED_PERSON = 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-RelatedPerson';
export const UK_CORE_PRACTITIONER = 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Practitioner';
export const UK_CORE_PRACTITIONER_ROLE = 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-PractitionerRole';
export const NHS_COMMUNICATION = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSCommunication';

/** How to reach someone, from the answers that say so. */
export interface Contact {
  phone?: { e164: string } | undefined;
  /** The phone is a mobile for texts. */
  mobile?: boolean;
  email?: string | undefined;
  letterAddress?: string | undefined;
}

export interface PersonFacts {
  name: string;
  dob: string;
  address: string;
  postcode: string;
  /** The area's borough or district, where known. */
  district: string | undefined;
  gp: { known: true; name: string } | { known: false };
  nhsNumber: string | undefined;
  /** Interpreters the person needs: a spoken language as typed, or British Sign Language. */
  interpreters: readonly string[];
}

function telecom(contact: Contact): ContactPoint[] {
  const points: ContactPoint[] = [];
  if (contact.phone) points.push({ system: contact.mobile ? 'sms' : 'phone', value: contact.phone.e164 });
  if (contact.email) points.push({ system: 'email', value: contact.email });
  return points;
}

/** UK Core NHSCommunication: a language the person communicates in, with an interpreter. */
function communication(language: string): Extension {
  return {
    url: NHS_COMMUNICATION,
    extension: [
      { url: 'language', valueCodeableConcept: { text: language } },
      { url: 'interpreterRequired', valueBoolean: true },
    ],
  };
}

export function patientOf(person: PersonFacts, contact: Contact | undefined): Patient {
  const nhs = person.nhsNumber === undefined ? undefined : checkNhsNumber(person.nhsNumber);
  const patient: Patient = {
    resourceType: 'Patient',
    meta: { profile: [UK_CORE_PATIENT] },
    ...(person.interpreters.length ? { extension: person.interpreters.map(communication) } : {}),
    ...(nhs?.ok ? { identifier: [{ system: NHS_NUMBER_SYSTEM, value: nhs.digits }] } : {}),
    name: [{ use: 'official', text: person.name }],
    birthDate: person.dob,
    address: [
      {
        use: 'home',
        text: person.address,
        ...(person.district ? { district: person.district } : {}),
        postalCode: person.postcode,
        country: 'GB',
      },
    ],
  };
  if (contact) {
    const points = telecom(contact);
    if (points.length) patient.telecom = points;
  }
  if (person.gp.known) patient.generalPractitioner = [{ display: person.gp.name }];
  return patient;
}

export interface RelatedFacts {
  name: string;
  /** How they know the person, as typed. */
  relationship: string | undefined;
  /** A parent, or someone with parental responsibility. */
  parent: boolean;
  contact: Contact;
}

export function relatedPersonOf(related: RelatedFacts, patient: string): RelatedPerson {
  const coding = related.parent
    ? [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'PRN', display: 'parent' }]
    : [];
  const points = telecom(related.contact);
  return {
    resourceType: 'RelatedPerson',
    meta: { profile: [UK_CORE_RELATED_PERSON] },
    patient: { reference: patient },
    relationship: [{ ...(coding.length ? { coding } : {}), text: related.relationship ?? 'Not given' }],
    name: [{ text: related.name }],
    ...(points.length ? { telecom: points } : {}),
    ...(related.contact.letterAddress ? { address: [{ use: 'home', text: related.contact.letterAddress }] } : {}),
  };
}

export interface ProfessionalFacts {
  name: string;
  role: string | undefined;
  organisation: string | undefined;
  contact: Contact;
}

export function practitionerOf(professional: ProfessionalFacts): Practitioner {
  const points = telecom(professional.contact);
  return {
    resourceType: 'Practitioner',
    meta: { profile: [UK_CORE_PRACTITIONER] },
    name: [{ text: professional.name }],
    ...(points.length ? { telecom: points } : {}),
  };
}

export function practitionerRoleOf(professional: ProfessionalFacts, practitioner: string): PractitionerRole {
  const points = telecom(professional.contact);
  return {
    resourceType: 'PractitionerRole',
    meta: { profile: [UK_CORE_PRACTITIONER_ROLE] },
    practitioner: { reference: practitioner },
    ...(professional.organisation ? { organization: { display: professional.organisation } } : {}),
    ...(professional.role ? { code: [{ text: professional.role }] } : {}),
    ...(points.length ? { telecom: points } : {}),
  };
}
