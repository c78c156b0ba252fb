/**
 * The referral's rules: age on the day of sending (birthdays on the day,
 * 29 February, future dates), the consent band, register routing for both
 * areas' settings, the NHS number check digit and postcodes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parse } from 'yaml';
import {
  ageOn,
  checkNhsNumber,
  chooseRegister,
  consentBand,
  isLeapYear,
  nhsCheckDigit,
  normalisePostcode,
  type RegisterRule,
} from '../../src/forms/referral/rules.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const registersOf = (area: string): RegisterRule[] =>
  (parse(readFileSync(path.join(ROOT, 'content/areas', area, 'area.yaml'), 'utf8')) as { registers: RegisterRule[] })
    .registers;
const AREAS = ['south-east-london', 'essex'];

const iso = (date: Date) => date.toISOString().slice(0, 10);
/** A real calendar date between 1900 and 2100. */
const calendarDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map(iso);

describe('age on the day of sending', () => {
  test('a birthday counts from the start of the day: the day before 16 is 15, the day itself is 16', () => {
    assert.equal(ageOn('2010-11-20', '2026-11-19'), 15);
    assert.equal(ageOn('2010-11-20', '2026-11-20'), 16);
    assert.equal(ageOn('2010-11-20', '2026-11-21'), 16);
  });

  test('the same at 18: the day before is 17, the day itself is 18', () => {
    assert.equal(ageOn('2008-11-20', '2026-11-19'), 17);
    assert.equal(ageOn('2008-11-20', '2026-11-20'), 18);
  });

  test('29 February: in a year that is not a leap year the birthday is 1 March (England and Wales)', () => {
    // Born 29 February 2008: 18 on 1 March 2026, still 17 on 28 February 2026.
    assert.equal(ageOn('2008-02-29', '2026-02-28'), 17);
    assert.equal(ageOn('2008-02-29', '2026-03-01'), 18);
    // Born 29 February 2012: 16 on 1 March 2028? 2028 is a leap year: 16 on 29 February 2028.
    assert.equal(ageOn('2012-02-29', '2028-02-28'), 15);
    assert.equal(ageOn('2012-02-29', '2028-02-29'), 16);
    // And in 2027 (not a leap year) they turn 15 on 1 March.
    assert.equal(ageOn('2012-02-29', '2027-02-28'), 14);
    assert.equal(ageOn('2012-02-29', '2027-03-01'), 15);
  });

  test('born today is 0; a future date of birth has no age', () => {
    assert.equal(ageOn('2026-11-20', '2026-11-20'), 0);
    assert.equal(ageOn('2026-11-21', '2026-11-20'), undefined);
    assert.equal(ageOn('2027-01-01', '2026-11-20'), undefined);
  });

  test('a date that is not YYYY-MM-DD is refused loudly, never guessed', () => {
    assert.throws(() => ageOn('5/3/2014', '2026-11-20'), RangeError);
    assert.throws(() => ageOn('2014-03-05', ''), RangeError);
  });

  test('property: age never decreases as the days go by, and grows by exactly one on each birthday', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: 0, max: 40_000 }), (birth, days) => {
        const day = iso(new Date(Date.parse(`${birth}T00:00:00Z`) + days * 86_400_000));
        const next = iso(new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000));
        const age = ageOn(birth, day)!;
        const after = ageOn(birth, next)!;
        assert.ok(age >= 0);
        assert.ok(after === age || after === age + 1);
        // Exactly one birthday a year, whatever the date of birth (29 February included).
        const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
        const [ny, nm, nd] = next.split('-').map(Number) as [number, number, number];
        const birthdayMonthDay = bm === 2 && bd === 29 && !isLeapYear(ny) ? [3, 1] : [bm, bd];
        const isBirthday = nm === birthdayMonthDay[0] && nd === birthdayMonthDay[1] && ny > by;
        assert.equal(after === age + 1, isBirthday, `${birth} → ${next}`);
      }),
      { numRuns: 2000 },
    );
  });

  test('property: any date after today is never an age; any other date never crashes', () => {
    fc.assert(
      fc.property(calendarDate, calendarDate, (birth, today) => {
        const age = ageOn(birth, today);
        if (birth > today) assert.equal(age, undefined);
        else assert.ok(Number.isInteger(age) && age! >= 0 && age! <= 200);
      }),
    );
  });
});

describe('which consent question applies', () => {
  test('16 and over decide for themselves; under 16 a parent, or Gillick', () => {
    assert.equal(consentBand(0), 'under-sixteen');
    assert.equal(consentBand(12), 'under-sixteen');
    assert.equal(consentBand(15), 'under-sixteen');
    assert.equal(consentBand(16), 'sixteen-or-over');
    assert.equal(consentBand(17), 'sixteen-or-over');
    assert.equal(consentBand(18), 'sixteen-or-over');
    assert.equal(consentBand(90), 'sixteen-or-over');
  });
});

describe('register routing by age on the day of sending', () => {
  test('essex: its page names one register, for children, young people and adults: every age goes on it', () => {
    const registers = registersOf('essex');
    for (const age of [0, 12, 17, 18, 64, 120]) assert.equal(chooseRegister(registers, age)?.id, 'essex', `age ${age}`);
  });

  // Areas whose settings keep a children's and an adults' register.
  for (const area of AREAS.filter((id) => registersOf(id).length === 2)) {
    test(`${area}: under 18 on the children's register, 18 and over on the adults'`, () => {
      const registers = registersOf(area);
      assert.equal(chooseRegister(registers, 0)?.id, 'children');
      assert.equal(chooseRegister(registers, 12)?.id, 'children');
      assert.equal(chooseRegister(registers, 16)?.id, 'children');
      assert.equal(chooseRegister(registers, 17)?.id, 'children');
      assert.equal(chooseRegister(registers, 18)?.id, 'adults');
      assert.equal(chooseRegister(registers, 64)?.id, 'adults');
      assert.equal(chooseRegister(registers, 120)?.id, 'adults');
    });

    test(`${area}: the 18th birthday moves a person to the adults' register that very day, 29 February included`, () => {
      const registers = registersOf(area);
      const on = (dob: string, today: string) => chooseRegister(registers, ageOn(dob, today)!)?.id;
      assert.equal(on('2008-11-20', '2026-11-19'), 'children');
      assert.equal(on('2008-11-20', '2026-11-20'), 'adults');
      assert.equal(on('2008-02-29', '2026-02-28'), 'children');
      assert.equal(on('2008-02-29', '2026-03-01'), 'adults');
    });
  }

  for (const area of AREAS) {
    test(`${area}: every age from 0 to 120 has exactly one register`, () => {
      const registers = registersOf(area);
      for (let age = 0; age <= 120; age++) {
        const fits = registers.filter((r) => r.minAge <= age && (r.maxAge === undefined || age <= r.maxAge));
        assert.equal(fits.length, 1, `age ${age}`);
        assert.equal(chooseRegister(registers, age), fits[0]);
      }
    });
  }

  test('no register fits: undefined (the email says to check the settings)', () => {
    assert.equal(chooseRegister([{ id: 'adults', name: 'Adults', minAge: 18 }], 10), undefined);
  });
});

describe('NHS number (Modulus 11)', () => {
  test('the worked example 943 476 5919 is right, with or without spaces or hyphens', () => {
    assert.equal(nhsCheckDigit('943476591'), 9);
    for (const typed of ['943 476 5919', '9434765919', '943-476-5919', ' 943 476 5919 ', '943\u00a0476\u00a05919']) {
      assert.deepEqual(checkNhsNumber(typed), { ok: true, digits: '9434765919', display: '943 476 5919' }, typed);
    }
  });

  test('any other last digit is wrong', () => {
    for (let digit = 0; digit <= 9; digit++) {
      if (digit === 9) continue;
      assert.deepEqual(checkNhsNumber(`943 476 591${digit}`), { ok: false, problem: 'check-digit' });
    }
  });

  test('a remainder of 1 (check digit 10) means no number can have those 9 digits', () => {
    // The first 9-digit prefix whose check would be 10, found by search rather than by hand.
    let prefix = '';
    for (let n = 0; n < 1_000_000 && !prefix; n++) {
      const candidate = String(n).padStart(9, '0');
      let sum = 0;
      for (let i = 0; i < 9; i++) sum += Number(candidate[i]) * (10 - i);
      if (11 - (sum % 11) === 10) prefix = candidate;
    }
    assert.equal(nhsCheckDigit(prefix), undefined);
    for (let digit = 0; digit <= 9; digit++) assert.equal(checkNhsNumber(`${prefix}${digit}`).ok, false);
  });

  test('a check of 11 becomes 0', () => {
    // Sum divisible by 11: 000000000 → 11 - 0 = 11 → 0.
    assert.equal(nhsCheckDigit('000000000'), 0);
    assert.equal(checkNhsNumber('0000000000').ok, true);
  });

  test('not 10 digits: a format problem', () => {
    for (const typed of [
      '',
      '943 476 591',
      '943 476 59190',
      '943 476 591X',
      '+44 943 476 5919',
      '943.476.5919',
      '９４３４７６５９１９',
    ]) {
      assert.deepEqual(checkNhsNumber(typed), { ok: false, problem: 'format' }, typed);
    }
  });

  test('property: exactly one last digit makes a 9-digit prefix right (none when the check is 10)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (prefix) => {
        const right = [...'0123456789'].filter((digit) => checkNhsNumber(prefix + digit).ok);
        const check = nhsCheckDigit(prefix);
        assert.deepEqual(right, check === undefined ? [] : [String(check)]);
      }),
    );
  });

  test('property: any text never crashes, and only 10 digits with the right check pass', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (typed) => {
        const result = checkNhsNumber(typed);
        if (result.ok) {
          assert.match(result.digits, /^\d{10}$/);
          assert.equal(Number(result.digits[9]), nhsCheckDigit(result.digits.slice(0, 9)));
        }
      }),
    );
  });
});

describe('postcodes', () => {
  test('any case, with or without the space, comes out in capitals with one space', () => {
    assert.equal(normalisePostcode('se1 7eh'), 'SE1 7EH');
    assert.equal(normalisePostcode('SE17EH'), 'SE1 7EH');
    assert.equal(normalisePostcode(' sw1a 2aa '), 'SW1A 2AA');
    assert.equal(normalisePostcode('CM1 1QH'), 'CM1 1QH');
    assert.equal(normalisePostcode('w1a0ax'), 'W1A 0AX');
    assert.equal(normalisePostcode('m1 1ae'), 'M1 1AE');
  });

  test('anything else is not a postcode', () => {
    for (const typed of ['', 'SE1', '7EH', 'SE1 7E', '12345', 'SE1 7EHH', 'S E 1 7 E H X', 'SE1-7EH']) {
      assert.equal(normalisePostcode(typed), undefined, typed);
    }
  });
});
