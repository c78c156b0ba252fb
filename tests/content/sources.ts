/**
 * The source-quote check: every fact in an area's settings, in the national
 * crisis lines and in an area's own pages carries a short verbatim quote,
 * and each quote is found in the stored text copy of the document it names
 * (after whitespace, quote marks and dashes are made the same). Values that
 * matter most (phone numbers, email addresses, opening times, ages, working
 * days, places) must appear in their own fact's quotes, so changing a number
 * without its source fails too.
 *
 * Each check returns problems naming the file and the field; an empty list
 * means every fact is traceable.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { parse } from 'yaml';
import {
  AreaSchema,
  NationalLineSchema,
  SourceDocumentSchema,
  type FactSource,
  type SourceDocument,
} from '../../src/area/schema.ts';
import { formatSettingsTime } from '../../src/time/easy-read-time.ts';
import { PageSchema } from '../../src/content/page-schema.ts';
import { filesUnder, splitFrontmatter } from './easy-read.ts';

export interface SourceProblem {
  file: string;
  /** Dot path of the field, like `crisisLines.0.source.quote.1`. */
  field: string;
  message: string;
}

export const formatProblem = (p: SourceProblem) => `${p.file}: ${p.field}: ${p.message}`;

/** Whitespace runs become one space; curly quotes, primes and dashes become plain ones. */
export function normalise(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A document with its stored copy read and normalised, or why it could not be. */
interface LoadedDocument {
  doc: SourceDocument;
  text?: string;
  error?: string;
}

/** Reads each document's `copy`, a path from the project folder. */
export function loadDocuments(root: string, docs: SourceDocument[]): Map<string, LoadedDocument> {
  const loaded = new Map<string, LoadedDocument>();
  for (const doc of docs) {
    const file = path.resolve(root, doc.copy);
    if (!existsSync(file)) loaded.set(doc.id, { doc, error: `the stored copy ${doc.copy} does not exist` });
    else loaded.set(doc.id, { doc, text: normalise(readFileSync(file, 'utf8')) });
  }
  return loaded;
}

/** Where a portal's own promise may stand: its own routes and their reply promises, never an area fact. */
const OWN_ALLOWED = /^(join\.onlineForm|reply\.[a-zA-Z]+)\.source$/;

const quotesOf = (source: FactSource): string[] =>
  'quote' in source ? (Array.isArray(source.quote) ? source.quote : [source.quote]) : [];

const digits = (s: string) => s.replace(/\D/g, '');

/**
 * What a fact's own values must find in its quotes. `owner` is the object
 * that holds the `source`.
 */
function valueProblems(owner: Record<string, unknown>, quotes: string[]): string[] {
  const joined = normalise(quotes.join(' | '));
  const lower = joined.toLowerCase();
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) problems.push(`${what} is not in the fact's quote`);
  };
  for (const key of ['phone', 'number'] as const) {
    const value = owner[key];
    if (typeof value === 'string' && /\d/.test(value)) need(digits(joined).includes(digits(value)), `${key} "${value}"`);
  }
  for (const key of ['email', 'address'] as const) {
    const value = owner[key];
    if (typeof value === 'string' && value.includes('@')) need(lower.includes(value.toLowerCase()), `${key} "${value}"`);
  }
  for (const key of ['workingDays', 'fromAge', 'maxAge'] as const) {
    const value = owner[key];
    // A register's maxAge is "under 18" in words; only ages said as they are are checked.
    if (typeof value === 'number' && !('minAge' in owner && key === 'maxAge'))
      need(new RegExp(`(?<!\\d)${value}(?!\\d)`).test(joined), `${key} ${value}`);
  }
  const list = owner['list'];
  if (Array.isArray(list)) for (const item of list) need(lower.includes(String(item).toLowerCase()), `"${item}"`);
  const hours = owner['hours'] as { kind: string; times?: { opens: string; closes: string }[] } | undefined;
  // 999 answers at every hour by its nature; every other line must be quoted as open day and night.
  if (hours?.kind === 'always' && owner['phone'] !== '999') need(joined.includes('24/7'), 'open day and night ("24/7")');
  if (hours?.kind === 'weekly') {
    const bank = (owner['hours'] as { bankHolidays?: { opens: string; closes: string } }).bankHolidays;
    for (const { opens, closes } of [...(hours.times ?? []), ...(bank ? [bank] : [])]) {
      for (const t of [opens, closes]) need(lower.includes(formatSettingsTime(t)), `time ${t} ("${formatSettingsTime(t)}")`);
    }
  }
  return problems;
}

/** Every `source` in parsed settings, with the dot path of the object that holds it. */
function sourcesIn(value: unknown, at: string[] = []): { path: string[]; owner: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => sourcesIn(item, [...at, String(i)]));
  if (!value || typeof value !== 'object') return [];
  const owner = value as Record<string, unknown>;
  const found = 'source' in owner ? [{ path: at, owner }] : [];
  for (const [key, child] of Object.entries(owner)) if (key !== 'source') found.push(...sourcesIn(child, [...at, key]));
  return found;
}

/** Checks each quoted source in `data` against the documents; `docs` are those the file may quote. */
function checkQuotes(file: string, data: unknown, docs: Map<string, LoadedDocument>): SourceProblem[] {
  const problems: SourceProblem[] = [];
  for (const { path: at, owner } of sourcesIn(data)) {
    const source = owner['source'] as FactSource;
    const field = [...at, 'source'].join('.');
    if ('own' in source) {
      if (!OWN_ALLOWED.test(field))
        problems.push({ file, field, message: 'only the portal\'s own ways to ask and reply promises may be "own"' });
      continue;
    }
    const loaded = docs.get(source.doc);
    if (!loaded) {
      problems.push({ file, field: `${field}.doc`, message: `no source document "${source.doc}" in this file's sources` });
      continue;
    }
    if (loaded.error) {
      problems.push({ file, field: `${field}.doc`, message: loaded.error });
      continue;
    }
    const quotes = quotesOf(source);
    quotes.forEach((quote, i) => {
      if (!loaded.text!.includes(normalise(quote))) {
        const where = Array.isArray(source.quote) ? `${field}.quote.${i}` : `${field}.quote`;
        problems.push({ file, field: where, message: `"${quote}" is not in ${loaded.doc.copy}` });
      }
    });
    for (const message of valueProblems(owner, quotes)) problems.push({ file, field: at.join('.') || field, message });
  }
  return problems;
}

/** valibot's complaints as problems: a missing `source` shows up here. */
function schemaProblems(file: string, result: v.SafeParseResult<v.GenericSchema>): SourceProblem[] {
  if (result.success) return [];
  return result.issues.map((issue) => ({
    file,
    field: v.getDotPath(issue) ?? '(file)',
    message: issue.message,
  }));
}

/** An area's settings: valid, every source document readable, every quote found. */
export function checkAreaSettings(
  root: string,
  file: string,
  yamlText: string,
  shared: Map<string, LoadedDocument>,
): SourceProblem[] {
  const data = parse(yamlText) as Record<string, unknown>;
  const result = v.safeParse(AreaSchema, data);
  const problems = schemaProblems(file, result);
  const docs = new Map(shared);
  const listed = Array.isArray(data?.['sources']) ? (data['sources'] as unknown[]) : [];
  const valid = listed.filter((d) => v.is(SourceDocumentSchema, d)) as SourceDocument[];
  for (const [id, loaded] of loadDocuments(root, valid)) docs.set(id, loaded);
  for (const [i, doc] of valid.entries()) {
    const loaded = docs.get(doc.id);
    if (loaded?.error) problems.push({ file, field: `sources.${i}.copy`, message: loaded.error });
  }
  return [...problems, ...checkQuotes(file, data, docs)];
}

/** The national crisis lines: each valid and quoted from a shared document. */
export function checkNationalLines(file: string, yamlText: string, shared: Map<string, LoadedDocument>): SourceProblem[] {
  const data = parse(yamlText) as unknown;
  const result = v.safeParse(v.array(NationalLineSchema), data);
  return [...schemaProblems(file, result), ...checkQuotes(file, data, shared)];
}

/**
 * A page's quoted sources are found in their documents. An area's own page
 * (`areaDocs` given) must quote at least one of its area's documents.
 */
export function checkPageSources(
  file: string,
  markdown: string,
  docs: Map<string, LoadedDocument>,
  areaDocs?: Set<string>,
): SourceProblem[] {
  const { frontmatter } = splitFrontmatter(markdown);
  const result = v.safeParse(PageSchema, frontmatter.data);
  const problems = schemaProblems(file, result);
  const sources = Array.isArray(frontmatter.data['sources']) ? (frontmatter.data['sources'] as unknown[]) : [];
  // Citations (a title and address) are not checked; quoted sources are. Other entries stay as holes so indexes match.
  const quoted = sources.map((source) => (source && typeof source === 'object' && 'doc' in source ? { source } : null));
  problems.push(
    ...checkQuotes(file, quoted, docs).map((p) => ({
      ...p,
      field: `sources.${p.field.replace(/\.source(?=\.|$)/, '')}`,
    })),
  );
  if (areaDocs) {
    const quotesArea = sources.some((s) => s && typeof s === 'object' && 'doc' in s && areaDocs.has(String(s.doc)));
    if (!quotesArea)
      problems.push({ file, field: 'sources', message: "an area's own page must quote its area's source documents" });
  }
  return problems;
}

/** Everything: the shared documents, the national lines, each area's settings and pages. */
export function checkProjectSources(root: string): SourceProblem[] {
  const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');
  const sharedFile = path.join(root, 'content/shared/sources.yaml');
  const sharedList = parse(readFileSync(sharedFile, 'utf8')) as SourceDocument[];
  const problems = schemaProblems(rel(sharedFile), v.safeParse(v.array(SourceDocumentSchema), sharedList));
  const shared = loadDocuments(root, sharedList);
  for (const [i, doc] of sharedList.entries()) {
    const error = shared.get(doc.id)?.error;
    if (error) problems.push({ file: rel(sharedFile), field: `${i}.copy`, message: error });
  }
  const national = path.join(root, 'content/shared/national-crisis-lines.yaml');
  problems.push(...checkNationalLines(rel(national), readFileSync(national, 'utf8'), shared));

  for (const settings of filesUnder(path.join(root, 'content/areas'), 'area.yaml')) {
    const text = readFileSync(settings, 'utf8');
    problems.push(...checkAreaSettings(root, rel(settings), text, shared));
    const areaList = ((parse(text) as { sources?: SourceDocument[] })?.sources ?? []).filter((d) =>
      v.is(SourceDocumentSchema, d),
    );
    const docs = new Map([...shared, ...loadDocuments(root, areaList)]);
    const pagesDir = path.join(path.dirname(settings), 'pages');
    if (!existsSync(pagesDir)) continue;
    for (const page of filesUnder(pagesDir, '.md')) {
      const areaIds = new Set(areaList.map((d) => d.id));
      problems.push(...checkPageSources(rel(page), readFileSync(page, 'utf8'), docs, areaIds));
    }
  }
  for (const page of filesUnder(path.join(root, 'content/shared/pages'), '.md')) {
    problems.push(...checkPageSources(rel(page), readFileSync(page, 'utf8'), shared));
  }
  return problems;
}
