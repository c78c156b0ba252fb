/** Who decides, by each area's consent model (from its settings), by age and whether the person can decide. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import * as v from 'valibot';
import { parse } from 'yaml';
import { AreaSchema } from '../../../src/area/schema.ts';
import { decidesForThemselves, whoDecides } from '../../../src/consent/model.ts';

const consentOf = (area: string) =>
  v.parse(AreaSchema, parse(readFileSync(new URL(`../../../content/areas/${area}/area.yaml`, import.meta.url), 'utf8')))
    .consent;

describe('South East London: 16 and over decide; under 16 a parent or carer, or Gillick competence; best interests', () => {
  const model = consentOf('south-east-london');
  test('16 and over, able to decide: the person', () => {
    assert.deepEqual(whoDecides(model, { age: 16, canDecide: true }), {
      decidedBy: ['the-person'],
      capacityCheck: false,
    });
    assert.deepEqual(whoDecides(model, { age: 40, canDecide: true }), {
      decidedBy: ['the-person'],
      capacityCheck: false,
    });
  });
  test('16 and over, not able to decide: a Mental Capacity Assessment, then a best interests meeting', () => {
    assert.deepEqual(whoDecides(model, { age: 17, canDecide: false }), {
      decidedBy: ['best-interests-meeting'],
      capacityCheck: true,
    });
  });
  test('under 16 and Gillick competent: a parent or carer, or the young person', () => {
    assert.deepEqual(whoDecides(model, { age: 15, canDecide: true }), {
      decidedBy: ['parent-or-carer', 'the-person'],
      capacityCheck: false,
    });
  });
  test('under 16 and not Gillick competent: a parent or carer', () => {
    assert.deepEqual(whoDecides(model, { age: 9, canDecide: false }), {
      decidedBy: ['parent-or-carer'],
      capacityCheck: false,
    });
  });
  test('the deciding age is 16', () => {
    assert.equal(decidesForThemselves(model, 15), false);
    assert.equal(decidesForThemselves(model, 16), true);
  });
});

describe('Essex: 16 and over decide; parents or legal guardians for under 16s and for capacity difficulties', () => {
  const model = consentOf('essex');
  test('16 and over, able to decide: the person', () => {
    assert.deepEqual(whoDecides(model, { age: 16, canDecide: true }), {
      decidedBy: ['the-person'],
      capacityCheck: false,
    });
  });
  test('16 and over with capacity difficulties: parents or legal guardians, with no assessment named', () => {
    assert.deepEqual(whoDecides(model, { age: 30, canDecide: false }), {
      decidedBy: ['parent-or-legal-guardian'],
      capacityCheck: false,
    });
  });
  test('under 16: parents or legal guardians, even when the young person understands well', () => {
    for (const canDecide of [true, false]) {
      assert.deepEqual(whoDecides(model, { age: 15, canDecide }), {
        decidedBy: ['parent-or-legal-guardian'],
        capacityCheck: false,
      });
    }
  });
});
