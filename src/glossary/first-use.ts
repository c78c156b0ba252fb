/**
 * A hard word is linked to its meaning on first use per page. Each part of
 * a page (the crisis bar, the markdown, each block, the footer) links the
 * first use within itself; this keeps only the first link to each entry in
 * the whole page, in document order, and turns later ones back into words.
 */
import { HARD_WORDS_PAGE } from './terms.ts';

/** A hard-word link as the markdown plugin and Words.astro write it: `class="hard-word"` and an href to the entry. */
const HARD_WORD_LINK = /<a\b(?=[^>]*\bclass="hard-word")[^>]*\bhref="([^"#]*)#([^"]+)"[^>]*>([\s\S]*?)<\/a>/g;

export function keepFirstHardWordLinks(html: string): string {
  const seen = new Set<string>();
  return html.replace(HARD_WORD_LINK, (link, page: string, slug: string, words: string) => {
    if (page !== HARD_WORDS_PAGE) return link;
    if (seen.has(slug)) return words;
    seen.add(slug);
    return link;
  });
}
