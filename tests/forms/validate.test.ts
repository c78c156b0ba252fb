import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as v from 'valibot';
import { dateSchema, monthNumber, readDateParts } from '../../src/forms/kit/browser/date.ts';
import { applicableFields, defineForm } from '../../src/forms/kit/browser/form.ts';
import { validate } from '../../src/forms/kit/browser/validate.ts';
import { valuesFromEntries, valuesFromJson } from '../../src/forms/kit/browser/values.ts';

// A small form shaped like the referral form: a date, a conditional question, check boxes.
const form = defineForm({
  id: 'example',
  fields: {
    dob: dateSchema(
      {
        missing: 'Enter your date of birth',
        mustInclude: 'Date of birth must include a',
        real: 'Date of birth must be a real date',
        year: 'Year must include 4 numbers',
        past: 'Date of birth must be in the past',
      },
      { past: true, today: () => '2026-11-24' },
    ),
    needs: v.pipe(v.array(v.picklist(['easy-read', 'bsl', 'other'])), v.nonEmpty('Select what would help')),
    needsOther: v.optional(v.pipe(v.string(), v.trim(), v.nonEmpty('Tell us what would help'))),
  },
  read: {
    dob: readDateParts('dob'),
    needs: (values) => [values['needs'] ?? []].flat(),
  },
  applies: { needsOther: (values) => [values['needs'] ?? []].flat().includes('other') },
  targets: { dob: 'dob-day' },
});

const date = (day: string, month: string, year: string) => ({
  'dob-day': day,
  'dob-month': month,
  'dob-year': year,
  needs: 'bsl',
});
const dateError = (day: string, month: string, year: string) => {
  const result = validate(form, date(day, month, year));
  return result.ok ? undefined : result.list[0];
};

describe('validate', () => {
  test('gives the checked answers, leaving out questions that do not apply', () => {
    const result = validate(form, { ...date('7', 'mar', '2010'), needsOther: 'ignored' });
    assert.deepEqual(result, { ok: true, data: { dob: '2010-03-07', needs: ['bsl'] } });
  });

  test('a conditional question is checked once it applies', () => {
    const result = validate(form, { ...date('7', '3', '2010'), needs: ['bsl', 'other'], needsOther: ' ' });
    assert.equal(result.ok, false);
    if (!result.ok)
      assert.deepEqual(result.list, [
        { field: 'needsOther', message: 'Tell us what would help', target: 'needsOther' },
      ]);
    assert.deepEqual(applicableFields(form, { needs: ['bsl', 'other'] }), ['dob', 'needs', 'needsOther']);
  });

  test('`only` checks one step and ignores the rest', () => {
    assert.equal(validate(form, { needs: 'bsl' }, { only: ['needs'] }).ok, true);
    const result = validate(form, {}, { only: ['needs'] });
    assert.equal(!result.ok && result.list.map((e) => e.field).join(), 'needs');
  });

  test('keeps every raw value to show again', () => {
    const values = { ...date('31', '2', '2010'), token: 'abc' };
    const result = validate(form, values);
    assert.equal(!result.ok && result.values, values);
  });
});

describe('dates', () => {
  test('all three boxes empty: enter the date, linking to the day', () => {
    assert.deepEqual(dateError('', '', ''), { field: 'dob', message: 'Enter your date of birth', target: 'dob-day' });
  });

  test('a missing part is named and linked to', () => {
    assert.deepEqual(dateError('7', '', '2010'), {
      field: 'dob',
      message: 'Date of birth must include a month',
      target: 'dob-month',
    });
    assert.deepEqual(dateError('', '3', ''), {
      field: 'dob',
      message: 'Date of birth must include a day and year',
      target: 'dob-day',
    });
    assert.deepEqual(dateError('7', '3', ' '), {
      field: 'dob',
      message: 'Date of birth must include a year',
      target: 'dob-year',
    });
  });

  test('a date that does not exist', () => {
    assert.equal(dateError('31', '2', '2010')?.message, 'Date of birth must be a real date');
    assert.equal(dateError('29', '2', '2011')?.message, 'Date of birth must be a real date');
    assert.equal(dateError('7', '13', '2010')?.message, 'Date of birth must be a real date');
    assert.equal(dateError('7', 'smarch', '2010')?.target, 'dob-month');
    assert.equal(validate(form, date('29', '2', '2012')).ok, true);
  });

  test('a year needs 4 numbers', () => {
    assert.deepEqual(dateError('7', '3', '10'), {
      field: 'dob',
      message: 'Year must include 4 numbers',
      target: 'dob-year',
    });
  });

  test('a date of birth must be in the past', () => {
    assert.equal(dateError('24', '11', '2026')?.message, 'Date of birth must be in the past');
    assert.equal(validate(form, date('23', '11', '2026')).ok, true);
  });

  test('month names and stray spaces are fine', () => {
    assert.equal(monthNumber('jan'), 1);
    assert.equal(monthNumber('Sept'), 9);
    assert.equal(monthNumber('December'), 12);
    assert.equal(monthNumber('ju'), undefined);
    const result = validate(form, date(' 0 7 ', 'March', '2 010'));
    assert.equal(result.ok && result.data.dob, '2010-03-07');
  });
});

describe('raw values', () => {
  test('form fields: a name given twice becomes a list; files are ignored', () => {
    const values = valuesFromEntries(new URLSearchParams('a=1&b=2&b=3&c=&b=4'));
    assert.deepEqual({ ...values }, { a: '1', b: ['2', '3', '4'], c: '' });
  });

  test('JSON: strings and lists of strings are kept; numbers and booleans become text; nothing else', () => {
    assert.deepEqual(
      { ...valuesFromJson({ a: 'x', b: ['y'], c: 3, d: true, e: null, f: { g: 1 }, h: [1, {}] }) },
      { a: 'x', b: ['y'], c: '3', d: 'true' },
    );
    assert.equal(valuesFromJson([1]), undefined);
    assert.equal(valuesFromJson('text'), undefined);
    assert.equal(valuesFromJson(null), undefined);
  });

  test('"__proto__" is only a name', () => {
    const values = valuesFromJson(JSON.parse('{"__proto__": "x", "name": "Ada"}'))!;
    assert.equal(values['__proto__'], 'x');
    assert.equal(({} as Record<string, unknown>)['x'], undefined);
  });
});
