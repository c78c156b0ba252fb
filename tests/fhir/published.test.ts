/**
 * The Questionnaires the build makes (src/fhir/published.ts): one per form
 * each area offers, the same as the Questionnaire each referral's FHIR copy
 * names (generated from the same definition), with the site-relative address
 * the server completes.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { FHIR_FORMS } from '../../src/fhir/forms.ts';
import { buildQuestionnaires } from '../../src/fhir/published.ts';
import { questionnaireFor } from '../../src/fhir/questionnaire.ts';
import { areaSettings, listAreas, ROOT } from '../support/areas.ts';

const built = buildQuestionnaires(path.join(ROOT, 'content/areas'));

test('the build makes a Questionnaire for every area and every form it offers, and no other', () => {
  assert.deepEqual(
    Object.keys(built).sort(),
    listAreas()
      .map((area) => area.id)
      .sort(),
  );
  for (const { id } of listAreas()) {
    const area = areaSettings(id);
    const offered = Object.values(FHIR_FORMS).filter((form) => form.offered(area));
    assert.ok(offered.length > 0, `${id} offers a referral form`);
    assert.deepEqual(Object.keys(built[id]!).sort(), offered.map((form) => form.id).sort(), id);
    for (const form of offered) {
      const questionnaire = built[id]![form.id]!;
      assert.equal(questionnaire.url, `/fhir/Questionnaire/${form.id}`);
      assert.deepEqual(questionnaire, questionnaireFor(form, area, '/fhir'), `${id} ${form.id}`);
    }
  }
});
