/**
 * The pages of a running server, from its /sitemap.xml: tests discover pages
 * there instead of keeping their own list.
 */

/** The paths listed in `${origin}/sitemap.xml`, for example ['/', '/colours']. */
export async function listPages(origin: string): Promise<string[]> {
  const url = new URL('/sitemap.xml', origin);
  const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  const xml = await response.text();
  const locs = [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((match) => decodeXml(match[1] ?? ''));
  if (locs.length === 0) throw new Error(`${url} lists no <loc>`);
  const paths = locs.map((loc) => {
    const page = new URL(loc, origin);
    return `${page.pathname}${page.search}`;
  });
  return [...new Set(paths)];
}

/** Full URLs on `origin` for every page in its sitemap. */
export async function listPageUrls(origin: string): Promise<string[]> {
  return (await listPages(origin)).map((page) => new URL(page, origin).href);
}

/** The slug of a page path: '/colours' gives 'colours', '/' gives ''. */
export function slugOf(pagePath: string): string {
  return pagePath.replace(/^\/+|\/+$/g, '');
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
