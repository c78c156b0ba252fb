import type { IncomingMessage, ServerResponse } from 'node:http';

/** Files whose names carry a content hash never change, so browsers may keep them for a year. */
const HASHED_FILE = /^\/(_astro|pictures)\/[^/]+\.[0-9a-zA-Z_-]{8,}\.(svg|js|css|woff2)$/;

/** Headers every response carries, whatever produced it (Astro or the static file server). */
export function setCommonHeaders(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Content-Security-Policy', "frame-ancestors 'none'");
  const pathname = (req.url ?? '/').split('?')[0] ?? '/';
  if (HASHED_FILE.test(pathname)) {
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  }
}
