/**
 * Frontmatter of an easy-read page: `content/shared/pages/*.md` (every area)
 * and `content/areas/<area>/pages/*.md` (one area; replaces a shared page
 * with the same file name).
 */
import * as v from 'valibot';
import { QuotedSourceSchema } from '../area/schema.ts';

const pictureName = v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'Use a picture name from src/pictures/catalogue.json'));

/** Sections built from the area's settings, shown after the page's own words. */
export const BLOCKS = [
  'crisis-lines',
  'join-routes',
  'registers',
  'services',
  'process',
  'privacy-contact',
  'professionals',
  'glossary',
  'contact',
  'who-for',
  'reasons',
  'consent',
  'keyworkers',
  'in-hospital',
  'record',
  'sharing',
  'not-accepted',
  'leaving',
  'helpers',
] as const;

/** A public source a page cites, by title (and address when online). */
const CitationSchema = v.object({
  title: v.pipe(v.string(), v.trim(), v.nonEmpty()),
  url: v.optional(v.pipe(v.string(), v.url())),
});

/**
 * What a page's facts come from: a citation, or quotes from a document in
 * the area's settings (`sources`) or content/shared/sources.yaml, which the
 * test suite finds in the stored copy. An area's own pages must quote.
 */
export const PageSourceSchema = v.union([QuotedSourceSchema, CitationSchema]);

export const PageSchema = v.object({
  /** The page's one h1, in easy read. */
  title: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(60)),
  /** One sentence for search results and link previews. */
  description: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(160)),
  /** The picture beside the title. */
  picture: pictureName,
  /** Position in the main menu; pages without it are linked from the footer or other pages. */
  menu: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** Short menu label, if the title is too long for the menu. */
  menuLabel: v.optional(v.pipe(v.string(), v.maxLength(30))),
  blocks: v.optional(v.array(v.picklist(BLOCKS)), []),
  /** Where the page's facts come from. */
  sources: v.pipe(v.array(PageSourceSchema), v.nonEmpty()),
  /** Date the facts were last checked against the sources. */
  reviewed: v.pipe(
    v.union([v.date(), v.pipe(v.string(), v.isoDate())]),
    v.transform((value) => (typeof value === 'string' ? value : value.toISOString().slice(0, 10))),
  ),
  /**
   * Who checked the page with people with a learning disability (names or a
   * group), and the day they did. The page says so only when both are set;
   * set them only after such a check happened.
   */
  checkedBy: v.optional(v.pipe(v.string(), v.trim(), v.nonEmpty())),
  checkedOn: v.optional(
    v.pipe(
      v.union([v.date(), v.pipe(v.string(), v.isoDate())]),
      v.transform((value) => (typeof value === 'string' ? value : value.toISOString().slice(0, 10))),
    ),
  ),
});

/** A hard word: `content/glossary/*.md`; the body is its easy-read meaning. */
export const GlossarySchema = v.object({
  term: v.pipe(v.string(), v.trim(), v.nonEmpty()),
  /** Other ways the word is written, all linked to this entry. */
  aliases: v.optional(v.array(v.string()), []),
  picture: pictureName,
});

export type PageSource = v.InferOutput<typeof PageSourceSchema>;
