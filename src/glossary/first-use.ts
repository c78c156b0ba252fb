/**
 * A hard word is linked to its meaning on first use per page. Each part of
 * a page (the crisis bar, the markdown, each block, a form's hints, the
 * footer) links the first use within itself; this keeps only the first link
 * to each entry in the whole page, in document order, and turns later ones
 * back into words. Inside a form the link opens a new tab and says so
 * (`hard-word-tab`, with its note in `hard-word-tab__note`); a later use
 * loses the note with the link.
 */
import { HARD_WORDS_PAGE } from './terms.ts';

/** A hard-word link as the markdown plugin and Words.astro write it: `class="hard-word"` (or `hard-word-tab`) and an href to the entry. */
const HARD_WORD_LINK = /<a\b(?=[^>]*\bclass="hard-word(?:-tab)?")[^>]*\bhref="([^"#]*)#([^"]+)"[^>]*>([\s\S]*?)<\/a>/g;

/** The "(opens in a new tab)" note inside a form's hard-word link. */
const TAB_NOTE = /<span class="hard-word-tab__note">[\s\S]*?<\/span>/g;

export function keepFirstHardWordLinks(html: string): string {
  const seen = new Set<string>();
  return html.replace(HARD_WORD_LINK, (link, page: string, slug: string, words: string) => {
    if (page !== HARD_WORDS_PAGE) return link;
    if (seen.has(slug)) return words.replace(TAB_NOTE, '');
    seen.add(slug);
    return link;
  });
}
