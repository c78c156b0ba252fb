/**
 * Where the Questionnaires live: `<origin>/fhir/Questionnaire/<id>`. The
 * origin is PUBLIC_ORIGIN, the site's public address, so a team's system can
 * fetch the Questionnaire a response names; without it (a server on a
 * developer's machine), the address the server listens on.
 */
import { settings } from '../settings.ts';

export function fhirBase(): string {
  const { publicOrigin, port } = settings().server;
  return `${publicOrigin?.origin ?? `http://localhost:${port}`}/fhir`;
}

export function questionnaireUrl(base: string, id: string): string {
  return `${base}/Questionnaire/${id}`;
}
