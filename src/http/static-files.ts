/**
 * The built static files (pictures, scripts, the icon) held in memory with
 * the brotli and gzip copies made at build time (src/http/precompress.ts),
 * so a request for one costs no disk access and no compression. The folder
 * is small (well under 1 MB) and never changes while the server runs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pageEtag } from '../cache/pages.ts';
import { HASHED_FILE } from './headers.ts';
import { sendKept, type KeptResponse } from './send-kept.ts';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.ico': 'image/x-icon',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml; charset=utf-8',
};

const COPIES = ['.br', '.gz'];

/** Every file under `folder` by its address, ready to send. */
export function loadStaticFiles(folder: string): Map<string, KeptResponse> {
  const files = new Map<string, KeptResponse>();
  for (const relative of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(folder, relative);
    const type = TYPES[path.extname(file)];
    if (!type || COPIES.includes(path.extname(file))) continue;
    const identity = readFileSync(file);
    const address = `/${relative.split(path.sep).join('/')}`;
    files.set(address, {
      etag: pageEtag(identity),
      headers: {
        'Content-Type': type,
        'Cache-Control': HASHED_FILE.test(address) ? 'public, max-age=31536000, immutable' : 'no-cache',
      },
      bodies: { identity, gzip: readIfThere(`${file}.gz`), br: readIfThere(`${file}.br`) },
    });
  }
  return files;
}

function readIfThere(file: string): Buffer | undefined {
  return existsSync(file) ? readFileSync(file) : undefined;
}

/** Answers a GET or HEAD for a static file from memory; false when the address is not one (Astro answers). */
export function serveStaticFile(files: Map<string, KeptResponse>, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const file = files.get((req.url ?? '').split('?')[0] ?? '');
  if (!file) return false;
  sendKept(req, res, file);
  return true;
}
