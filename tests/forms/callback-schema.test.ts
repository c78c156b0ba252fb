import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { callbackForm } from '../../src/forms/callback/schema.ts';
import { ABOUT_NAME_MAX, BEST_TIME_DETAIL_MAX, NOTES_MAX } from '../../src/forms/callback/questions.ts';
import { NAME_MAX } from '../../src/forms/kit/browser/text.ts';
import { validate } from '../../src/forms/kit/browser/validate.ts';
import type { RawValues } from '../../src/forms/kit/browser/values.ts';

const complete: RawValues = {
  name: 'Ada Lovelace',
  phone: '07700 900982',
  voicemail: 'yes',
  bestTime: 'morning',
  bestTimeDetail: '',
  about: 'me',
  aboutName: '',
  notes: '',
};

const check = (changes: RawValues) => validate(callbackForm, { ...complete, ...changes });
const errorsOf = (changes: RawValues) => {
  const result = check(changes);
  return result.ok ? {} : result.errors;
};

describe('the callback form: missing answers', () => {
  test('an empty form gets one message per required question, in question order', () => {
    const result = validate(callbackForm, {});
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(result.list, [
      { field: 'name', message: 'Enter your name', target: 'name' },
      { field: 'phone', message: 'Enter your phone number', target: 'phone' },
      { field: 'voicemail', message: 'Select yes if we can leave a voicemail message', target: 'voicemail' },
      { field: 'bestTime', message: 'Select the best time for us to call', target: 'bestTime' },
      { field: 'about', message: 'Select who the call is about', target: 'about' },
    ]);
    assert.deepEqual(Object.keys(result.errors), ['name', 'phone', 'voicemail', 'bestTime', 'about']);
  });

  test('blank text (spaces, a line break) is a missing answer, not an answer', () => {
    assert.equal(errorsOf({ name: '   ' }).name, 'Enter your name');
    assert.equal(errorsOf({ name: '\r\n' }).name, 'Enter your name');
    assert.equal(errorsOf({ phone: '  ' }).phone, 'Enter your phone number');
  });

  test('the optional questions can be left blank or left out, and then are not in the answers', () => {
    const result = validate(callbackForm, {
      name: 'Ada',
      phone: '07700900982',
      voicemail: 'no',
      bestTime: 'any',
      about: 'my-child',
    });
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.equal('bestTimeDetail' in result.data, false);
    assert.equal('aboutName' in result.data, false);
    assert.equal('notes' in result.data, false);
  });

  test('no message says please, sorry, valid, invalid or required', () => {
    const messages = [
      ...Object.values(errorsOf({ name: '', phone: '', voicemail: '', bestTime: '', about: '' })),
      ...Object.values(
        errorsOf({
          name: '1',
          phone: '1',
          about: 'my-child',
          aboutName: '1',
          notes: 'x'.repeat(NOTES_MAX + 1),
          bestTimeDetail: 'x'.repeat(200),
        }),
      ),
      ...Object.values(errorsOf({ phone: '+33 1 23 45 67 89', name: 'x'.repeat(NAME_MAX + 1) })),
    ];
    assert.ok(messages.length >= 10);
    for (const message of messages) assert.doesNotMatch(message, /please|sorry|valid|required|oops/i, message);
  });
});

describe('the callback form: names', () => {
  for (const name of [
    "Siobhán O'Neill",
    'Anne-Marie Smith',
    'Zoë Ørsted',
    'Łukasz Żółć',
    'محمد علي',
    '李小龍',
    'Nguyễn Văn An',
    'Ngozi Okonkwo-Adébáyọ̀',
    "D'Arcy",
    'Mary-Jane O’Brien',
    'St. John',
  ]) {
    test(`accepts ${name}`, () => {
      const result = check({ name });
      assert.equal(result.ok, true);
      if (result.ok) assert.equal(result.data.name, name);
    });
  }

  test('tidies spaces around and inside a name', () => {
    const result = check({ name: '  Ada   King \n' });
    assert.equal(result.ok && result.data.name, 'Ada King');
  });

  for (const name of ['R2D2', '<script>alert(1)</script>', 'ada@example.com', '07700 900982', '---']) {
    test(`rejects ${JSON.stringify(name)} with a description of what a name can have`, () => {
      assert.equal(
        errorsOf({ name }).name,
        'Your name must only include letters, spaces, hyphens, full stops and apostrophes',
      );
    });
  }

  test(`a name of ${NAME_MAX} characters is fine, ${NAME_MAX + 1} is too long (counting letters, not bytes)`, () => {
    assert.equal(check({ name: 'ß'.repeat(NAME_MAX) }).ok, true);
    assert.equal(
      errorsOf({ name: 'ß'.repeat(NAME_MAX + 1) }).name,
      `Your name must be ${NAME_MAX} characters or fewer`,
    );
  });

  test('any name made of letters of any alphabet, apostrophes and hyphens is accepted as typed', () => {
    const letter = fc.constantFrom(...'aZéßøŁżαДдمح李ก'.split(''));
    const word = fc.array(letter, { minLength: 1, maxLength: 12 }).map((letters) => letters.join(''));
    const joiner = fc.constantFrom(' ', '-', "'", '’');
    const name = fc
      .tuple(word, fc.array(fc.tuple(joiner, word), { maxLength: 3 }))
      .map(([first, rest]) => first + rest.map(([j, w]) => j + w).join(''));
    fc.assert(
      fc.property(name, (typed) => {
        const result = check({ name: typed });
        return result.ok && result.data.name === typed;
      }),
    );
  });
});

describe('the callback form: phone numbers', () => {
  test('keeps what was typed and the number to dial', () => {
    const result = check({ phone: '+44 (0)7700 900-982' });
    assert.equal(result.ok, true);
    if (result.ok) assert.deepEqual(result.data.phone, { typed: '+44 (0)7700 900-982', e164: '+447700900982' });
  });

  test('a number that cannot be a UK number gets the example-based message', () => {
    for (const phone of ['12345', '0909 879 0000', '07700 90098', 'call me']) {
      assert.equal(
        errorsOf({ phone }).phone,
        'Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
        phone,
      );
    }
  });

  test('a number from another country is described as not a UK number', () => {
    assert.equal(
      errorsOf({ phone: '+33 1 23 45 67 89' }).phone,
      'Enter a UK phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
    );
  });
});

describe('the callback form: choices', () => {
  test('only the offered choices are answers', () => {
    const errors = errorsOf({ voicemail: 'maybe', bestTime: 'midnight', about: 'my-dog' });
    assert.deepEqual(Object.keys(errors), ['voicemail', 'bestTime', 'about']);
  });

  test('a choice sent twice is not an answer', () => {
    assert.equal(errorsOf({ voicemail: ['yes', 'no'] }).voicemail, 'Select yes if we can leave a voicemail message');
  });
});

describe('the callback form: the person the call is about', () => {
  test('their first name is asked only when the call is about someone else', () => {
    assert.equal(callbackForm.applies?.aboutName?.({ about: 'me' }), false);
    assert.equal(callbackForm.applies?.aboutName?.({}), false);
    for (const about of ['my-child', 'someone-i-care-for', 'someone-i-support-at-work']) {
      assert.equal(callbackForm.applies?.aboutName?.({ about }), true, about);
    }
  });

  test('a first name typed before choosing "Me" is dropped, and not checked', () => {
    const result = check({ about: 'me', aboutName: '12345' });
    assert.equal(result.ok, true);
    if (result.ok) assert.equal('aboutName' in result.data, false);
  });

  test('their first name is kept and checked when the call is about someone else', () => {
    const result = check({ about: 'my-child', aboutName: ' José ' });
    assert.equal(result.ok && result.data.aboutName, 'José');
    assert.equal(
      errorsOf({ about: 'my-child', aboutName: 'J0sé' }).aboutName,
      'Their first name must only include letters, spaces, hyphens, full stops and apostrophes',
    );
    assert.equal(
      errorsOf({ about: 'my-child', aboutName: 'a'.repeat(ABOUT_NAME_MAX + 1) }).aboutName,
      `Their first name must be ${ABOUT_NAME_MAX} characters or fewer`,
    );
  });
});

describe('the callback form: lengths', () => {
  test(`"anything we should know" takes ${NOTES_MAX} characters, not ${NOTES_MAX + 1}`, () => {
    assert.equal(check({ notes: 'x'.repeat(NOTES_MAX) }).ok, true);
    assert.equal(
      errorsOf({ notes: 'x'.repeat(NOTES_MAX + 1) }).notes,
      `What we should know must be ${NOTES_MAX} characters or fewer`,
    );
  });

  test('a line break sent as CR LF counts once, as the character count in the browser shows it', () => {
    const lines = Array.from({ length: NOTES_MAX / 2 }, () => 'x').join('\r\n'); // 250 x + 249 breaks = 499
    const result = check({ notes: lines });
    assert.equal(result.ok, true);
    if (result.ok) assert.equal(result.data.notes, lines.replace(/\r\n/g, '\n'));
  });

  test(`"more about when to call" takes ${BEST_TIME_DETAIL_MAX} characters`, () => {
    assert.equal(check({ bestTimeDetail: 'x'.repeat(BEST_TIME_DETAIL_MAX) }).ok, true);
    assert.equal(
      errorsOf({ bestTimeDetail: 'x'.repeat(BEST_TIME_DETAIL_MAX + 1) }).bestTimeDetail,
      `When to call must be ${BEST_TIME_DETAIL_MAX} characters or fewer`,
    );
  });
});

describe('the callback form: anything at all', () => {
  test('never throws, whatever arrives, and errors are always in question order', () => {
    const order = Object.keys(callbackForm.fields);
    const value = fc.oneof(fc.string({ maxLength: 80 }), fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }));
    const key = fc.constantFrom(...order, 'token', 'other', '__proto__', 'constructor');
    fc.assert(
      fc.property(fc.dictionary(key, value), (values) => {
        const result = validate(callbackForm, values);
        if (result.ok) return true;
        const fields = result.list.map((error) => error.field);
        return fields.every((field, i) => i === 0 || order.indexOf(field) > order.indexOf(fields[i - 1]!));
      }),
    );
  });

  test('free text of any kind up to the limit is accepted in the notes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: NOTES_MAX, unit: 'grapheme' }), (notes) => {
        const result = check({ notes });
        return result.ok || [...notes.replace(/\r\n/g, '\n')].length > NOTES_MAX;
      }),
    );
  });
});
