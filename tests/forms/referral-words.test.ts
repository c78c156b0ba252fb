/**
 * Easy read for the referral form's own words (the content lint covers
 * content/ only): every label, hint, choice, step title and the sentences in
 * the referral's components and pages have 15 words or fewer, use none of
 * the banned words, and every picture named is in the catalogue. Hard-word
 * links go to glossary entries that exist.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { BANNED, checkSentenceLength, format, stringChunk, type Chunk } from '../content/easy-read.ts';
import type { QuestionWords } from '../../src/forms/kit/fields.ts';
import { areaWords } from '../../src/forms/referral/form.ts';
import { STEP_WORDS, questions } from '../../src/forms/referral/questions.ts';
import { areaSettings, listAreas } from '../support/areas.ts';

/** The words differ by area (places, reasons, consent model): every area's are checked. */
const AREAS = listAreas().map((area) => areaSettings(area.id));

const ROOT = path.resolve(import.meta.dirname, '../..');
const FILE = 'src/forms/referral/questions.ts';
const catalogue = JSON.parse(readFileSync(path.join(ROOT, 'src/pictures/catalogue.json'), 'utf8')) as Record<
  string,
  string
>;

function questionChunks(): Chunk[] {
  const chunks: Chunk[] = [];
  for (const area of AREAS) {
    for (const [name, question] of Object.entries(questions(areaWords(area)) as Record<string, QuestionWords>)) {
      for (const text of [question.label, question.hint, question.when, question.short])
        if (text) chunks.push(stringChunk(`${FILE} ${name}`, text, 1));
      for (const choice of question.choices ?? []) {
        chunks.push(stringChunk(`${FILE} ${name}`, choice.label, 1));
        if (choice.hint) chunks.push(stringChunk(`${FILE} ${name}`, choice.hint, 1));
      }
    }
  }
  for (const step of Object.values(STEP_WORDS)) chunks.push(stringChunk(`${FILE} steps`, step.title, 1));
  return chunks;
}

/** The .astro files whose words the referral pages show: the referral's own, and the kit's. */
const ASTRO_FILES = ['src/forms/referral', 'src/forms/kit/components'].flatMap((folder) =>
  readdirSync(path.join(ROOT, folder))
    .filter((f) => f.endsWith('.astro'))
    .map((f) => `${folder}/${f}`),
);

/** Props and object keys whose strings are words people read (titles, headings, buttons, sentences). */
const WORD_PROPS =
  /\b(title|heading|intro|label|send|sendHeading|sent|reply|keep|cannot|otherWays|first|now)(?:="([^"]+)"|: '([^']+)')/g;

/**
 * The words people read in those files: text between tags (without
 * {expressions}), and the strings given to word props.
 */
function componentChunks(): Chunk[] {
  const chunks: Chunk[] = [];
  for (const file of ASTRO_FILES) {
    const source = readFileSync(path.join(ROOT, file), 'utf8');
    const template = source.slice(source.indexOf('---', 3) + 3);
    for (const match of template.matchAll(/<(p|h[1-6]|li|button)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
      const text = match[2]!
        .replace(/\{[^{}]*\}/g, 'X')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      if (text) chunks.push(stringChunk(file, text, source.slice(0, match.index).split('\n').length));
    }
    for (const match of source.matchAll(WORD_PROPS)) {
      const text = match[2] ?? match[3]!;
      chunks.push(stringChunk(file, text, source.slice(0, match.index).split('\n').length));
    }
  }
  return chunks;
}

describe('easy read: the referral form', () => {
  const chunks = [...questionChunks(), ...componentChunks()];

  test('there are words to check', () => {
    assert.ok(chunks.length > 100, String(chunks.length));
  });

  test('every sentence has 15 words or fewer', () => {
    const problems = checkSentenceLength(chunks);
    assert.deepEqual(problems.map(format), []);
  });

  test('no banned words (please, e.g., i.e., etc)', () => {
    const problems = chunks.filter((chunk) =>
      BANNED.some((word) => new RegExp(`(^|\\W)${word.replace(/\./g, '\\.')}(\\W|$)`, 'i').test(chunk.text)),
    );
    assert.deepEqual(
      problems.map((chunk) => `${chunk.file}: ${chunk.text}`),
      [],
    );
  });

  test('every picture is in the catalogue', () => {
    const named = [
      ...Object.values(questions(areaWords(AREAS[0]!)) as Record<string, QuestionWords>).flatMap((question) =>
        question.picture ? [question.picture] : [],
      ),
      ...Object.values(STEP_WORDS).map((step) => step.picture),
    ];
    for (const file of ASTRO_FILES) {
      for (const match of readFileSync(path.join(ROOT, file), 'utf8').matchAll(
        /picture(?:="([a-z0-9-]+)"|: '([a-z0-9-]+)')/g,
      ))
        named.push(match[1] ?? match[2]!);
    }
    assert.deepEqual(
      named.filter((name) => !(name in catalogue)),
      [],
    );
  });

  test('hard-word links go to glossary entries that exist', () => {
    const slugs = new Set<string>();
    for (const file of readdirSync(path.join(ROOT, 'src/forms/referral')).filter((f) => f.endsWith('.astro'))) {
      for (const match of readFileSync(path.join(ROOT, 'src/forms/referral', file), 'utf8').matchAll(
        /<HardWord slug="([a-z0-9-]+)"/g,
      ))
        slugs.add(match[1]!);
    }
    assert.ok(slugs.size >= 8);
    assert.deepEqual(
      [...slugs].filter((slug) => !existsSync(path.join(ROOT, 'content/glossary', `${slug}.md`))),
      [],
    );
  });
});
