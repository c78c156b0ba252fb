/**
 * Easy-read lint for the site's words: every `.md` file under `content/`
 * (frontmatter `title`, `description`, `menuLabel`, `term` and the body) and
 * the words inside `content/areas/* /area.yaml`.
 *
 * Each check returns problems as `{ file, line, message }`; an empty list
 * means the words pass. The rules come from /work/shared/research/domain.md
 * ("Easy read rules") and the content brief.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import retextEnglish from 'retext-english';
import retextSimplify from 'retext-simplify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

/** The longest sentence easy read allows. */
const MAX_WORDS = 15;

/**
 * Words retext-simplify flags that we use in their plain meaning. Each one
 * needs a reason: this list is not a way round the rule.
 */
const PLAIN_IN_CONTEXT: Readonly<Record<string, string>> = {
  // retext-simplify means "to address a problem"; we only mean a home address.
  address: 'a home address',
  // The phone menus of NHS 111 and crisis lines say "option 2": callers must hear the same word.
  option: 'a choice in a phone menu',
};

/** Words the easy-read rules forbid outright. */
export const BANNED = ['please', 'e.g.', 'i.e.', 'etc'];

export interface Problem {
  file: string;
  line: number;
  message: string;
}

/** A run of words read as one block (a paragraph, heading, list item text or a settings string). */
export interface Chunk {
  file: string;
  text: string;
  /** The file line of the character at `offset` in `text`. */
  lineAt: (offset: number) => number;
  /** [start, end) ranges of `text` that are code (tool names, file names): not read as words for acronyms. */
  code?: Array<[number, number]>;
}

interface Sentence {
  text: string;
  start: number;
}

export const format = (p: Problem) => `${p.file}:${p.line}: ${p.message}`;

/** Splits text into sentences at `.`, `!` or `?` followed by a space or the end. */
export function splitSentences(text: string): Sentence[] {
  const flat = text.replace(/\s/g, ' ');
  const out: Sentence[] = [];
  const end = /[.!?]+["')\]]*(?= |$)/g;
  let start = 0;
  for (let m = end.exec(flat); m; m = end.exec(flat)) {
    push(start, m.index + m[0].length);
    start = m.index + m[0].length;
  }
  push(start, flat.length);
  return out;

  function push(from: number, to: number) {
    const raw = flat.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const s = raw.trim();
    if (s) out.push({ text: s, start: from + lead });
  }
}

/** Counts words: runs of characters between spaces that hold a letter or a number. */
export function countWords(sentence: string): number {
  return sentence.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
}

export function checkSentenceLength(chunks: Chunk[], max = MAX_WORDS): Problem[] {
  const problems: Problem[] = [];
  for (const chunk of chunks) {
    for (const s of splitSentences(chunk.text)) {
      const n = countWords(s.text);
      if (n > max) {
        problems.push({ file: chunk.file, line: chunk.lineAt(s.start), message: `sentence has ${n} words: "${s.text}"` });
      }
    }
  }
  return problems;
}

interface GlossaryEntry {
  slug: string;
  term: string;
  aliases: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where the glossary's terms and aliases occur in `text`, as [start, end) ranges. */
function glossarySpans(text: string, glossary: GlossaryEntry[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const entry of glossary) {
    for (const word of [entry.term, ...entry.aliases]) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, 'giu');
      for (const m of text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
    }
  }
  return spans;
}

const simplify = unified().use(retextEnglish).use(retextSimplify, { ignore: Object.keys(PLAIN_IN_CONTEXT) });

/**
 * Hard words: every phrase retext-simplify flags must be avoided, or be part
 * of a glossary term or alias (the site links it to the hard-words page).
 * Banned words are always reported.
 */
export async function checkHardWords(chunks: Chunk[], glossary: GlossaryEntry[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const chunk of chunks) {
    const file = new VFile(chunk.text);
    await simplify.run(simplify.parse(file), file);
    const spans = glossarySpans(chunk.text, glossary);
    const sentences = splitSentences(chunk.text);
    for (const msg of file.messages) {
      const place = msg.place && 'start' in msg.place ? msg.place : undefined;
      const start = place?.start.offset ?? 0;
      const end = place?.end.offset ?? start;
      if (spans.some(([s, e]) => s <= start && end <= e)) continue;
      const sentence = sentences.findLast((s) => s.start <= start)?.text ?? chunk.text;
      problems.push({
        file: chunk.file,
        line: chunk.lineAt(start),
        message: `hard word "${msg.actual}" in "${sentence}": ${msg.reason.replace(/^Unexpected `[^`]*`,?\s*/, '')}, or make it a glossary term`,
      });
    }
    for (const word of BANNED) {
      const re = new RegExp(`(?<![\\p{L}])${escape(word)}(?![\\p{L}])`, 'giu');
      for (const m of chunk.text.matchAll(re)) {
        problems.push({ file: chunk.file, line: chunk.lineAt(m.index), message: `do not use "${m[0]}"` });
      }
    }
  }
  return problems;
}

/** A whole-string chunk: every character is on `line` (or on later lines after a newline). */
export function stringChunk(file: string, text: string, line: number): Chunk {
  return { file, text, lineAt: (i) => line + (text.slice(0, i).match(/\n/g)?.length ?? 0) };
}

export interface Frontmatter {
  data: Record<string, unknown>;
  /** File line of each top-level key. */
  lines: Record<string, number>;
  /** How many lines the frontmatter takes, fences included. */
  length: number;
}

export function splitFrontmatter(source: string): { frontmatter: Frontmatter; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!m) return { frontmatter: { data: {}, lines: {}, length: 0 }, body: source };
  const counter = new LineCounter();
  const doc = parseDocument(m[1] ?? '', { lineCounter: counter });
  const lines: Record<string, number> = {};
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) lines[String(pair.key.value)] = counter.linePos(pair.key.range[0]).line + 1;
    }
  }
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  return { frontmatter: { data, lines, length: m[0].split('\n').length - (m[0].endsWith('\n') ? 1 : 0) }, body: source.slice(m[0].length) };
}

export interface MarkdownFile {
  file: string;
  frontmatter: Frontmatter;
  tree: Root;
  /** Line of the body's first line in the file. */
  bodyLine: number;
  /** Frontmatter words and body words, block by block. */
  chunks: Chunk[];
  /** The body's words only. */
  bodyChunks: Chunk[];
  /** `picture:NAME` images and the frontmatter picture. */
  pictures: Array<{ name: string; line: number }>;
  /** Link targets in the body. */
  links: Array<{ url: string; line: number }>;
}

const WORD_KEYS = ['title', 'description', 'menuLabel', 'term'];

/** Reads a content `.md` file into the pieces the checks need. */
export function readMarkdown(file: string, source: string): MarkdownFile {
  const { frontmatter, body } = splitFrontmatter(source);
  const bodyLine = frontmatter.length + 1;
  const tree = fromMarkdown(body);
  const chunks: Chunk[] = [];
  const pictures: MarkdownFile['pictures'] = [];
  const links: MarkdownFile['links'] = [];

  for (const key of WORD_KEYS) {
    const value = frontmatter.data[key];
    if (typeof value === 'string') chunks.push(stringChunk(file, value, frontmatter.lines[key] ?? 1));
  }
  if (typeof frontmatter.data.picture === 'string') {
    pictures.push({ name: frontmatter.data.picture, line: frontmatter.lines.picture ?? 1 });
  }

  const lineOf = (node: Nodes) => (node.position?.start.line ?? 1) + bodyLine - 1;
  const bodyChunks: Chunk[] = [];
  visit(tree);
  chunks.push(...bodyChunks);
  return { file, frontmatter, tree, bodyLine, chunks, bodyChunks, pictures, links };

  function visit(node: Nodes) {
    if (node.type === 'image') {
      const m = /^picture:(.*)$/.exec(node.url);
      if (m) pictures.push({ name: m[1] ?? '', line: lineOf(node) });
    }
    if (node.type === 'link' || node.type === 'definition') links.push({ url: node.url, line: lineOf(node) });
    if (node.type === 'paragraph' || node.type === 'heading') {
      bodyChunks.push(inlineChunk(node));
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  }

  /** The words of one block, with a map back to file lines. */
  function inlineChunk(block: Nodes): Chunk {
    let text = '';
    const segments: Array<{ from: number; line: number; value: string }> = [];
    const code: Array<[number, number]> = [];
    const walk = (node: Nodes) => {
      if (node.type === 'text' || node.type === 'inlineCode') {
        segments.push({ from: text.length, line: lineOf(node), value: node.value });
        if (node.type === 'inlineCode') code.push([text.length, text.length + node.value.length]);
        text += node.value;
      } else if (node.type === 'break') {
        text += ' ';
      } else if ('children' in node) {
        for (const child of node.children) walk(child as Nodes);
      }
    };
    walk(block);
    return {
      file,
      text,
      code,
      lineAt(offset) {
        let seg = segments[0];
        for (const s of segments) if (s.from <= offset) seg = s;
        if (!seg) return lineOf(block);
        return seg.line + (seg.value.slice(0, offset - seg.from).match(/\n/g)?.length ?? 0);
      },
    };
  }
}

/** Keys in area settings whose strings are not words for reading: ids, contact details, times. */
const NOT_WORDS = new Set(['id', 'kind', 'phone', 'number', 'address', 'email', 'mailbox', 'url', 'opens', 'closes', 'word', 'to']);
/** Citations, not words shown as easy read. */
const NOT_READ = new Set(['source', 'sources']);

/** The readable strings of a settings YAML file, and its `picture` values. */
export function readSettings(file: string, source: string): { chunks: Chunk[]; pictures: Array<{ name: string; line: number }> } {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter });
  const chunks: Chunk[] = [];
  const pictures: Array<{ name: string; line: number }> = [];
  walk(doc.contents, undefined);
  return { chunks, pictures };

  function walk(node: unknown, key: string | undefined) {
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (k && NOT_READ.has(k)) continue;
        walk(pair.value, k);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item, key);
    } else if (isScalar(node) && typeof node.value === 'string' && node.range) {
      const line = counter.linePos(node.range[0]).line;
      if (key === 'picture') pictures.push({ name: node.value, line });
      else if (!key || !NOT_WORDS.has(key)) chunks.push(stringChunk(file, node.value, line));
    }
  }
}

export function checkPictures(file: string, pictures: Array<{ name: string; line: number }>, catalogue: Record<string, string>): Problem[] {
  return pictures
    .filter((p) => !Object.hasOwn(catalogue, p.name))
    .map((p) => ({ file, line: p.line, message: `picture "${p.name}" is not in src/pictures/catalogue.json` }));
}

/** A page must cite at least one source: each a title, or a document and its quote (tests/content/sources.ts checks quotes). */
export function checkSources(md: MarkdownFile): Problem[] {
  const sources = md.frontmatter.data.sources;
  const named = (s: { title?: unknown; doc?: unknown; quote?: unknown }) =>
    (typeof s?.title === 'string' && s.title.trim() !== '') || (typeof s?.doc === 'string' && s.quote !== undefined);
  const ok = Array.isArray(sources) && sources.length > 0 && sources.every(named);
  return ok ? [] : [{ file: md.file, line: md.frontmatter.lines.sources ?? 1, message: 'page needs a "sources" list, each with a title, or a doc and a quote' }];
}

/**
 * Page layout rules: no h1 in the body (the title is the h1), and every
 * top-level paragraph is one point that starts with a picture.
 */
export function checkPoints(md: MarkdownFile): Problem[] {
  const problems: Problem[] = [];
  const line = (n: Nodes) => (n.position?.start.line ?? 1) + md.bodyLine - 1;
  for (const node of md.tree.children) {
    if (node.type === 'heading' && node.depth === 1) {
      problems.push({ file: md.file, line: line(node), message: 'no "#" heading in the body: the title is the page heading' });
    }
    if (node.type === 'paragraph') {
      const first = node.children[0];
      if (first?.type !== 'image' || !first.url.startsWith('picture:')) {
        problems.push({ file: md.file, line: line(node), message: 'each point must start with a picture: ![](picture:NAME)' });
      }
    }
  }
  return problems;
}

const PHONE = /(?<![\w/#.-])(?:\+44\s?|0)(?:\d[\s-]?){8,10}\d(?!\w)/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Phone numbers and email addresses live in the area settings only. */
export function checkNoContactDetails(chunks: Chunk[]): Problem[] {
  const problems: Problem[] = [];
  for (const chunk of chunks) {
    for (const re of [PHONE, EMAIL]) {
      for (const m of chunk.text.matchAll(re)) {
        problems.push({ file: chunk.file, line: chunk.lineAt(m.index), message: `"${m[0]}" belongs in area.yaml, shown with a block` });
      }
    }
  }
  return problems;
}

/** Internal links must lead to a page, a known route or a glossary entry. */
export function checkLinks(md: MarkdownFile, pages: Set<string>, glossary: Set<string>, routes: Set<string>): Problem[] {
  const problems: Problem[] = [];
  for (const { url, line } of md.links) {
    if (!url.startsWith('/')) continue;
    const [path = '', hash] = url.split('#');
    const slug = path.replace(/^\//, '');
    if (!pages.has(slug) && !routes.has(path)) {
      problems.push({ file: md.file, line, message: `link "${url}" leads to no page` });
    } else if (path === '/hard-words' && hash && !glossary.has(hash)) {
      problems.push({ file: md.file, line, message: `link "${url}": no glossary entry "${hash}"` });
    }
  }
  return problems;
}

/** All files under `dir` whose names end with `suffix`, sorted. */
export function filesUnder(dir: string, suffix: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, suffix));
    else if (name.endsWith(suffix)) out.push(path);
  }
  return out;
}

interface Project {
  root: string;
  catalogue: Record<string, string>;
  /** Content pages: shared and area pages. */
  pages: MarkdownFile[];
  glossaryFiles: MarkdownFile[];
  glossary: GlossaryEntry[];
  /** Every `.md` under content/, pages and glossary included. */
  markdown: MarkdownFile[];
  settings: Array<{ file: string; chunks: Chunk[]; pictures: Array<{ name: string; line: number }> }>;
}

/** Reads everything the lint checks from a project folder (the repo root). */
export function readProject(root: string): Project {
  const rel = (p: string) => relative(root, p).split(sep).join('/');
  const catalogue = JSON.parse(readFileSync(join(root, 'src/pictures/catalogue.json'), 'utf8')) as Record<string, string>;
  const markdown = filesUnder(join(root, 'content'), '.md').map((p) => readMarkdown(rel(p), readFileSync(p, 'utf8')));
  const isGlossary = (m: MarkdownFile) => m.file.startsWith('content/glossary/');
  const glossaryFiles = markdown.filter(isGlossary);
  const glossary = glossaryFiles.map((m) => ({
    slug: m.file.replace(/^.*\//, '').replace(/\.md$/, ''),
    term: String(m.frontmatter.data.term ?? ''),
    aliases: Array.isArray(m.frontmatter.data.aliases) ? m.frontmatter.data.aliases.map(String) : [],
  }));
  const settingsFiles = [...filesUnder(join(root, 'content/areas'), 'area.yaml'), join(root, 'content/shared/national-crisis-lines.yaml')];
  const settings = settingsFiles.map((p) => ({
    file: rel(p),
    ...readSettings(rel(p), readFileSync(p, 'utf8')),
  }));
  return { root, catalogue, pages: markdown.filter((m) => !isGlossary(m)), glossaryFiles, glossary, markdown, settings };
}

/** Every chunk of words the project shows, from pages, glossary and area settings. */
export const allChunks = (p: Project): Chunk[] => [...p.markdown.flatMap((m) => m.chunks), ...p.settings.flatMap((s) => s.chunks)];

/** A point: a paragraph or list item that starts with its picture, and its words. */
interface PointText {
  line: number;
  text: string;
}

/** The points of a page: each top-level or list-item paragraph that starts with `![](picture:NAME)`. */
function pointsOf(md: MarkdownFile): PointText[] {
  const points: PointText[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'paragraph') {
      const first = node.children[0];
      if (first?.type === 'image' && first.url.startsWith('picture:')) {
        const text = node.children
          .map(function words(child: Nodes): string {
            if (child.type === 'text' || child.type === 'inlineCode') return child.value;
            return 'children' in child ? (child.children as Nodes[]).map(words).join('') : '';
          })
          .join('');
        points.push({ line: (node.position?.start.line ?? 1) + md.bodyLine - 1, text });
      }
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(md.tree);
  return points;
}

/** The most sentences one picture point may hold. */
const MAX_SENTENCES_PER_POINT = 2;

/** One idea per picture: at most two sentences beside each picture. */
export function checkPointSentences(md: MarkdownFile, max = MAX_SENTENCES_PER_POINT): Problem[] {
  return pointsOf(md)
    .map((point) => ({ point, n: splitSentences(point.text).length }))
    .filter(({ n }) => n > max)
    .map(({ point, n }) => ({
      file: md.file,
      line: point.line,
      message: `point has ${n} sentences (at most ${max} beside one picture): "${point.text.trim()}"`,
    }));
}

/**
 * Capitals that stay unexplained on purpose, each with its reason; every
 * other acronym must be a glossary term or alias.
 */
const ACRONYMS_ALLOWED: Readonly<Record<string, string>> = {
  UK: 'an everyday name for the country',
  AA: 'the WCAG level, named beside WCAG, which is explained',
  AAA: 'the higher WCAG level, named beside WCAG',
};

const ACRONYM = /(?<![\p{L}\p{N}])[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*s?(?![\p{L}\p{N}])/gu;

/** Every acronym (two or more capitals) is a glossary term or alias, outside code. */
export function checkAcronyms(chunks: Chunk[], glossary: GlossaryEntry[]): Problem[] {
  const problems: Problem[] = [];
  for (const chunk of chunks) {
    const spans = [...glossarySpans(chunk.text, glossary), ...(chunk.code ?? [])];
    for (const m of chunk.text.matchAll(ACRONYM)) {
      const start = m.index;
      const end = start + m[0].length;
      const word = m[0].replace(/s$/, '');
      if (Object.hasOwn(ACRONYMS_ALLOWED, word) || Object.hasOwn(ACRONYMS_ALLOWED, m[0])) continue;
      if (spans.some(([s, e]) => s <= start && end <= e)) continue;
      problems.push({ file: chunk.file, line: chunk.lineAt(start), message: `acronym "${m[0]}" is not in the glossary` });
    }
  }
  return problems;
}

/** An acronym in brackets, "(BSL)", or brackets inside one, "C(E)TR". */
const BRACKETED = /\(\s*[A-Z][A-Z0-9]+s?\s*\)|[A-Z]\([A-Z]\)[A-Z]+s?/g;

/** Say the word, then "called a X": never an acronym in brackets. */
export function checkBracketedAcronyms(chunks: Chunk[]): Problem[] {
  const problems: Problem[] = [];
  for (const chunk of chunks) {
    for (const m of chunk.text.matchAll(BRACKETED)) {
      problems.push({
        file: chunk.file,
        line: chunk.lineAt(m.index),
        message: `no acronym in brackets: "${m[0]}". Write the words, then "called a ..."`,
      });
    }
  }
  return problems;
}

/** The same word for the same thing across the site: the word to use, and the words that mean the same. */
const SYNONYMS: ReadonlyArray<{ use: string; not: readonly string[] }> = [
  { use: 'keyworker', not: ['key worker', 'key-worker'] },
  { use: 'crisis line', not: ['helpline', 'hotline', 'crisis number'] },
  { use: 'ask to join', not: ['self-refer', 'sign up', 'apply to join'] },
  { use: 'mental health hospital', not: ['psychiatric hospital', 'mental hospital', 'inpatient unit'] },
  { use: 'review meeting', not: ['C(E)TR'] },
  { use: 'carer', not: ['caregiver', 'care giver'] },
  { use: 'DSR team', not: ['register team', 'DSR staff'] },
];

export function checkSynonyms(chunks: Chunk[], synonyms = SYNONYMS): Problem[] {
  const problems: Problem[] = [];
  for (const chunk of chunks) {
    for (const { use, not } of synonyms) {
      for (const word of not) {
        const re = new RegExp(`(?<![\\p{L}])${escape(word)}(?![\\p{L}])`, 'giu');
        for (const m of chunk.text.matchAll(re)) {
          problems.push({ file: chunk.file, line: chunk.lineAt(m.index), message: `say "${use}", not "${m[0]}"` });
        }
      }
    }
  }
  return problems;
}
