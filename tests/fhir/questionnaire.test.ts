/**
 * The forms' Questionnaires: every question of each referral form is an
 * item, its linkId the question's name, with its type and the very codes
 * the form posts; the same questions give the same Questionnaire and
 * version; a changed question changes both.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FormDefinition } from '../../src/forms/kit/browser/form.ts';
import { FHIR_FORMS } from '../../src/fhir/forms.ts';
import { choiceCodes, generateQuestionnaire, questionnaireFor } from '../../src/fhir/questionnaire.ts';
import { areaSettings } from '../support/areas.ts';

const BASE = 'https://dsr.example.nhs.uk/fhir';
const AREAS = ['south-east-london', 'essex'].map((id) => ({ id, area: areaSettings(id) }));

for (const form of Object.values(FHIR_FORMS)) {
  describe(`the Questionnaire ${form.id}`, () => {
    for (const { id, area } of AREAS) {
      if (!form.offered(area)) continue;
      test(`${id}: every question, in order, with its type and the codes the form posts`, () => {
        const definition: FormDefinition = form.definition(area);
        const questionnaire = questionnaireFor(form, area, BASE);
        assert.equal(questionnaire.url, `${BASE}/Questionnaire/${form.id}`);
        assert.match(questionnaire.version, /^[0-9a-f]{12}$/);
        const items = new Map(questionnaire.item?.map((item) => [item.linkId, item]));
        const fields = Object.keys(definition.fields);
        assert.deepEqual(
          questionnaire.item?.map((item) => item.linkId).filter((linkId) => linkId !== 'gpUnknown'),
          fields,
          'one item per question, in the order asked',
        );
        for (const name of fields) {
          const item = items.get(name)!;
          assert.ok(item.text, `${name}: its label`);
          const choices = choiceCodes(definition.fields[name]!);
          if (choices) {
            assert.equal(item.type, 'choice', name);
            assert.equal(item.repeats ?? false, choices.repeats, `${name}: repeats`);
            assert.deepEqual(
              item.answerOption?.map((option) => option.valueCoding?.code),
              [...choices.codes],
              `${name}: the codes the form posts`,
            );
            for (const option of item.answerOption ?? []) assert.ok(option.valueCoding?.display, `${name}: words`);
          } else {
            assert.ok(['string', 'date'].includes(item.type), `${name}: ${item.type}`);
            assert.equal(item.answerOption, undefined);
          }
        }
        assert.equal(items.get('dob')?.type, 'date');
        assert.equal(items.get('reasons')?.repeats, true);
        assert.deepEqual(
          items.get('reasons')?.answerOption?.map((option) => option.valueCoding?.code),
          [...area.reasons.list.map((reason) => reason.id), 'other'],
          "the area's own reasons",
        );
        const places = items.get('place')?.answerOption?.map((option) => option.valueCoding?.display);
        if (area.places.list.length > 1)
          assert.deepEqual(places?.slice(0, -1), area.places.list, "the area's places, by name");
        assert.ok(
          places?.at(-1)?.match(/^(I am not sure|Not known)$/),
          `the page's words for "not sure": ${places?.at(-1)}`,
        );
        assert.equal(items.get('gpUnknown')?.type, 'boolean');
        assert.equal(items.get('name')?.required, true);
        assert.equal(items.get('nhsNumber')?.required, false);
        assert.equal(items.get('reasonsOther')?.required, false, 'a follow-up question is not always asked');
      });
    }

    test('the same questions give the same Questionnaire, byte for byte', () => {
      const { area } = AREAS.find(({ area }) => form.offered(area))!;
      const first = JSON.stringify(questionnaireFor(form, area, BASE));
      assert.equal(JSON.stringify(questionnaireFor(form, area, BASE)), first);
      assert.equal(
        questionnaireFor(form, area, 'http://localhost:4321/fhir').version,
        JSON.parse(first).version,
        'the address does not change the version',
      );
    });

    test('a changed question changes the Questionnaire and its version; linkIds stay', () => {
      const { area } = AREAS.find(({ area }) => form.offered(area))!;
      const definition = form.definition(area);
      const words = form.words(area);
      const before = generateQuestionnaire(form, definition, words, BASE);
      const reworded = generateQuestionnaire(
        form,
        definition,
        { ...words, name: { ...words['name']!, label: 'Their full name' } },
        BASE,
      );
      assert.notEqual(reworded.version, before.version);
      assert.equal(reworded.item?.find((item) => item.linkId === 'name')?.text, 'Their full name');
      const moreReasons = {
        ...area,
        reasons: {
          ...area.reasons,
          list: [...area.reasons.list, { id: 'new-reason', text: 'a new reason', source: { own: 'test' } }],
        },
      };
      const widened = questionnaireFor(form, moreReasons, BASE);
      assert.notEqual(widened.version, before.version);
      assert.ok(
        widened.item
          ?.find((item) => item.linkId === 'reasons')
          ?.answerOption?.some((option) => option.valueCoding?.code === 'new-reason'),
      );
      assert.deepEqual(
        widened.item?.map((item) => item.linkId),
        before.item?.map((item) => item.linkId),
      );
    });
  });
}
