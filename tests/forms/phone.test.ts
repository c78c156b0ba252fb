import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseUkPhone } from '../../src/forms/kit/browser/phone.ts';

// Ofcom's drama numbers only: never a real person's number.
const good: [typed: string, e164: string][] = [
  ['07700 900982', '+447700900982'],
  ['07700900982', '+447700900982'],
  ['07700 900 982', '+447700900982'],
  ['+44 7700 900982', '+447700900982'],
  ['+447700900982', '+447700900982'],
  ['+44 (0)7700 900982', '+447700900982'],
  ['+44(0)7700-900-982', '+447700900982'],
  ['0044 7700 900 982', '+447700900982'],
  ['44 7700 900982', '+447700900982'],
  ['7700 900982', '+447700900982'],
  ['(07700) 900-982', '+447700900982'],
  ['07700.900.982', '+447700900982'],
  ['07700\u00a0900\u00a0982', '+447700900982'],
  ['07700 \u2013 900 \u2013 982', '+447700900982'],
  ['  07700 900982  ', '+447700900982'],
  ['01632 960 001', '+441632960001'],
  ['(01632) 960001', '+441632960001'],
  ['01632-960-001', '+441632960001'],
  ['020 7946 0000', '+442079460000'],
  ['(020) 7946 0999', '+442079460999'],
  ['0113 496 0000', '+441134960000'],
  ['+44 808 157 0192', '+448081570192'],
  ['0808 157 0192', '+448081570192'],
  ['0306 999 0000', '+443069990000'],
  ['028 9018 0000', '+442890180000'],
];

const bad: [typed: string, problem: 'empty' | 'not-uk' | 'format'][] = [
  ['', 'empty'],
  ['   ', 'empty'],
  ['12', 'format'],
  ['999', 'format'],
  ['111', 'format'],
  ['07700 90098', 'format'], // a digit short
  ['07700 9009821', 'format'], // a digit too many
  ['0909 879 0000', 'format'], // premium rate
  ['0404 496 0000', 'format'],
  ['0604 496 0000', 'format'],
  ['00 7700 900982', 'not-uk'],
  ['+33 1 23 45 67 89', 'not-uk'],
  ['0033 1 23 45 67 89', 'not-uk'],
  ['+1 202 555 0100', 'not-uk'],
  ['07700 900982 ext 12', 'format'],
  ['07700 900982 or 07700 900983', 'format'],
  ['seven seven double oh', 'format'],
  ['0770O 900982', 'format'], // a letter O for a zero
  ['++447700900982', 'format'],
  ['07700 900982'.repeat(4), 'format'],
];

describe('UK phone numbers', () => {
  for (const [typed, e164] of good) {
    test(`accepts ${JSON.stringify(typed)} as ${e164}`, () => {
      const parsed = parseUkPhone(typed);
      assert.equal(parsed.ok, true, JSON.stringify(parsed));
      if (!parsed.ok) return;
      assert.equal(parsed.e164, e164);
      assert.equal(parsed.typed, typed.trim(), 'keeps what was typed for display');
    });
  }

  for (const [typed, problem] of bad) {
    test(`rejects ${JSON.stringify(typed)} (${problem})`, () => {
      assert.deepEqual(parseUkPhone(typed), { ok: false, problem });
    });
  }

  test('any drama mobile number, with any separators and prefix, normalises to the same E.164', () => {
    const separator = fc.constantFrom('', ' ', '-', '.', '  ', ' - ', '\u2013', '\u00a0');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999 }),
        fc.array(separator, { minLength: 10, maxLength: 10 }),
        fc.constantFrom('0', '+44', '+44 (0)', '0044 ', '(0'),
        (last, seps, prefix) => {
          const digits = `7700900${String(last).padStart(3, '0')}`;
          const typed = (prefix === '(0' ? '(0' : prefix) + [...digits].map((d, i) => d + (seps[i] ?? '')).join('');
          const parsed = parseUkPhone(typed);
          return parsed.ok && parsed.e164 === `+44${digits}`;
        },
      ),
    );
  });

  test('never throws, and an accepted number is always +44 and 9 or 10 more digits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: 'grapheme' }), (text) => {
        const parsed = parseUkPhone(text);
        return !parsed.ok || /^\+44\d{9,10}$/.test(parsed.e164);
      }),
    );
  });
});
