import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countCharacters, isName, tidyText } from '../../src/forms/kit/browser/text.ts';

describe('text answers', () => {
  test('a line break counts as one character, as the browser counts it, even when sent as CR LF', () => {
    assert.equal(countCharacters('a\r\nb'), 3);
    assert.equal(countCharacters('a\nb'), 3);
  });

  test('accented letters and emoji count as one character each', () => {
    assert.equal(countCharacters('Siân'), 4);
    assert.equal(countCharacters('😀😀'), 2);
  });

  test('tidying trims, keeps line breaks as \\n and drops control characters', () => {
    assert.equal(tidyText('  one\r\ntwo\u0000\u0007 \t'), 'one\ntwo');
  });

  test('names in any alphabet, with apostrophes, hyphens and full stops', () => {
    for (const name of [
      "O'Neill",
      'O’Brien',
      'Anne-Marie',
      'Siân',
      'Zoë',
      'Łukasz',
      'محمد',
      '李小龍',
      'Nguyễn Văn A',
      "'t Hooft",
      'J. R. Smith',
      'Ολυμπία',
      'Дмитрий',
    ]) {
      assert.equal(isName(name), true, name);
    }
  });

  test('numbers, symbols and punctuation alone are not names', () => {
    for (const name of ['123', 'Bob1', '<script>', 'a@b.com', "'", '-', '.', 'Ann;']) {
      assert.equal(isName(name), false, name);
    }
  });
});
