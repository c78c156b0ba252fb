import type { APIContext } from 'astro';
import { isServedByWrapper } from '../http/client-address.ts';
import { keepPage, matchesEtag, pageEtag, preparePage } from './pages.ts';

/** What a content page sets; src/http/headers.ts gives everything else `no-store`. */
export const CONTENT_PAGE_CACHE_CONTROL = 'no-cache';

/**
 * For the middleware, after a page has rendered: a content page gets its
 * ETag (and 304 when the browser's copy is current) and, under the
 * production server, is kept until its statuses could change. Any other
 * response is returned as it is.
 */
export async function keepContentPage(context: APIContext, response: Response): Promise<Response> {
  const { request, locals, url } = context;
  if (request.method !== 'GET' && request.method !== 'HEAD') return response;
  if (response.status !== 200 || response.headers.get('Cache-Control') !== CONTENT_PAGE_CACHE_CONTROL) return response;
  const html = Buffer.from(await response.arrayBuffer());
  const etag = pageEtag(html);
  const headers = Object.fromEntries(response.headers);
  const { statusFrom: from, statusUntil: until } = locals;
  if (isServedByWrapper() && url.search === '' && from && until) {
    keepPage(url.pathname, await preparePage(html, headers, { from, until }));
  }
  const replyHeaders = new Headers(response.headers);
  replyHeaders.set('ETag', etag);
  if (matchesEtag(request.headers.get('If-None-Match'), etag)) {
    replyHeaders.delete('Content-Type');
    return new Response(null, { status: 304, headers: replyHeaders });
  }
  return new Response(html, { status: 200, headers: replyHeaders });
}
