import type { IncomingMessage, ServerResponse } from 'node:http';

/** Files whose names carry a content hash never change, so browsers may keep them for a year. */
const HASHED_FILE = /^\/(_astro|pictures)\/[^/]+\.[0-9a-zA-Z_-]{8,}\.(svg|js|css|woff2)$/;

/** Browser features this site never uses. */
const PERMISSIONS =
  'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), ' +
  'magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), serial=(), usb=(), ' +
  'screen-wake-lock=(), xr-spatial-tracking=(), browsing-topics=()';

/**
 * Headers every response carries, whatever produced it (Astro or the static
 * file server). Astro replaces the Content-Security-Policy on pages with its
 * own, which also says frame-ancestors 'none'; this one covers static files.
 * `https` is true when the browser's connection is TLS (directly, or at a
 * trusted proxy).
 */
export function setCommonHeaders(req: IncomingMessage, res: ServerResponse, https: boolean): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on form posts, which Astro's origin check refuses.
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('Content-Security-Policy', "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'");
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Permissions-Policy', PERMISSIONS);
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  if (https) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  const pathname = (req.url ?? '/').split('?')[0] ?? '/';
  res.setHeader('Cache-Control', HASHED_FILE.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-store');
}
