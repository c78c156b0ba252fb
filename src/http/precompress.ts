/**
 * An Astro integration: after the build, writes a brotli (`.br`) and a gzip
 * (`.gz`) copy beside each compressible static file, at the strongest
 * settings, where the copy is smaller. The production server holds them in
 * memory (src/http/static-files.ts) and sends the one the browser accepts.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { AstroIntegration } from 'astro';

const COMPRESSIBLE = new Set(['.css', '.js', '.json', '.svg', '.txt', '.xml', '.ico', '.webmanifest']);
const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

export function precompressStatic(): AstroIntegration {
  let client: URL | undefined;
  return {
    name: 'dsr-precompress-static',
    hooks: {
      'astro:config:done': ({ config }) => {
        client = config.build.client;
      },
      'astro:build:done': async ({ logger }) => {
        if (!client) return;
        const written = await precompressFolder(fileURLToPath(client));
        logger.info(`${written} brotli and gzip copies of static files`);
      },
    },
  };
}

async function precompressFolder(folder: string): Promise<number> {
  let written = 0;
  for (const relative of await readdir(folder, { recursive: true })) {
    const file = path.join(folder, relative);
    if (!COMPRESSIBLE.has(path.extname(file))) continue;
    const bytes = await readFile(file);
    const copies: [string, Buffer][] = [
      ['.br', await brotli(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })],
      ['.gz', await gzip(bytes, { level: 9 })],
    ];
    for (const [extension, copy] of copies) {
      if (copy.length >= bytes.length) continue;
      await writeFile(file + extension, copy);
      written += 1;
    }
  }
  return written;
}
