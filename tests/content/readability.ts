/**
 * Flesch reading ease per page, for the trend only: no formula has been
 * shown to fit readers with a learning disability (research/wave-2.md,
 * "Measuring easy read"), so this is printed, never a gate. Higher is
 * easier; 80 and over is "easy", 90 and over "very easy".
 */
import { flesch } from 'flesch';
import { syllable } from 'syllable';
import { countWords, splitSentences, type MarkdownFile } from './easy-read.ts';

interface Readability {
  file: string;
  sentences: number;
  words: number;
  score: number;
}

/** The score of a page's body words (headings and points). */
export function readabilityOf(md: MarkdownFile): Readability {
  let sentences = 0;
  let words = 0;
  let syllables = 0;
  for (const chunk of md.bodyChunks) {
    // Names in code (tools, files) are not words anyone reads for meaning.
    let text = chunk.text;
    for (const [start, end] of [...(chunk.code ?? [])].reverse()) text = `${text.slice(0, start)}${text.slice(end)}`;
    for (const sentence of splitSentences(text)) {
      sentences++;
      for (const word of sentence.text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t))) {
        words++;
        syllables += Math.max(1, syllable(word));
      }
    }
  }
  const score = sentences && words ? flesch({ sentence: sentences, word: words, syllable: syllables }) : 0;
  return { file: md.file, sentences, words: countWords(md.bodyChunks.map((c) => c.text).join(' ')), score };
}

/** A table, lowest score first. */
export function readabilityTable(pages: MarkdownFile[]): string {
  const rows = pages.map(readabilityOf).sort((a, b) => a.score - b.score);
  return [
    'Flesch reading ease (trend only, not a gate; higher is easier)',
    ...rows.map((r) => `${r.score.toFixed(1).padStart(6)}  ${String(r.words).padStart(4)} words  ${r.file}`),
  ].join('\n');
}
