/**
 * GET /fhir/Questionnaire/<id>: the FHIR R4 Questionnaire of a referral form
 * the area offers, generated from the form's definition (src/fhir/). Each
 * referral's FHIR copy names it by this address and its version. Public: it
 * holds the questions only, never an answer.
 */
import type { APIRoute } from 'astro';
import { currentArea } from '../../../area/current.ts';
import { fhirBase } from '../../../fhir/canonical.ts';
import { FHIR_JSON } from '../../../fhir/attachment.ts';
import { fhirFormById } from '../../../fhir/forms.ts';
import { questionnaireFor } from '../../../fhir/questionnaire.ts';

export const prerender = false;

export const GET: APIRoute = async ({ params }) => {
  const area = await currentArea();
  const form = fhirFormById(params.id ?? '');
  if (!form || !form.offered(area)) {
    return new Response('No such Questionnaire.', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  const questionnaire = questionnaireFor(form, area, fhirBase());
  return new Response(`${JSON.stringify(questionnaire, null, 2)}\n`, {
    headers: { 'Content-Type': `${FHIR_JSON}; charset=utf-8`, 'Cache-Control': 'no-cache' },
  });
};
