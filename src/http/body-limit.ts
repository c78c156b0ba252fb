import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The largest request body the site reads; the biggest real form is a few KB.
 * The one place this limit is written: the production server, the form reader
 * and Astro's adapter (astro.config.mjs, for bodies of unknown length) use it.
 */
export const BODY_LIMIT = 64 * 1024;

/**
 * Answers 413 before reading a body whose declared length is over the limit.
 * Returns true when it has answered.
 */
export function refuseLargeBody(req: IncomingMessage, res: ServerResponse): boolean {
  const length = Number(req.headers['content-length'] ?? 0);
  if (!(length > BODY_LIMIT)) return false;
  res.writeHead(413, { 'Content-Type': 'text/html; charset=utf-8', Connection: 'close' });
  res.end(
    '<!doctype html><html lang="en-GB"><meta charset="utf-8"><title>Too much to send</title>' +
      '<h1>Too much to send</h1><p>What you sent is too big. Write less and try again.</p>' +
      '<p>If you need help now, <a href="/crisis">see the crisis lines</a>.</p></html>',
  );
  req.resume();
  return true;
}
