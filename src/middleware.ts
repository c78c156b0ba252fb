import { randomUUID } from 'node:crypto';
import { defineMiddleware } from 'astro:middleware';
import { CLIENT_ADDRESS_HEADER } from './http/client-address.ts';
import { httpLog } from './http/log.ts';
import { allowPost } from './http/rate-limit.ts';

const RATE_LIMITED_PAGE = '/too-many-requests';

export const onRequest = defineMiddleware(async (context, next) => {
  const started = performance.now();
  const requestId = randomUUID();
  const entry = { requestId, method: context.request.method, route: context.routePattern };
  const ms = () => Math.round(performance.now() - started);
  try {
    if (context.request.method === 'POST' && context.url.pathname !== RATE_LIMITED_PAGE) {
      // The production server sets this header from the socket or a trusted proxy; `astro dev` has only clientAddress.
      const address = context.request.headers.get(CLIENT_ADDRESS_HEADER) ?? context.clientAddress;
      if (!(await allowPost(address))) {
        httpLog.warn({ ...entry, status: 429, ms: ms() }, 'rate limited');
        return context.rewrite(RATE_LIMITED_PAGE);
      }
    }
    const response = await next();
    httpLog.info({ ...entry, status: response.status, ms: ms() }, 'request');
    return response;
  } catch (error) {
    httpLog.error({ ...entry, error: (error as Error)?.name ?? 'Error', ms: ms() }, 'request failed');
    throw error;
  }
});
