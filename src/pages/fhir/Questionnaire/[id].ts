/**
 * GET /fhir/Questionnaire/<id>: the FHIR R4 Questionnaire of a referral form
 * the area offers, as generated when the site was built (src/fhir/published.ts),
 * with this server's public address in its `url`. Each referral's FHIR copy
 * names it by this address and its version. Public: it holds the questions
 * only, never an answer.
 */
import type { APIRoute } from 'astro';
import questionnaires from 'virtual:dsr/questionnaires';
import { currentAreaId } from '../../../area/current.ts';
import { fhirBase, questionnaireUrl } from '../../../fhir/canonical.ts';
import { FHIR_JSON } from '../../../fhir/attachment.ts';

export const prerender = false;

export const GET: APIRoute = ({ params }) => {
  const id = params.id ?? '';
  const built = Object.hasOwn(questionnaires[currentAreaId()] ?? {}, id)
    ? questionnaires[currentAreaId()]![id]
    : undefined;
  if (!built) {
    return new Response('No such Questionnaire.', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  const questionnaire = { ...built, url: questionnaireUrl(fhirBase(), id) };
  return new Response(`${JSON.stringify(questionnaire, null, 2)}\n`, {
    headers: { 'Content-Type': `${FHIR_JSON}; charset=utf-8`, 'Cache-Control': 'no-cache' },
  });
};
