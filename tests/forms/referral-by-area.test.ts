/**
 * The referral form follows each area's settings, not one area's rules: the
 * reasons offered are the area's own, the consent questions follow the area's
 * consent model (src/consent/model.ts), and an area with one place is not
 * asked where the person lives. Read from the real settings of both areas.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applicableFields } from '../../src/forms/kit/browser/form.ts';
import { validate } from '../../src/forms/kit/browser/validate.ts';
import type { RawValues } from '../../src/forms/kit/browser/values.ts';
import { areaWords, referralSettings } from '../../src/forms/referral/form.ts';
import { questions } from '../../src/forms/referral/questions.ts';
import { referralForm } from '../../src/forms/referral/schema.ts';
import { areaSettings } from '../support/areas.ts';

const TODAY = '2026-11-20';
const SEL = areaSettings('south-east-london');
const ESSEX = areaSettings('essex');
const formOf = (area: typeof SEL) => referralForm({ ...referralSettings(area), today: () => TODAY });
const wordsOf = (area: typeof SEL) => questions(areaWords(area));
const labels = (choices: readonly { label: string }[] | undefined) => (choices ?? []).map((choice) => choice.label);
const values = (choices: readonly { value: string }[] | undefined) => (choices ?? []).map((choice) => choice.value);

const dob = (iso: string): RawValues => {
  const [year, month, day] = iso.split('-');
  return { 'dob-day': day!, 'dob-month': month!, 'dob-year': year! };
};
const CHILD = dob('2014-03-05');
const ADULT = dob('1990-06-15');

describe('reasons for extra support: the area’s own, from its settings', () => {
  for (const area of [SEL, ESSEX]) {
    test(`${area.name}: the choices are the settings' reasons, then Something else`, () => {
      const choices = wordsOf(area).reasons.choices;
      assert.deepEqual(values(choices), [...area.reasons.list.map((reason) => reason.id), 'other']);
      assert.deepEqual(
        labels(choices).slice(0, -1),
        area.reasons.list.map((reason) => reason.text.charAt(0).toUpperCase() + reason.text.slice(1)),
      );
      for (const reason of area.reasons.list)
        assert.equal(validate(formOf(area), { reasons: reason.id }, { only: ['reasons'] }).ok, true, reason.id);
    });
  }

  test("South East London does not offer Essex's reasons (police, residential, placement breakdown)", () => {
    const sel = labels(wordsOf(SEL).reasons.choices).join(' ');
    assert.doesNotMatch(sel, /police|residential|placement/i);
    for (const id of ['criminal-justice', 'residential', 'placement-breakdown'])
      assert.equal(validate(formOf(SEL), { reasons: id }, { only: ['reasons'] }).ok, false, id);
    const essex = labels(wordsOf(ESSEX).reasons.choices).join(' ');
    assert.match(essex, /police/);
    assert.match(essex, /residential/);
    assert.match(essex, /placement breakdown/);
  });
});

describe('consent questions: exactly as each area’s consent model says', () => {
  test('under 16: South East London offers the young person’s own yes (Gillick); Essex does not', () => {
    assert.equal(SEL.consent.younger.gillick, true);
    assert.equal(ESSEX.consent.younger.gillick, false);
    assert.deepEqual(values(wordsOf(SEL).consentUnder16.choices), ['parent', 'young-person', 'no']);
    assert.deepEqual(values(wordsOf(ESSEX).consentUnder16.choices), ['parent', 'no']);
    assert.equal(
      validate(formOf(SEL), { ...CHILD, consentUnder16: 'young-person' }, { only: ['consentUnder16'] }).ok,
      true,
    );
    const essex = validate(formOf(ESSEX), { ...CHILD, consentUnder16: 'young-person' }, { only: ['consentUnder16'] });
    assert.equal(essex.ok, false);
  });

  test('under 16: who says yes, in each area’s words', () => {
    assert.equal(labels(wordsOf(SEL).consentUnder16.choices)[0], 'Yes, their parent or carer agrees');
    assert.equal(labels(wordsOf(ESSEX).consentUnder16.choices)[0], 'Yes, their parents or legal guardians agree');
    assert.doesNotMatch(labels(wordsOf(ESSEX).consentUnder16.choices).join(' '), /young person|Gillick/i);
  });

  test('16 and over who cannot decide: a best interests meeting in South East London, parents in Essex', () => {
    assert.equal(SEL.consent.cannotDecide.decidedBy, 'best-interests-meeting');
    assert.equal(ESSEX.consent.cannotDecide.decidedBy, 'parent-or-legal-guardian');
    assert.equal(labels(wordsOf(SEL).consent16.choices)[1], 'The person may not be able to decide');
    assert.equal(
      labels(wordsOf(ESSEX).consent16.choices)[1],
      'The person cannot decide, and their parents or legal guardians agree',
    );
  });

  test('the age the person decides from is the area’s', () => {
    for (const area of [SEL, ESSEX]) {
      const fromAge = area.consent.ownDecision.fromAge;
      const [year] = TODAY.split('-');
      const born = (age: number) => dob(`${Number(year) - age}-${TODAY.slice(5)}`);
      const asked = (age: number) =>
        applicableFields(formOf(area), born(age)).filter((field) => field.startsWith('consent'));
      assert.deepEqual(asked(fromAge), ['consent16'], area.name);
      assert.deepEqual(asked(fromAge - 1), ['consentUnder16'], area.name);
    }
  });
});

describe('where the person lives', () => {
  test('Essex has one place, so the form does not ask', () => {
    assert.equal(ESSEX.places.list.length, 1);
    assert.equal(applicableFields(formOf(ESSEX), ADULT).includes('place'), false);
    assert.equal(validate(formOf(ESSEX), { ...ADULT }, { only: ['place'] }).ok, true);
  });

  test('South East London has boroughs, so the form asks which', () => {
    assert.ok(SEL.places.list.length > 1);
    assert.equal(applicableFields(formOf(SEL), ADULT).includes('place'), true);
    assert.equal(validate(formOf(SEL), {}, { only: ['place'] }).ok, false);
  });
});
