import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The largest request body the site reads; the biggest real form is a few KB.
 * The one place this limit is written: the production server, the form reader
 * and Astro's adapter (astro.config.mjs, for bodies of unknown length) use it.
 */
export const BODY_LIMIT = 64 * 1024;

/**
 * Answers 413 before reading a body whose declared length is over the limit,
 * with `page()` (src/http/help-page.ts: crisis lines and how to contact the
 * team). Returns true when it has answered.
 */
export function refuseLargeBody(req: IncomingMessage, res: ServerResponse, page: () => string): boolean {
  const length = Number(req.headers['content-length'] ?? 0);
  if (!(length > BODY_LIMIT)) return false;
  res.writeHead(413, { 'Content-Type': 'text/html; charset=utf-8', Connection: 'close' });
  res.end(page());
  req.resume();
  return true;
}
