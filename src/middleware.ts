import { randomUUID } from 'node:crypto';
import { defineMiddleware } from 'astro:middleware';
import { CLIENT_ADDRESS_HEADER, isServedByWrapper } from './http/client-address.ts';
import { withCommonHeaders } from './http/headers.ts';
import { errorFields, httpLog } from './http/log.ts';
import { allowPost } from './http/rate-limit.ts';

const RATE_LIMITED_PAGE = '/too-many-requests';

/** What a visitor sees when something breaks: no detail, a way to get help. */
const FAILED_PAGE =
  '<!doctype html><html lang="en-GB"><meta charset="utf-8"><title>Something went wrong</title>' +
  '<h1>Something went wrong</h1><p>Sorry, there is a problem with this website. Try again later.</p>' +
  '<p>If you need help now, <a href="/crisis">see the crisis lines</a>.</p></html>';

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
        return context.rewrite(RATE_LIMITED_PAGE);
      }
    }
    const response = await next();
    httpLog.info({ ...entry, status: response.status, ms: ms() }, 'request');
    // src/server.ts sets these on every response; without it (astro dev, entry.mjs alone) set them here.
    if (isServedByWrapper()) return response;
    return withCommonHeaders(response, context.url.pathname, context.url.protocol === 'https:', !import.meta.env.DEV);
  } catch (error) {
    // Answered here rather than rethrown: Astro would print the error's message, which may quote what was sent.
    httpLog.error({ ...entry, status: 500, ...errorFields(error), ms: ms() }, 'request failed');
    return new Response(FAILED_PAGE, {
      status: 500,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
});
