/**
 * Easy-read lint of the site's words. Run: `npx node --test tests/content/`.
 * The first group checks the lint itself can fail; the second lints content/.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import {
  allChunks,
  checkAcronyms,
  checkBracketedAcronyms,
  checkHardWords,
  checkPointSentences,
  checkSynonyms,
  checkLinks,
  checkNoContactDetails,
  checkPictures,
  checkPoints,
  checkSentenceLength,
  checkSources,
  countWords,
  format,
  readMarkdown,
  readProject,
  readSettings,
  splitSentences,
  type Problem,
} from './easy-read.ts';
import { readabilityOf, readabilityTable } from './readability.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const report = (problems: Problem[]) => `\n${problems.map(format).join('\n')}\n`;

const GLOSSARY = [{ slug: 'consent', term: 'consent', aliases: [] }];

const SAMPLE = `---
title: A test page
description: This page is only for the lint.
picture: list
sources:
  - title: A source
---

## Heading

![](picture:list) This short sentence is fine.
This sentence is much too long because it keeps on going and going and never stops at all.

![](picture:not-a-picture) You can utilize a shorter word.

A point with no picture.
`;

describe('the lint itself', () => {
  test('splits sentences and counts words', () => {
    assert.deepEqual(
      splitSentences('One two. Three four! Five?').map((s) => s.text),
      ['One two.', 'Three four!', 'Five?'],
    );
    assert.equal(countWords('The C(E)TR is on 22 November - at 2pm.'), 8);
  });

  test('reports a long sentence with its file and line', () => {
    const md = readMarkdown('bad.md', SAMPLE);
    const problems = checkSentenceLength(md.chunks);
    assert.equal(problems.length, 1, report(problems));
    assert.equal(format(problems[0]!), 'bad.md:12: sentence has 18 words: "This sentence is much too long because it keeps on going and going and never stops at all."');
  });

  test('reports a hard word, and lets a glossary term through', async () => {
    const md = readMarkdown('bad.md', SAMPLE);
    const problems = await checkHardWords(md.chunks, GLOSSARY);
    assert.deepEqual(problems.map(format), ['bad.md:14: hard word "utilize" in "You can utilize a shorter word.": use `use` instead, or make it a glossary term']);

    const asTerm = await checkHardWords(readMarkdown('t.md', 'We ask for your consent. We obtain it.').chunks, [
      { slug: 'obtain', term: 'obtain', aliases: [] },
    ]);
    assert.deepEqual(asTerm, []);
  });

  test('reports "please"', async () => {
    const problems = await checkHardWords(readMarkdown('p.md', 'Please call us.').chunks, []);
    assert.equal(problems.length, 1, report(problems));
  });

  test('reports a picture missing from the catalogue', () => {
    const md = readMarkdown('bad.md', SAMPLE);
    const problems = checkPictures(md.file, md.pictures, { list: '1F4CB' });
    assert.deepEqual(problems.map(format), ['bad.md:14: picture "not-a-picture" is not in src/pictures/catalogue.json']);
  });

  test('reports a point without a picture and an h1', () => {
    const md = readMarkdown('bad.md', `${SAMPLE}\n# Big heading\n`);
    assert.deepEqual(checkPoints(md).map((p) => p.line), [16, 18]);
  });

  test('reports a page without sources', () => {
    const md = readMarkdown('bad.md', '---\ntitle: No sources\n---\n\nWords.\n');
    assert.equal(checkSources(md).length, 1);
  });

  test('reports phone numbers and emails in words', () => {
    const md = readMarkdown('bad.md', 'Call 020 3228 5980 or email team@example.nhs.uk.');
    assert.equal(checkNoContactDetails(md.chunks).length, 2);
  });

  test('reports a link to a page that does not exist', () => {
    const md = readMarkdown('bad.md', '[a](/nowhere) [b](/hard-words#nothing) [c](/consent) [d](/hard-words#consent)');
    const problems = checkLinks(md, new Set(['consent', 'hard-words']), new Set(['consent']), new Set());
    assert.deepEqual(problems.map((p) => p.message), ['link "/nowhere" leads to no page', 'link "/hard-words#nothing": no glossary entry "nothing"']);
  });

  test('reads the words of area settings, not their contact details', () => {
    const yaml = 'name: Somewhere\njoin:\n  email:\n    address: team@example.nhs.uk\n    include:\n      - This one sentence in the settings has far too many words in it to be easy to read.\nservices:\n  - picture: nothing-here\n    source: { title: A very long citation that is not read as easy read at all, really not }\n';
    const { chunks, pictures } = readSettings('area.yaml', yaml);
    assert.deepEqual(chunks.map((c) => c.text.slice(0, 8)), ['Somewher', 'This one']);
    assert.deepEqual(checkSentenceLength(chunks).map((p) => p.line), [6]);
    assert.deepEqual(pictures, [{ name: 'nothing-here', line: 8 }]);
  });
});

describe('the deeper checks', () => {
  test('reports a picture point with more than two sentences', () => {
    const md = readMarkdown(
      'bad.md',
      '![](picture:list) One idea. A second sentence.\n\n![](picture:list) One. Two. Three is too many.\n\n- ![](picture:list) In a list. Also two. And three.\n',
    );
    assert.deepEqual(checkPointSentences(md).map((p) => p.line), [3, 5]);
    assert.match(format(checkPointSentences(md)[0]!), /^bad\.md:3: point has 3 sentences \(at most 2 beside one picture\)/);
  });

  test('reports an acronym that is not in the glossary, but not one in code or allowed', () => {
    const md = readMarkdown('bad.md', 'Ask your GP or the CQC. Tested with `HTML_CodeSniffer` in the UK.');
    const glossary = [{ slug: 'gp', term: 'GP', aliases: [] }];
    assert.deepEqual(checkAcronyms(md.chunks, glossary).map(format), ['bad.md:1: acronym "CQC" is not in the glossary']);
  });

  test('reports an acronym in brackets, and brackets inside one', () => {
    const md = readMarkdown('bad.md', 'British Sign Language (BSL) helps. A C(E)TR is a meeting. A review meeting, called a CETR.');
    assert.deepEqual(
      checkBracketedAcronyms(md.chunks).map((p) => p.message),
      [
        'no acronym in brackets: "(BSL)". Write the words, then "called a ..."',
        'no acronym in brackets: "C(E)TR". Write the words, then "called a ..."',
      ],
    );
  });

  test('reports a second word for the same thing', () => {
    const md = readMarkdown('bad.md', 'Call the helpline. Your key worker can help.');
    assert.deepEqual(checkSynonyms(md.chunks).map((p) => p.message).sort(), [
      'say "crisis line", not "helpline"',
      'say "keyworker", not "key worker"',
    ]);
  });

  test('works out Flesch reading ease: short everyday words score higher', () => {
    const easy = readabilityOf(readMarkdown('easy.md', '![](picture:list) We help you. You can call us.'));
    const hard = readabilityOf(
      readMarkdown('hard.md', '![](picture:list) Multidisciplinary consultation necessitates comprehensive documentation.'),
    );
    assert.ok(easy.score > 90, `easy: ${easy.score}`);
    assert.ok(hard.score < 0, `hard: ${hard.score}`);
  });
});

describe('the content', () => {
  const project = readProject(ROOT);
  const chunks = allChunks(project);

  test('finds the pages, the glossary and the area settings', () => {
    assert.ok(project.pages.length >= 15, `pages: ${project.pages.length}`);
    assert.ok(project.glossary.length >= 27, `glossary: ${project.glossary.length}`);
    assert.ok(project.settings.length >= 2, `areas: ${project.settings.length}`);
  });

  test(`every sentence has ${15} words or fewer`, () => {
    const problems = checkSentenceLength(chunks);
    assert.deepEqual(problems, [], report(problems));
  });

  test('hard words are avoided or explained in the glossary', async () => {
    const problems = await checkHardWords(chunks, project.glossary);
    assert.deepEqual(problems, [], report(problems));
  });

  test('every picture point has at most two sentences', () => {
    const problems = project.pages.flatMap((m) => checkPointSentences(m));
    assert.deepEqual(problems, [], report(problems));
  });

  test('every acronym is in the glossary', () => {
    const problems = checkAcronyms(chunks, project.glossary);
    assert.deepEqual(problems, [], report(problems));
  });

  test('no acronym in brackets', () => {
    const problems = checkBracketedAcronyms(chunks);
    assert.deepEqual(problems, [], report(problems));
  });

  test('the same word for the same thing', () => {
    const problems = checkSynonyms(chunks);
    assert.deepEqual(problems, [], report(problems));
  });

  test('reading ease of each page (printed for the trend, not a gate)', (t) => {
    for (const line of readabilityTable(project.pages).split('\n')) t.diagnostic(line);
  });

  test('a people check is claimed only with both who and when, and none has happened yet', () => {
    const claims = project.pages
      .filter((m) => 'checkedBy' in m.frontmatter.data || 'checkedOn' in m.frontmatter.data)
      .map((m) => m.file);
    // When an area's readers check a page, set both fields there and list it here.
    assert.deepEqual(claims, [], 'pages that say people with a learning disability checked them');
  });

  test('every picture is in the catalogue', () => {
    const problems = [
      ...project.markdown.flatMap((m) => checkPictures(m.file, m.pictures, project.catalogue)),
      ...project.settings.flatMap((s) => checkPictures(s.file, s.pictures, project.catalogue)),
    ];
    assert.deepEqual(problems, [], report(problems));
  });

  test('every glossary entry has a picture', () => {
    const missing = project.glossaryFiles.filter((m) => typeof m.frontmatter.data.picture !== 'string').map((m) => m.file);
    assert.deepEqual(missing, []);
  });

  test('every page cites its sources', () => {
    const problems = project.pages.flatMap(checkSources);
    assert.deepEqual(problems, [], report(problems));
  });

  test('every point starts with a picture, and the body has no h1', () => {
    const problems = project.pages.flatMap(checkPoints);
    assert.deepEqual(problems, [], report(problems));
  });

  test('pages and glossary hold no phone numbers or email addresses', () => {
    const problems = checkNoContactDetails(project.markdown.flatMap((m) => m.chunks));
    assert.deepEqual(problems, [], report(problems));
  });

  test('every glossary meaning is 1 to 3 sentences', () => {
    const problems = project.glossaryFiles
      .map((m) => ({ m, n: m.bodyChunks.flatMap((c) => splitSentences(c.text)).length }))
      .filter(({ n }) => n < 1 || n > 3)
      .map(({ m, n }) => `${m.file}: ${n} sentences`);
    assert.deepEqual(problems, []);
  });

  test('glossary terms and aliases are not used twice', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const g of project.glossary) {
      for (const word of [g.term, ...g.aliases]) {
        const key = word.toLowerCase();
        if (seen.has(key)) twice.push(`"${word}" in ${g.slug} and ${seen.get(key)}`);
        seen.set(key, g.slug);
      }
    }
    assert.deepEqual(twice, []);
  });

  test('internal links lead to a page or a glossary entry', () => {
    const pages = new Set(project.pages.map((m) => m.file.replace(/^.*\//, '').replace(/\.md$/, '')));
    const glossary = new Set(project.glossary.map((g) => g.slug));
    // Pages built by code, not from content/: the home page and the forms.
    const routes = new Set(['/', '/refer', '/ask-for-a-call']);
    const problems = project.pages.flatMap((m) => checkLinks(m, pages, glossary, routes));
    assert.deepEqual(problems, [], report(problems));
  });
});
