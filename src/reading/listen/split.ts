/**
 * Where one sentence ends and the next begins, for "Listen to this page":
 * after `.`, `!` or `?` (and any closing quote or bracket), then a space,
 * then a capital letter or a digit. Not after a short form such as "e.g." or
 * "Dr.", which a capital often follows inside a sentence.
 */

/** A sentence's place in the text: `start` is its first character, `end` is just after its last. */
export interface Range {
  start: number;
  end: number;
}

const END = /[.!?]["'”’)\]]*(?=\s+["'“‘(]?[A-Z0-9])/g;

/** Short forms that end in a full stop but rarely end a sentence. */
const SHORT_FORM = /(?:^|[\s(])(?:e\.g|i\.e|etc|Dr|Mr|Mrs|Ms|St|No)\.$/i;

export function splitSentences(text: string): Range[] {
  const ranges: Range[] = [];
  let start = firstNonSpace(text, 0);
  if (start === text.length) return ranges;
  for (const match of text.matchAll(END)) {
    const stop = match.index + 1;
    if (match[0][0] === '.' && SHORT_FORM.test(text.slice(0, stop))) continue;
    const end = match.index + match[0].length;
    ranges.push({ start, end });
    start = firstNonSpace(text, end);
  }
  ranges.push({ start, end: lastNonSpace(text) });
  return ranges;
}

function firstNonSpace(text: string, from: number): number {
  let index = from;
  while (index < text.length && /\s/.test(text[index]!)) index++;
  return index;
}

function lastNonSpace(text: string): number {
  let index = text.length;
  while (index > 0 && /\s/.test(text[index - 1]!)) index--;
  return index;
}
