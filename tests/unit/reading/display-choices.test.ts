/** Display choices read from an address, and kept in the links, forms and redirects of a page asked for with them. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addressWith, choicesFromQuery, readChoices, START } from '../../../src/reading/display/choices.ts';
import { withChoices, withChoicesKept } from '../../../src/reading/display/keep-in-links.ts';

const query = (search: string) => new URLSearchParams(search);

describe('choices in an address', () => {
  test('known choices are read; unknown ones and unknown values become the start', () => {
    assert.deepEqual(choicesFromQuery(query('pictures=off&text=biggest&background=purple&colour=red')), {
      ...START,
      pictures: 'off',
      text: 'biggest',
    });
  });

  test('anything that is not a record reads as the start', () => {
    assert.deepEqual(readChoices('{"text":"biggest"}'), START);
    assert.deepEqual(readChoices(null), START);
  });

  test('a choice link keeps the page’s other parameters and names only what differs from the start', () => {
    const chosen = { ...START, background: 'dark' as const };
    assert.equal(
      addressWith('/refer/confirmation', query('ref=DSR-1&text=bigger'), chosen),
      '/refer/confirmation?ref=DSR-1&background=dark',
    );
    assert.equal(addressWith('/', query('text=bigger'), START), '/');
  });
});

describe('choices kept as a person moves around without JavaScript', () => {
  const chosen = { ...START, pictures: 'off' as const, spacing: 'more' as const };

  test('pages get the choices; files, Astro’s own addresses and addresses naming choices do not', () => {
    assert.equal(withChoices('/consent#gillick', chosen), '/consent?pictures=off&spacing=more#gillick');
    assert.equal(withChoices('/refer?step=2', chosen), '/refer?step=2&pictures=off&spacing=more');
    assert.equal(withChoices('/pictures/help.svg', chosen), '/pictures/help.svg');
    assert.equal(withChoices('/_astro/island.js', chosen), '/_astro/island.js');
    assert.equal(withChoices('/?text=bigger', chosen), '/?text=bigger');
  });

  test('links and forms in the page carry them; the choice links and other sites do not change', async () => {
    const html = [
      '<a href="/who-can-be-on-it">Who</a>',
      '<form method="post" action="/refer?step=2">',
      '<a href="https://www.nhs.uk/">NHS</a>',
      '<a data-looks href="/?text=biggest">Biggest</a>',
    ].join('');
    const page = new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8', 'content-length': '1' } });
    const kept = await withChoicesKept(page, new URL('http://x/?pictures=off&spacing=more'));
    assert.equal(kept.headers.get('content-length'), null, 'the length changed');
    assert.equal(
      await kept.text(),
      [
        '<a href="/who-can-be-on-it?pictures=off&amp;spacing=more">Who</a>',
        '<form method="post" action="/refer?step=2&amp;pictures=off&amp;spacing=more">',
        '<a href="https://www.nhs.uk/">NHS</a>',
        '<a data-looks href="/?text=biggest">Biggest</a>',
      ].join(''),
    );
  });

  test('a redirect after a form is sent keeps them', async () => {
    const redirect = new Response(null, { status: 303, headers: { location: '/refer/check' } });
    const kept = await withChoicesKept(redirect, new URL('http://x/refer?pictures=off'));
    assert.equal(kept.status, 303);
    assert.equal(kept.headers.get('location'), '/refer/check?pictures=off');
  });

  test('a page asked for without choices, or with only the start, is not changed', async () => {
    const page = new Response('<a href="/">Home</a>', { headers: { 'content-type': 'text/html' } });
    assert.equal(await withChoicesKept(page, new URL('http://x/consent')), page);
    assert.equal(await withChoicesKept(page, new URL('http://x/consent?text=normal')), page);
  });
});
