/**
 * Hard words: finding the glossary's terms (and their other spellings) in a
 * text, so their first use can link to the hard-words page. Used by the
 * markdown plugin (src/markdown/glossary-links.ts) and by templates
 * (src/components/Words.astro); browser-safe.
 */

export interface Term {
  /** The glossary entry: content/glossary/<slug>.md, and the anchor on the hard-words page. */
  slug: string;
  pattern: RegExp;
}

/** The page that explains every hard word. */
export const HARD_WORDS_PAGE = '/hard-words';

export function hardWordHref(slug: string): string {
  return `${HARD_WORDS_PAGE}#${slug}`;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A term matching any of `words` as whole words, longest first, in any case. */
export function makeTerm(slug: string, words: readonly string[]): Term {
  const alternatives = [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
  return { slug, pattern: new RegExp(`(?<![\\w-])(${alternatives})(?![\\w-])`, 'i') };
}

/** The not-yet-linked term that appears first in the text, if any. */
export function firstTerm(text: string, terms: readonly Term[], linked: ReadonlySet<string>) {
  let best: { term: Term; match: RegExpExecArray } | undefined;
  for (const term of terms) {
    if (linked.has(term.slug)) continue;
    const match = term.pattern.exec(text);
    if (match && (!best || match.index < best.match.index)) best = { term, match };
  }
  return best;
}

/** A run of words, and the glossary entry it links to when it is a hard word. */
interface Piece {
  text: string;
  slug?: string;
}

/**
 * The text in pieces, with the first use of each term (not already in
 * `linked`) as its own piece with the term's slug. `linked` gains the terms
 * linked here.
 */
export function linkTerms(text: string, terms: readonly Term[], linked = new Set<string>()): Piece[] {
  const pieces: Piece[] = [];
  let rest = text;
  for (let found = firstTerm(rest, terms, linked); found; found = firstTerm(rest, terms, linked)) {
    const { term, match } = found;
    linked.add(term.slug);
    if (match.index > 0) pieces.push({ text: rest.slice(0, match.index) });
    pieces.push({ text: match[0], slug: term.slug });
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest) pieces.push({ text: rest });
  return pieces;
}
