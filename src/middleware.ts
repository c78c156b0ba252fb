import { randomUUID } from 'node:crypto';
import { defineMiddleware } from 'astro:middleware';
import { httpLog } from './http/log.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const started = performance.now();
  const requestId = randomUUID();
  const entry = { requestId, method: context.request.method, route: context.routePattern };
  try {
    const response = await next();
    httpLog.info({ ...entry, status: response.status, ms: Math.round(performance.now() - started) }, 'request');
    return response;
  } catch (error) {
    httpLog.error({ ...entry, error: (error as Error)?.name ?? 'Error', ms: Math.round(performance.now() - started) }, 'request failed');
    throw error;
  }
});
