import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { markSentences } from '../../../src/reading/listen/sentences.ts';
import { splitSentences } from '../../../src/reading/listen/split.ts';

const sentences = (text: string) => splitSentences(text).map(({ start, end }) => text.slice(start, end));
const page = (main: string) =>
  `<!doctype html><html><head><title>A page</title></head><body><main>${main}</main></body></html>`;
const marked = (main: string) => {
  const html = markSentences(page(main));
  return html.slice(html.indexOf('<main>') + 6, html.indexOf('</main>'));
};
describe('splitting text into sentences', () => {
  test('after a full stop, question mark or exclamation mark, then a space and a capital or a digit', () => {
    assert.deepEqual(sentences('The DSR is a list. Is it for me? Yes! 999 is for emergencies.'), [
      'The DSR is a list.',
      'Is it for me?',
      'Yes!',
      '999 is for emergencies.',
    ]);
  });

  test('not before a small letter, and not inside a number', () => {
    assert.deepEqual(sentences('It costs £2.50 a day. and more'), ['It costs £2.50 a day. and more']);
  });

  test('not after a short form such as e.g., Dr or Mrs', () => {
    assert.deepEqual(sentences('Ask a doctor, e.g. Dr. Patel or Mrs. Jones. Then wait.'), [
      'Ask a doctor, e.g. Dr. Patel or Mrs. Jones.',
      'Then wait.',
    ]);
  });

  test('a closing quote stays with its sentence', () => {
    assert.deepEqual(sentences('Say "Yes." Then stop.'), ['Say "Yes."', 'Then stop.']);
  });

  test('spaces around are left out, and only spaces is no sentence', () => {
    assert.deepEqual(sentences('  One.  Two.\n'), ['One.', 'Two.']);
    assert.deepEqual(sentences(' \n '), []);
  });
});

describe('marking sentences in the page', () => {
  test('a block of one sentence gets data-s', () => {
    assert.equal(
      marked('<h1>Ask to join</h1><p>It is <a href="/x">free</a>.</p>'),
      '<h1 data-s>Ask to join</h1><p data-s>It is <a href="/x">free</a>.</p>',
    );
  });

  test('each sentence of a longer block is wrapped, around whole links', () => {
    assert.equal(
      marked('<p><a href="/d">DSR</a> is short for Dynamic Support Register. The DSR lists people.</p>'),
      '<p><span data-s><a href="/d">DSR</a> is short for Dynamic Support Register.</span> <span data-s>The DSR lists people.</span></p>',
    );
  });

  test('a sentence that ends inside bold words joins the next one', () => {
    assert.equal(
      marked('<p><strong>Keep it safe. Do not share it</strong> with anyone. Thank you.</p>'),
      '<p><span data-s><strong>Keep it safe. Do not share it</strong> with anyone.</span> <span data-s>Thank you.</span></p>',
    );
  });

  test('character references keep their place', () => {
    assert.equal(
      marked('<p>Someone&#39;s life is at risk. Call 999 &amp; wait.</p>'),
      '<p><span data-s>Someone&#39;s life is at risk.</span> <span data-s>Call 999 &amp; wait.</span></p>',
    );
  });

  test('a list item with a list inside: its own words and each inner item', () => {
    assert.equal(
      marked('<ul><li>First words. More words.<ul><li>Inner</li></ul></li></ul>'),
      '<ul><li><span data-s>First words.</span> <span data-s>More words.</span><ul><li data-s>Inner</li></ul></li></ul>',
    );
  });

  test('a list item holding a div: the sentences are marked inside the div, never a span around it', () => {
    assert.equal(
      marked(
        '<li><img src="/b.svg" alt=""><div class="point__text">Blue: in <b>a hospital. They</b> meet there.</div></li>',
      ),
      '<li><img src="/b.svg" alt=""><div class="point__text" data-s>Blue: in <b>a hospital. They</b> meet there.</div></li>',
    );
    assert.equal(
      marked('<li><div>One here. Two here.</div> Three here.</li>'),
      '<li><div><span data-s>One here.</span> <span data-s>Two here.</span></div> <span data-s>Three here.</span></li>',
    );
  });

  test('a question: its legend, hint and labels, never what is typed in a box', () => {
    const form =
      '<fieldset><legend>Your name</legend><div class="form-hint">As on a letter.</div>' +
      '<label for="n">Full name</label><input id="n" value="Alex Quinn"><textarea>I typed this. And this.</textarea>' +
      '<select><option>Kent</option></select><button>Continue</button></fieldset>';
    assert.equal(
      marked(form),
      '<fieldset><legend data-s>Your name</legend><div class="form-hint" data-s>As on a letter.</div>' +
        '<label for="n" data-s>Full name</label><input id="n" value="Alex Quinn"><textarea>I typed this. And this.</textarea>' +
        '<select><option>Kent</option></select><button>Continue</button></fieldset>',
    );
  });

  test('nothing inside data-no-listen, aria-hidden, visually-hidden or a template', () => {
    const html =
      '<dl class="summary-list" data-no-listen><dt>Name</dt><dd>Alex Quinn</dd></dl>' +
      '<p aria-hidden="true">Hidden.</p><p class="visually-hidden">Also hidden.</p>' +
      '<template><p>Later.</p></template><script>var a = "Not. Read."</script>';
    assert.equal(marked(html), html);
  });

  test('hidden words inside a heading are left out but the heading is still read', () => {
    assert.equal(
      marked('<h2><span>Part 1 of 8</span><span class="visually-hidden">: </span>Safety first</h2>'),
      '<h2 data-s><span>Part 1 of 8</span><span class="visually-hidden">: </span>Safety first</h2>',
    );
  });

  test('only main is marked, and a page without main is unchanged', () => {
    const html =
      '<html><body><header><p>Site name</p></header><main><p>Hello.</p></main><footer><p>Bye.</p></footer></body></html>';
    assert.equal(markSentences(html), html.replace('<main><p>', '<main><p data-s>'));
    assert.equal(markSentences('<p>No main. Here.</p>'), '<p>No main. Here.</p>');
  });

  test('only insertions: taking the marks out gives the page back', () => {
    const main =
      '<div class="point"><img src="/a.svg" alt=""><div class="point__text"><p>The <a class="hard-word" href="/hard-words#dsr">DSR</a> is not a crisis service. Asking to join will not get you help today!</p></div></div>' +
      '<ul><li>If someone&#39;s life is at risk, <a href="tel:999">call 999</a>.</li><li>Call <strong>111</strong>. Then choose option 2.</li></ul>';
    const html = page(main);
    const out = markSentences(html);
    assert.notEqual(out, html);
    assert.equal(out.match(/<span data-s>/g)?.length, 4);
    // The page has no span of its own, so every span is a mark.
    assert.equal(out.replaceAll('<span data-s>', '').replaceAll('</span>', '').replaceAll(' data-s', ''), html);
  });
});

describe('the light tree under the marking', () => {
  test('a script, a style or a box holds text, not tags', () => {
    const main =
      '<script>if (a<b) document.write("<p>Not. Read.</p>")</script><style>p>a{color:red}</style>' +
      '<textarea><p>Typed. Words.</p></textarea><p>Read.</p>';
    assert.equal(marked(main), main.replace('<p>Read.', '<p data-s>Read.'));
  });

  test('an end tag with no start is ignored, and one left open ends with its parent', () => {
    assert.equal(marked('<div></span><p>One.</p></div>'), '<div></span><p data-s>One.</p></div>');
    assert.equal(
      marked('<div><p>First one. Second one.</div><p>After.</p>'),
      '<div><p><span data-s>First one.</span> <span data-s>Second one.</span></div><p data-s>After.</p>',
    );
  });
});
