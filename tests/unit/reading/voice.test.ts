import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chooseVoice } from '../../../src/reading/listen/voice.ts';

const voice = (name: string, lang: string, localService: boolean) => ({ name, lang, localService });

describe('the voice Listen speaks with', () => {
  test('British English on the device comes first', () => {
    const voices = [
      voice('US', 'en-US', true),
      voice('UK online', 'en-GB', false),
      voice('French', 'fr-FR', true),
      voice('UK here', 'en-GB', true),
    ];
    assert.equal(chooseVoice(voices)?.name, 'UK here');
  });

  test('then British English online, written either way', () => {
    assert.equal(chooseVoice([voice('US', 'en-US', true), voice('UK online', 'en-GB', false)])?.name, 'UK online');
    assert.equal(chooseVoice([voice('US', 'en-US', true), voice('Android UK', 'en_GB', true)])?.name, 'Android UK');
    assert.equal(chooseVoice([voice('Lower case', 'en-gb', true)])?.name, 'Lower case');
  });

  test('then any English voice', () => {
    assert.equal(chooseVoice([voice('German', 'de-DE', true), voice('Irish', 'en-IE', false)])?.name, 'Irish');
    assert.equal(chooseVoice([voice('Plain', 'en', true)])?.name, 'Plain');
  });

  test('no English voice, no voice', () => {
    assert.equal(chooseVoice([voice('German', 'de-DE', true), voice('English-looking', 'eng-XX', true)]), undefined);
    assert.equal(chooseVoice([]), undefined);
  });
});
