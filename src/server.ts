/**
 * The production server: `node src/server.ts` after `astro build`.
 * Astro's standalone handler serves pages and static files; this wrapper adds
 * what must apply to every response, static files included: compression,
 * long caching for content-hashed files and the security headers.
 */
import compression from 'compression';
import { existsSync, readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { DEFAULT_AREA } from './area/default.ts';
import { BODY_LIMIT, refuseLargeBody } from './http/body-limit.ts';
import { CLIENT_ADDRESS_HEADER, clientAddress, trustedProxies } from './http/client-address.ts';
import { setCommonHeaders } from './http/headers.ts';
import { startQueue } from './queue/index.ts';

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const root = path.resolve(import.meta.dirname, '..');
const entry = path.join(root, 'dist/server/entry.mjs');
if (!existsSync(entry)) {
  console.error('The site is not built yet. Run `npm start`, or `npm run build` first.');
  process.exit(1);
}

const area = process.env.DSR_AREA || DEFAULT_AREA;
const areas = readdirSync(path.join(root, 'content/areas'));
if (!areas.includes(area)) {
  console.error(`DSR_AREA="${area}" is not an area. Choose one of: ${areas.join(', ')}.`);
  process.exit(1);
}

await startQueue();
const { handler } = await import(entry);
const compress = compression();
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '0.0.0.0';

const proxies = trustedProxies();
const publicHttps = process.env.PUBLIC_ORIGIN?.startsWith('https:') ?? false;

const server = http.createServer((req, res) => {
  setCommonHeaders(req, res, publicHttps || 'encrypted' in req.socket);
  if (refuseLargeBody(req, res)) return;
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req, proxies);
  compress(req as never, res as never, () => handler(req, res));
});
server.maxRequestsPerSocket = 0;
server.headersTimeout = 20_000;
server.requestTimeout = 30_000;
server.listen(port, host, () => {
  console.log(`DSR portal for ${area} at http://localhost:${port} (request bodies up to ${BODY_LIMIT / 1024} KB)`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
