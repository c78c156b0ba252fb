import type { IncomingMessage } from 'node:http';

/** The header the production server uses to tell the app the client's address. */
export const CLIENT_ADDRESS_HEADER = 'x-dsr-client-address';

/**
 * Request headers that only a proxy may set. The production server reads what
 * it needs from them (the client's address, from a trusted proxy only) and
 * removes them all before the app sees the request, so nothing downstream
 * (Astro's `clientAddress`, its origin check, a page) can be fooled by them.
 */
const PROXY_HEADERS = [
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'forwarded',
  'x-real-ip',
] as const;

/**
 * This module is loaded twice in production (by src/server.ts, and bundled
 * into Astro's dist/), so the "served by the wrapper" mark lives on globalThis.
 */
const WRAPPED = Symbol.for('dsr.http.served-by-wrapper');

/** Called once by src/server.ts: from now on, the client-address header is ours. */
export function markServedByWrapper(): void {
  (globalThis as Record<symbol, unknown>)[WRAPPED] = true;
}

/**
 * True only inside the production server, which always overwrites the
 * client-address header. Anywhere else (`astro dev`, or dist/server/entry.mjs
 * started on its own) the header could come from the client, so the
 * middleware must not believe it.
 */
export function isServedByWrapper(): boolean {
  return (globalThis as Record<symbol, unknown>)[WRAPPED] === true;
}

function normalise(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/**
 * The client's address. X-Forwarded-For is read only when the connection
 * comes from a trusted proxy, and then only its last entry: the one that
 * proxy added itself. Anything a client writes into the header is ignored.
 */
export function clientAddress(req: IncomingMessage, proxies: Set<string>): string {
  const peer = normalise(req.socket.remoteAddress ?? 'unknown');
  if (!proxies.has(peer)) return peer;
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return forwarded.length > 0 ? normalise(forwarded.at(-1)!) : peer;
}

/**
 * Prepares a request for the app, in place: the client's address goes in
 * CLIENT_ADDRESS_HEADER (whatever the client put there is replaced), the
 * proxy headers are removed, and with PUBLIC_ORIGIN set the request is made
 * to look addressed to the public origin (Host, and TLS when it is https).
 *
 * Why the last part: Astro's Node adapter builds the request URL from the
 * Host header and the socket alone, ignoring X-Forwarded-Proto, and its
 * origin check compares the browser's Origin with that URL. Behind a proxy
 * that terminates TLS every form post would be refused (Origin https://…,
 * URL http://…). The site has exactly one public origin, so the server says
 * so, and a client cannot choose another with a Host header.
 */
export function prepareRequest(req: IncomingMessage, proxies: Set<string>, origin: URL | undefined): void {
  const address = clientAddress(req, proxies);
  for (const name of PROXY_HEADERS) delete req.headers[name];
  req.headers[CLIENT_ADDRESS_HEADER] = address;
  if (!origin) return;
  req.headers.host = origin.host;
  if (origin.protocol === 'https:' && !('encrypted' in req.socket)) {
    // What Astro's adapter checks (`"encrypted" in req.socket && req.socket.encrypted`) to choose https.
    Object.defineProperty(req.socket, 'encrypted', { value: true, configurable: true });
  }
}
