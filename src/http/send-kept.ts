import type { IncomingMessage, ServerResponse } from 'node:http';
import { matchesEtag } from '../cache/pages.ts';
import { chooseEncoding } from './encoding.ts';

/** Bytes kept in memory in up to three encodings, with the headers they are sent with. */
export interface KeptResponse {
  etag: string;
  headers: Record<string, string>;
  bodies: { identity: Buffer; gzip?: Buffer | undefined; br?: Buffer | undefined };
}

/**
 * Sends a kept page or file: 304 when the browser's copy is current, else
 * the best encoding it accepts, with Vary and an exact Content-Length; HEAD
 * gets the headers only. The common headers (src/http/headers.ts) are
 * already set on `res`; the kept headers replace them where both are set.
 */
export function sendKept(req: IncomingMessage, res: ServerResponse, kept: KeptResponse): void {
  for (const [name, value] of Object.entries(kept.headers)) res.setHeader(name, value);
  res.setHeader('ETag', kept.etag);
  res.setHeader('Vary', 'Accept-Encoding');
  if (matchesEtag(req.headers['if-none-match'], kept.etag)) {
    res.removeHeader('Content-Type');
    res.writeHead(304);
    res.end();
    return;
  }
  const wanted = chooseEncoding(req.headers['accept-encoding']);
  const encoding = wanted !== 'identity' && kept.bodies[wanted] ? wanted : 'identity';
  const body = kept.bodies[encoding] ?? kept.bodies.identity;
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', body.length);
  res.writeHead(200);
  res.end(req.method === 'HEAD' ? undefined : body);
}
