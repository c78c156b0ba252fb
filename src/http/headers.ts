import type { IncomingMessage, ServerResponse } from 'node:http';

/** Files whose names carry a content hash never change, so browsers may keep them for a year. */
export const HASHED_FILE = /^\/(_astro|pictures)\/[^/]+\.[0-9a-zA-Z_-]{8,}\.(svg|js|css|woff2)$/;

/** Browser features this site never uses. */
const PERMISSIONS =
  'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), ' +
  'magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), serial=(), usb=(), ' +
  'screen-wake-lock=(), xr-spatial-tracking=(), browsing-topics=()';

/** For responses that are not pages (static files, JSON, redirects, errors); pages get Astro's, with hashes. */
const FALLBACK_CSP = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/**
 * The headers every response carries. `https` is true when the browser's
 * connection is TLS (directly, or at the proxy in front: PUBLIC_ORIGIN https).
 */
function commonHeaders(pathname: string, https: boolean): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    // same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on form posts, which Astro's origin check refuses.
    'Referrer-Policy': 'same-origin',
    'Content-Security-Policy': FALLBACK_CSP,
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': PERMISSIONS,
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
    'Cache-Control': HASHED_FILE.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-store',
  };
}

/**
 * Sets them on a Node response, whatever produces it next (Astro or the
 * static file server). Astro replaces the Content-Security-Policy on pages
 * with its own, which also says frame-ancestors 'none'.
 */
export function setCommonHeaders(req: IncomingMessage, res: ServerResponse, https: boolean): void {
  const pathname = (req.url ?? '/').split('?')[0] ?? '/';
  for (const [name, value] of Object.entries(commonHeaders(pathname, https))) res.setHeader(name, value);
}

/**
 * The same headers on a response the app made, where it has not set its
 * own: for `astro dev` and for dist/server/entry.mjs run without
 * src/server.ts, which have no wrapper to set them. `withCsp` is false in
 * `astro dev`, whose pages need inline scripts (Astro's CSP does not run there).
 */
export function withCommonHeaders(response: Response, pathname: string, https: boolean, withCsp = true): Response {
  const wanted = Object.entries(commonHeaders(pathname, https)).filter(
    ([name]) => !response.headers.has(name) && (withCsp || name !== 'Content-Security-Policy'),
  );
  if (wanted.length === 0) return response;
  try {
    for (const [name, value] of wanted) response.headers.set(name, value);
    return response;
  } catch {
    // Immutable headers (Response.redirect, Response.error): copy the response.
    const copy = new Response(response.body, response);
    for (const [name, value] of wanted) copy.headers.set(name, value);
    return copy;
  }
}
