/**
 * Content pages kept in memory, already compressed, until the crisis-line
 * statuses they show could change. Between those instants a content page's
 * bytes are the same for everyone, so the production server (src/server.ts)
 * answers from here without rendering.
 *
 * Contract: only pages that say `Cache-Control: no-cache` (content pages,
 * which carry no personal data) are kept, only for GET requests with no
 * query, and only when the render recorded when its statuses end
 * (src/cache/status-period.ts). Form pages and answers to posts say
 * `no-store` and never come here.
 *
 * The store lives on globalThis because this module is loaded twice: by
 * src/server.ts, which reads it, and bundled into Astro's dist/ with the
 * middleware, which fills it.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

interface CachedPage {
  /** A weak validator: the same for each encoding of the same bytes. */
  etag: string;
  /** The page reads right from this instant (when it was rendered)... */
  from: Date;
  /** ...until this one, the first at which it could read differently. */
  until: Date;
  /** The page's own headers (Content-Type, its Content-Security-Policy, Cache-Control). */
  headers: Record<string, string>;
  bodies: { identity: Buffer; gzip: Buffer; br: Buffer };
}

/** Far more than the site's pages; a bound in case a route ever answers 200 for any path. */
const MOST_PAGES = 500;

const SLOT = Symbol.for('dsr.pageCache');
type Slot = { [SLOT]?: Map<string, CachedPage> };

function store(): Map<string, CachedPage> {
  const slot = globalThis as Slot;
  return (slot[SLOT] ??= new Map());
}

/** The page at `path` as it reads at `at`, or undefined when it must be rendered. */
export function cachedPage(path: string, at: Date): CachedPage | undefined {
  const page = store().get(path);
  // Before `from` too: a clock set back (or a test stepping it) must not see a later page.
  return page && page.from <= at && at < page.until ? page : undefined;
}

export function keepPage(path: string, page: CachedPage): void {
  const pages = store();
  if (!pages.has(path) && pages.size >= MOST_PAGES) pages.clear();
  pages.set(path, page);
}

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** The validator for a page's (or a static file's) bytes. */
export function pageEtag(bytes: Buffer): string {
  return `W/"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
}

/** A page ready to keep: compressed once, at the strongest settings, since it is sent many times. */
export async function preparePage(
  html: Buffer,
  headers: Record<string, string>,
  period: { from: Date; until: Date },
): Promise<CachedPage> {
  const [gz, br] = await Promise.all([
    gzip(html, { level: zlib.constants.Z_BEST_COMPRESSION }),
    brotli(html, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: html.length,
      },
    }),
  ]);
  return { etag: pageEtag(html), ...period, headers, bodies: { identity: html, gzip: gz, br } };
}

/** True when an If-None-Match header names this validator (weak comparison, as for GET). */
export function matchesEtag(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}
