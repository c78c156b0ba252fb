/**
 * The FHIR copy as the referral email's attachment, `DSR-XXXX-XXXX.fhir.json`
 * (`application/fhir+json`), where the area's settings turn it on
 * (`fhirCopy`). It travels inside the email's message in the queue, sealed
 * with it, and is never written anywhere else.
 */
import type { Area } from '../area/schema.ts';
import type { Received } from '../forms/kit/form.ts';
import { fhirBase } from './canonical.ts';
import { FHIR_COPIES } from './copies.ts';

export const FHIR_JSON = 'application/fhir+json';

export interface FhirAttachment {
  filename: string;
  contentType: typeof FHIR_JSON;
  content: string;
}

/** The attachments of a form's email: the FHIR copy of a referral, where the area turns it on. */
export function fhirAttachments(formPath: string, received: Received<unknown>, area: Area): FhirAttachment[] {
  const copy = FHIR_COPIES[formPath];
  if (!copy || !area.fhirCopy) return [];
  const bundle = copy(received as Received<never>, area, fhirBase());
  return [
    {
      filename: `${received.reference}.fhir.json`,
      contentType: FHIR_JSON,
      content: `${JSON.stringify(bundle, null, 2)}\n`,
    },
  ];
}
