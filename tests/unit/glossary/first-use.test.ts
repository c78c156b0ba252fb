import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { keepFirstHardWordLinks } from '../../../src/glossary/first-use.ts';

const link = (slug: string, words: string) => `<a class="hard-word" href="/hard-words#${slug}">${words}</a>`;
const tabLink = (slug: string, words: string) =>
  `<a class="hard-word-tab" href="/hard-words#${slug}" target="_blank" rel="noopener">${words} <span class="hard-word-tab__note">(opens in a new tab)</span></a>`;

describe('hard words linked once per page', () => {
  test('the first link to each word stays; later ones become words', () => {
    const html = `<p>${link('dsr', 'DSR')} and ${link('dsr', 'DSR')} and ${link('camhs', 'CAMHS')}</p>`;
    assert.equal(keepFirstHardWordLinks(html), `<p>${link('dsr', 'DSR')} and DSR and ${link('camhs', 'CAMHS')}</p>`);
  });

  test("a form's new-tab links count too, and a later one loses its note with its link", () => {
    const html = `<p>${link('dsr', 'DSR')}</p><p>${tabLink('dsr', 'DSR')}</p><p>${tabLink('gp', 'GP')} ${tabLink('gp', 'GP')}</p>`;
    assert.equal(
      keepFirstHardWordLinks(html),
      `<p>${link('dsr', 'DSR')}</p><p>DSR </p><p>${tabLink('gp', 'GP')} GP </p>`,
    );
  });

  test('other links are left alone', () => {
    const html = '<a href="/crisis">crisis</a><a class="hard-word" href="/elsewhere#dsr">DSR</a>';
    assert.equal(keepFirstHardWordLinks(html), html);
  });
});
