import { randomUUID } from 'node:crypto';
import { defineMiddleware } from 'astro:middleware';
import { CLIENT_ADDRESS_HEADER, isServedByWrapper } from './http/client-address.ts';
import { withCommonHeaders } from './http/headers.ts';
import { errorFields, httpLog } from './http/log.ts';
import { failedPage, withHardWordsLinkedOnce } from './http/error-response.ts';
import { allowPost } from './http/rate-limit.ts';
import { keepContentPage } from './cache/keep.ts';
import { withChoicesKept } from './reading/display/keep-in-links.ts';
import { withSentencesMarked } from './reading/listen/response.ts';

const RATE_LIMITED_PAGE = '/too-many-requests';

/** Astro's route for src/pages/500.astro: when it fails too, the plain page is sent. */
const ERROR_PAGE_ROUTE = '/500';

export const onRequest = defineMiddleware(async (context, next) => {
  const started = performance.now();
  const requestId = randomUUID();
  const entry = { requestId, method: context.request.method, route: context.routePattern };
  const ms = () => Math.round(performance.now() - started);
  try {
    if (context.request.method === 'POST' && context.url.pathname !== RATE_LIMITED_PAGE) {
      // The production server (src/server.ts) always sets this header itself, from the socket or a
      // trusted proxy. Anywhere else (`astro dev`, entry.mjs on its own) a client could send it, so it
      // is ignored there and Astro's clientAddress is used.
      const fromServer = isServedByWrapper() ? context.request.headers.get(CLIENT_ADDRESS_HEADER) : null;
      const address = fromServer ?? context.clientAddress;
      if (!(await allowPost(address))) {
        httpLog.warn({ ...entry, status: 429, ms: ms() }, 'rate limited');
        return withSentencesMarked(await withHardWordsLinkedOnce(await context.rewrite(RATE_LIMITED_PAGE)));
      }
    }
    // Read in full here, so a failure while rendering is caught below; each hard word is linked once,
    // sentences are marked for Listen before a content page is kept, and display choices in the address
    // are kept in its links.
    const page = await withSentencesMarked(await withHardWordsLinkedOnce(await next()));
    const response = await keepContentPage(context, await withChoicesKept(page, context.url));
    httpLog.info({ ...entry, status: response.status, ms: ms() }, 'request');
    // src/server.ts sets these on every response; without it (astro dev, entry.mjs alone) set them here.
    if (isServedByWrapper()) return response;
    return withCommonHeaders(response, context.url.pathname, context.url.protocol === 'https:', !import.meta.env.DEV);
  } catch (error) {
    // Answered here rather than rethrown: Astro would print the error's message, which may quote what was sent.
    httpLog.error({ ...entry, status: 500, ...errorFields(error), ms: ms() }, 'request failed');
    // An empty 500 makes Astro render src/pages/500.astro; if that fails too, the plain page.
    if (context.routePattern !== ERROR_PAGE_ROUTE) return new Response(null, { status: 500 });
    return new Response(await failedPage(), {
      status: 500,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
});
