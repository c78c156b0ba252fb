import type { IncomingMessage } from 'node:http';

/** The header the production server uses to tell the app the client's address. */
export const CLIENT_ADDRESS_HEADER = 'x-dsr-client-address';

/** Proxies whose X-Forwarded-For we believe, from TRUSTED_PROXIES ("127.0.0.1,::1"). */
export function trustedProxies(env = process.env): Set<string> {
  return new Set((env.TRUSTED_PROXIES ?? '').split(',').map((s) => s.trim()).filter(Boolean));
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
  const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return forwarded.length > 0 ? normalise(forwarded.at(-1)!) : peer;
}
