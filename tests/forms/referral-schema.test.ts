/**
 * The referral form's one definition: every message, which questions apply
 * to which answers (consent by age band on the day, who is filling it in,
 * how to contact), and property-based tests for dates, names and free text.
 * The browser runs this same module for each step.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { HAPPENING_MAX, REASONS_OTHER_MAX, STEPS, questions } from '../../src/forms/referral/questions.ts';
import { consentRefused, referralForm, type ReferralAnswers } from '../../src/forms/referral/schema.ts';
import { applicableFields } from '../../src/forms/kit/browser/form.ts';
import { areaWords, referralSettings } from '../../src/forms/referral/form.ts';
import { areaSettings } from '../support/areas.ts';
import { NAME_MAX } from '../../src/forms/kit/browser/text.ts';
import { holdUntilConfirmed } from '../../src/forms/kit/post.ts';
import { validate } from '../../src/forms/kit/browser/validate.ts';
import type { RawValues } from '../../src/forms/kit/browser/values.ts';

const TODAY = '2026-11-20';
const SEL = areaSettings('south-east-london');
const form = referralForm({ ...referralSettings(SEL), today: () => TODAY });
const SEL_WORDS = questions(areaWords(SEL));
/** Where a good plain post goes: the kit's check-your-answers flow with the referral's stop (no consent). */
const holdReferral = holdUntilConfirmed(form);

/** A date of birth as the three boxes. */
const dob = (iso: string): RawValues => {
  const [year, month, day] = iso.split('-');
  return { 'dob-day': day!, 'dob-month': month!, 'dob-year': year! };
};

/** An autistic adult asking for themselves, contact by phone: every required answer. */
const adult: RawValues = {
  danger: 'no',
  filler: 'self',
  name: 'Alex Taylor',
  ...dob('1990-06-15'),
  address: '1 High Street\nLondon',
  postcode: 'SE1 7EH',
  place: 'Lambeth',
  gp: 'Lambeth Walk Surgery',
  nhsNumber: '',
  diagnosis: 'autism',
  reasons: ['hospital'],
  happening: '',
  consent16: 'agrees',
  contactMethod: 'phone',
  phone: '020 7946 0123',
};

const check = (values: RawValues) => validate(form, values);
const errorsOf = (values: RawValues) => {
  const result = check(values);
  return result.ok ? {} : result.errors;
};
const dataOf = (values: RawValues): ReferralAnswers => {
  const result = check(values);
  assert.equal(result.ok, true, JSON.stringify(result.ok ? {} : result.errors));
  return (result as { data: ReferralAnswers }).data;
};

describe('the referral form: missing answers', () => {
  test('an empty form gets one message per required question, in question order', () => {
    const result = validate(form, {});
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(result.list, [
      {
        field: 'danger',
        message: 'Select yes if anyone is in danger now, or in a mental health crisis',
        target: 'danger',
      },
      { field: 'filler', message: 'Select who is filling in this form', target: 'filler' },
      { field: 'name', message: "Enter the person's full name", target: 'name' },
      { field: 'dob', message: "Enter the person's date of birth", target: 'dob-day' },
      { field: 'address', message: "Enter the person's home address", target: 'address' },
      { field: 'postcode', message: 'Enter the postcode', target: 'postcode' },
      { field: 'place', message: 'Select the borough the person lives in, or I am not sure', target: 'place' },
      { field: 'gp', message: 'Enter the name of the GP surgery, or select I do not know', target: 'gp' },
      { field: 'diagnosis', message: 'Select the answer that fits the person best', target: 'diagnosis' },
      { field: 'reasons', message: 'Select why the person might need extra support now', target: 'reasons' },
      { field: 'contactMethod', message: 'Select the best way to contact you', target: 'contactMethod' },
    ]);
  });

  test('the area names its places: "district" in an area of districts', () => {
    const districts = { ...referralSettings(SEL), places: ['Basildon', 'Castle Point'], placeKind: 'district' };
    const essex = referralForm({ ...districts, today: () => TODAY });
    const result = validate(essex, { place: 'Lewisham' });
    assert.equal(result.ok ? '' : result.errors['place'], 'Select the district the person lives in, or I am not sure');
    assert.equal(validate(essex, { place: 'Castle Point' }, { only: ['place'] }).ok, true);
    assert.equal(validate(essex, { place: 'not-sure' }, { only: ['place'] }).ok, true);
  });

  test('the good answers pass, with the optional questions left out', () => {
    const data = dataOf(adult);
    assert.equal(data.name, 'Alex Taylor');
    assert.equal(data.dob, '1990-06-15');
    assert.deepEqual(data.gp, { known: true, name: 'Lambeth Walk Surgery' });
    assert.equal('nhsNumber' in data, false);
    assert.equal('happening' in data, false);
    assert.equal('consentUnder16' in data, false);
    assert.equal('fillerName' in data, false);
    assert.deepEqual(data.needs, []);
    assert.deepEqual(data.phone, { typed: '020 7946 0123', e164: '+442079460123' });
  });

  test('no message says please, sorry, valid, invalid or required', () => {
    const messages = [
      ...Object.values(errorsOf({})),
      ...Object.values(
        errorsOf({
          ...adult,
          name: '1',
          ...dob('2030-01-01'),
          postcode: 'x',
          nhsNumber: '1',
          gp: 'x'.repeat(200),
          reasons: ['other'],
          contactMethod: 'email',
          email: 'x',
        }),
      ),
      ...Object.values(
        errorsOf({ ...adult, filler: 'carer', consent16: '', contactMethod: 'letter', needs: ['language', 'other'] }),
      ),
      ...Object.values(errorsOf({ ...adult, ...dob('2014-03-05'), contactMethod: 'text', phone: '020 7946 0123' })),
    ];
    assert.ok(messages.length > 15);
    for (const message of messages) assert.doesNotMatch(message, /please|sorry|valid|required/i, message);
  });
});

describe('consent, by age on the day of sending', () => {
  const bands = [
    {
      label: '12 (under 16)',
      iso: '2014-03-05',
      question: 'consentUnder16',
      other: 'consent16',
      choices: SEL_WORDS.consentUnder16.choices,
    },
    {
      label: '15, the day before their 16th birthday',
      iso: '2010-11-21',
      question: 'consentUnder16',
      other: 'consent16',
      choices: SEL_WORDS.consentUnder16.choices,
    },
    {
      label: '16 today',
      iso: '2010-11-20',
      question: 'consent16',
      other: 'consentUnder16',
      choices: SEL_WORDS.consent16.choices,
    },
    {
      label: '17, the day before their 18th birthday',
      iso: '2008-11-21',
      question: 'consent16',
      other: 'consentUnder16',
      choices: SEL_WORDS.consent16.choices,
    },
    {
      label: '18 today',
      iso: '2008-11-20',
      question: 'consent16',
      other: 'consentUnder16',
      choices: SEL_WORDS.consent16.choices,
    },
    {
      label: '36',
      iso: '1990-06-15',
      question: 'consent16',
      other: 'consentUnder16',
      choices: SEL_WORDS.consent16.choices,
    },
  ] as const;

  for (const band of bands) {
    for (const choice of band.choices) {
      test(`${band.label}: "${choice.label}" is asked with ${band.question}, and the other question is dropped`, () => {
        const values = {
          ...adult,
          ...dob(band.iso),
          consent16: '',
          consentUnder16: '',
          [band.question]: choice.value,
          [band.other]: 'agrees',
        };
        assert.deepEqual(
          applicableFields(form, values).filter((field) => field.startsWith('consent')),
          [band.question],
        );
        const data = dataOf(values);
        assert.equal(data[band.question], choice.value);
        assert.equal(band.other in data, false);
        assert.equal(consentRefused(data), choice.value === 'no');
        assert.equal('capacityDetail' in data, false);
      });
    }

    test(`${band.label}: no answer to ${band.question} is an error with its own words`, () => {
      const errors = errorsOf({
        ...adult,
        ...dob(band.iso),
        consent16: undefined as never,
        consentUnder16: undefined as never,
      });
      assert.deepEqual(Object.keys(errors), [band.question]);
      assert.equal(
        errors[band.question],
        band.question === 'consent16'
          ? 'Select if the person agrees to be on the DSR'
          : 'Select who agrees to the young person being on the DSR',
      );
    });

    test(`${band.label}: an answer from the other band's question is refused`, () => {
      const wrong = band.question === 'consent16' ? 'parent' : 'agrees';
      assert.deepEqual(Object.keys(errorsOf({ ...adult, ...dob(band.iso), [band.question]: wrong })), [band.question]);
    });
  }

  test('29 February birthdays: 16 on 29 February in a leap year, on 1 March in a year that is not', () => {
    const question = (birth: string, today: string) =>
      applicableFields(referralForm({ ...referralSettings(SEL), today: () => today }), {
        ...adult,
        ...dob(birth),
      }).find((field) => field.startsWith('consent'));
    // Born 29 February 2008: 16 on 29 February 2024 (a leap year).
    assert.equal(question('2008-02-29', '2024-02-28'), 'consentUnder16');
    assert.equal(question('2008-02-29', '2024-02-29'), 'consent16');
    // Born 29 February 2084: 16 in 2100, which is not a leap year, so on 1 March 2100.
    assert.equal(question('2084-02-29', '2100-02-28'), 'consentUnder16');
    assert.equal(question('2084-02-29', '2100-03-01'), 'consent16');
  });

  test('a date of birth in the future is refused, and then no consent question is asked', () => {
    const values = { ...adult, ...dob('2026-11-21'), consent16: '', consentUnder16: '' };
    assert.deepEqual(errorsOf(values), { dob: 'Date of birth must be in the past' });
    assert.deepEqual(errorsOf({ ...values, ...dob('2026-11-20') }), { dob: 'Date of birth must be in the past' });
    assert.deepEqual(errorsOf({ ...values, ...dob('2031-01-01') }), { dob: 'Date of birth must be in the past' });
  });

  test('"may not be able to decide" asks who helps them decide (optional), and only then', () => {
    const capacity = { ...adult, consent16: 'cannot-decide', capacityDetail: 'Her sister helps.\nA deputy too.' };
    assert.equal(dataOf(capacity).capacityDetail, 'Her sister helps.\nA deputy too.');
    assert.equal('capacityDetail' in dataOf({ ...capacity, capacityDetail: '' }), false);
    assert.equal('capacityDetail' in dataOf({ ...capacity, consent16: 'agrees' }), false);
    assert.deepEqual(Object.keys(errorsOf({ ...capacity, capacityDetail: 'x'.repeat(501) })), ['capacityDetail']);
  });

  test('where to go after good answers: change, no consent, check, then send', () => {
    const agree = { consent16: 'agrees' } as const;
    assert.equal(holdReferral(agree, {}), 'check');
    assert.equal(holdReferral(agree, { confirm: 'no' }), 'check');
    assert.equal(holdReferral(agree, { confirm: 'yes' }), undefined);
    assert.equal(holdReferral(agree, { change: 'dob', confirm: 'yes' }), 'change');
    assert.equal(holdReferral({ consent16: 'no' }, { confirm: 'yes' }), 'no-consent');
    assert.equal(holdReferral({ consentUnder16: 'no' }, { confirm: 'yes' }), 'no-consent');
    assert.equal(holdReferral({ consentUnder16: 'parent' }, { confirm: 'yes' }), undefined);
  });
});

describe('who is filling in the form, and how to contact them', () => {
  test('someone else: their own name and how they know the person are asked', () => {
    for (const filler of ['parent', 'carer', 'professional']) {
      assert.deepEqual(Object.keys(errorsOf({ ...adult, filler })), ['fillerName', 'relationship'], filler);
      const data = dataOf({ ...adult, filler, fillerName: '  Ann   Smith ', relationship: 'Mum' });
      assert.equal(data.fillerName, 'Ann Smith');
      assert.equal(data.relationship, 'Mum');
    }
    assert.equal('fillerName' in dataOf({ ...adult, fillerName: 'Dropped', relationship: 'Dropped' }), false);
  });

  test('the detail for the chosen way: a phone number, a mobile for texts, an email address, or an address for letters', () => {
    assert.deepEqual(errorsOf({ ...adult, phone: '' }), { phone: 'Enter your phone number' });
    assert.deepEqual(errorsOf({ ...adult, contactMethod: 'text' }), {
      phone: 'Enter a mobile phone number for text messages, like 07700 900 982',
    });
    assert.deepEqual(dataOf({ ...adult, contactMethod: 'text', phone: '07700 900 982' }).phone, {
      typed: '07700 900 982',
      e164: '+447700900982',
    });
    assert.deepEqual(errorsOf({ ...adult, phone: '+33 1 23 45 67 89' }), {
      phone: 'Enter a UK phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
    });
    assert.deepEqual(errorsOf({ ...adult, contactMethod: 'email' }), { email: 'Enter your email address' });
    assert.deepEqual(errorsOf({ ...adult, contactMethod: 'email', email: 'ann at example.com' }), {
      email: 'Enter an email address in the correct format, like name@example.com',
    });
    for (const bad of [
      'a@b.com, c@d.com',
      'Ann <ann@example.com>',
      'ann@example.com\nBcc: x@y.z',
      'ánn@example.com',
      'ann@@example.com',
    ]) {
      assert.deepEqual(Object.keys(errorsOf({ ...adult, contactMethod: 'email', email: bad })), ['email'], bad);
    }
    assert.equal(dataOf({ ...adult, contactMethod: 'email', email: ' ann@example.com ' }).email, 'ann@example.com');
    assert.equal('phone' in dataOf({ ...adult, contactMethod: 'email', email: 'ann@example.com' }), false);
    // Letters: to the person's own home when they asked for themselves; someone else gives their address.
    assert.deepEqual(errorsOf({ ...adult, contactMethod: 'letter' }), {});
    assert.deepEqual(
      errorsOf({ ...adult, contactMethod: 'letter', filler: 'carer', fillerName: 'Sam', relationship: 'Carer' }),
      {
        letterAddress: 'Enter your address for letters',
      },
    );
  });
});

describe('the person', () => {
  test('GP surgery: a name, or "I do not know"', () => {
    assert.deepEqual(dataOf({ ...adult, gp: '', gpUnknown: 'yes' }).gp, { known: false });
    assert.deepEqual(dataOf({ ...adult, gp: 'The Surgery', gpUnknown: 'yes' }).gp, {
      known: true,
      name: 'The Surgery',
    });
    assert.deepEqual(errorsOf({ ...adult, gp: '  ' }), {
      gp: 'Enter the name of the GP surgery, or select I do not know',
    });
    assert.deepEqual(errorsOf({ ...adult, gp: 'x'.repeat(101) }), { gp: 'GP surgery must be 100 characters or fewer' });
  });

  test('NHS number: optional; spaces allowed; 10 numbers with the right check digit', () => {
    assert.equal(dataOf({ ...adult, nhsNumber: '9434765919' }).nhsNumber, '943 476 5919');
    assert.equal(dataOf({ ...adult, nhsNumber: ' 943 476 5919 ' }).nhsNumber, '943 476 5919');
    assert.deepEqual(errorsOf({ ...adult, nhsNumber: '943 476 5918' }), {
      nhsNumber: 'NHS number is not right. Check each number',
    });
    assert.deepEqual(errorsOf({ ...adult, nhsNumber: '943 476 591' }), { nhsNumber: 'NHS number must be 10 numbers' });
    assert.deepEqual(errorsOf({ ...adult, nhsNumber: 'unknown' }), { nhsNumber: 'NHS number must be 10 numbers' });
  });

  test('postcode: any case and spacing; a real shape', () => {
    assert.equal(dataOf({ ...adult, postcode: 'se17eh' }).postcode, 'SE1 7EH');
    assert.deepEqual(errorsOf({ ...adult, postcode: 'SE1' }), { postcode: 'Enter a real postcode, like SE1 7EH' });
  });

  test('date of birth: GOV.UK messages and month names', () => {
    assert.equal(dataOf({ ...adult, 'dob-day': '5', 'dob-month': 'March', 'dob-year': '1990' }).dob, '1990-03-05');
    assert.deepEqual(errorsOf({ ...adult, 'dob-day': '', 'dob-month': '3', 'dob-year': '' }), {
      dob: 'Date of birth must include a day and year',
    });
    assert.deepEqual(errorsOf({ ...adult, 'dob-day': '31', 'dob-month': '2', 'dob-year': '2000' }), {
      dob: 'Date of birth must be a real date',
    });
    assert.deepEqual(errorsOf({ ...adult, 'dob-year': '90' }), { dob: 'Year must include 4 numbers' });
    const result = check({ ...adult, 'dob-month': '' });
    assert.equal(result.ok ? '' : result.list[0]!.target, 'dob-month');
  });

  test('why now: at least one reason; "Something else" needs words; what is happening is optional, up to its limit', () => {
    assert.deepEqual(errorsOf({ ...adult, reasons: [] }), {
      reasons: 'Select why the person might need extra support now',
    });
    assert.deepEqual(errorsOf({ ...adult, reasons: ['made-up'] }), {
      reasons: 'Select why the person might need extra support now',
    });
    assert.deepEqual(errorsOf({ ...adult, reasons: ['other'] }), { reasonsOther: 'Enter the other reason' });
    assert.deepEqual(dataOf({ ...adult, reasons: ['other', 'hospital', 'other'], reasonsOther: 'School' }).reasons, [
      'hospital',
      'other',
    ]);
    assert.equal('reasonsOther' in dataOf({ ...adult, reasonsOther: 'Dropped' }), false);
    assert.deepEqual(errorsOf({ ...adult, reasons: ['other'], reasonsOther: 'x'.repeat(REASONS_OTHER_MAX + 1) }), {
      reasonsOther: `The other reason must be ${REASONS_OTHER_MAX} characters or fewer`,
    });
    assert.equal(dataOf({ ...adult, happening: 'é'.repeat(HAPPENING_MAX) }).happening?.length, HAPPENING_MAX);
    assert.deepEqual(errorsOf({ ...adult, happening: 'x'.repeat(HAPPENING_MAX + 1) }), {
      happening: `What is happening must be ${HAPPENING_MAX} characters or fewer`,
    });
  });

  test('communication needs: any, none, each once; the language and other help are asked when chosen', () => {
    assert.deepEqual(dataOf({ ...adult, needs: ['bsl', 'easy-read', 'bsl'] }).needs, ['easy-read', 'bsl']);
    assert.deepEqual(errorsOf({ ...adult, needs: ['language', 'other'] }), {
      needsLanguage: 'Enter the language',
      needsOther: 'Enter the other help you need',
    });
    const data = dataOf({ ...adult, needs: ['language', 'other'], needsLanguage: 'Polish', needsOther: 'Mornings' });
    assert.equal(data.needsLanguage, 'Polish');
    assert.equal(data.needsOther, 'Mornings');
    assert.deepEqual(errorsOf({ ...adult, needs: 'braille' }), {
      needs: 'Select the help to communicate from the list',
    });
  });
});

describe('steps', () => {
  test('every question is in exactly one step, and the steps keep the question order', () => {
    const inSteps = STEPS.flatMap((step) => step.fields as readonly string[]);
    assert.deepEqual(inSteps, Object.keys(form.fields));
    assert.equal(new Set(inSteps).size, inSteps.length);
    assert.equal(STEPS.length, 8);
  });

  test('each step checks only its own questions (validate with only)', () => {
    const person = STEPS.find((step) => step.id === 'person')!;
    const result = validate(form, {}, { only: person.fields });
    assert.deepEqual(result.ok ? [] : Object.keys(result.errors), [
      'name',
      'dob',
      'address',
      'postcode',
      'place',
      'gp',
    ]);
    assert.equal(validate(form, adult, { only: person.fields }).ok, true);
  });

  test('every question has words, and every choice question its choices', () => {
    const words = SEL_WORDS;
    for (const field of Object.keys(form.fields)) {
      const question = (words as Record<string, { label: string; short: string }>)[field];
      assert.ok(question?.label && question.short, field);
    }
  });
});

describe('property-based: never a crash, never accepted when it should not be', () => {
  const letters = fc.stringMatching(/^[A-Za-zÀ-ÖØ-öø-ÿĀ-žА-яα-ω]{1,20}$/);
  test('names: letters of any alphabet with spaces, hyphens and apostrophes pass; digits and symbols never do', () => {
    fc.assert(
      fc.property(
        fc.array(letters, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(' ', '-', "'", ' '),
        (parts, join) => {
          const name = parts.join(join);
          const result = validate(form, { ...adult, name }, { only: ['name'] });
          if (name.length <= NAME_MAX) assert.equal(result.ok, true, name);
        },
      ),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 150 }), (name) => {
        const result = validate(form, { ...adult, name }, { only: ['name'] });
        if (result.ok) {
          assert.ok(/\p{L}/u.test(name) && !/[0-9<>@#$%^&*()=+{}[\]\\|;:"/?!]/.test(name), name);
          assert.ok([...(result.data.name ?? '')].length <= NAME_MAX);
        }
      }),
    );
  });

  test('free text: anything typed never crashes; it passes only within its limit, tidied', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 1200 }), (text) => {
        const result = validate(
          form,
          { ...adult, happening: text, reasons: ['other'], reasonsOther: text },
          { only: ['happening', 'reasonsOther'] },
        );
        if (result.ok) {
          const happening = result.data.happening ?? '';
          assert.ok([...happening].length <= HAPPENING_MAX);
          assert.ok([...(result.data.reasonsOther ?? '')].length <= REASONS_OTHER_MAX);
          assert.doesNotMatch(happening, /[\u0000-\u0008\u000b-\u001f\u007f]|\r/);
          assert.equal(happening, happening.trim());
        }
      }),
    );
  });

  test('any kind of value, in any question, never crashes the check', () => {
    const raw = fc.oneof(fc.string({ maxLength: 40 }), fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }));
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(
            ...Object.keys(adult),
            'gpUnknown',
            'consentUnder16',
            'needs',
            'email',
            'letterAddress',
            'change',
            'confirm',
          ),
          raw,
        ),
        (changes) => {
          const result = validate(form, { ...adult, ...changes });
          assert.equal(typeof result.ok, 'boolean');
        },
      ),
      { numRuns: 500 },
    );
  });

  test('dates: any three boxes never crash; only a real date before today is accepted, and read back exactly', () => {
    const box = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -5, max: 3000 }).map(String));
    fc.assert(
      fc.property(box, box, box, (day, month, year) => {
        const result = validate(
          form,
          { ...adult, 'dob-day': day, 'dob-month': month, 'dob-year': year },
          { only: ['dob'] },
        );
        if (!result.ok) return;
        const value = result.data.dob!;
        assert.match(value, /^\d{4}-\d{2}-\d{2}$/);
        assert.ok(value < TODAY && value >= '1900-01-01', value);
        const parsed = new Date(`${value}T00:00:00Z`);
        assert.equal(parsed.toISOString().slice(0, 10), value);
      }),
      { numRuns: 2000 },
    );
  });

  test('dates: every real past date is accepted and decides the consent question by age', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-11-19T00:00:00Z'), noInvalidDate: true }),
        (date) => {
          const value = date.toISOString().slice(0, 10);
          const values = { ...adult, ...dob(value) };
          const result = validate(form, values, { only: ['dob'] });
          assert.equal(result.ok, true, value);
          const [y, m, d] = value.split('-').map(Number) as [number, number, number];
          const sixteenth = `${y + 16}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          // A 29 February birthday's 16th is always in a leap year (16 is a multiple of 4), so string order works.
          const over16 = sixteenth <= TODAY;
          const fields = applicableFields(form, values);
          assert.equal(fields.includes('consent16'), over16, value);
          assert.equal(fields.includes('consentUnder16'), !over16, value);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
