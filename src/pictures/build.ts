/**
 * Makes the site's pictures from OpenMoji (CC BY-SA 4.0, openmoji.org):
 * optimises each SVG named in catalogue.json, writes it to public/pictures
 * under a content-hashed name (so it can be cached for a year), and records
 * the names in manifest.json. Run with `npm run pictures`; the results are
 * committed so a build needs neither OpenMoji nor svgo.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { optimize } from 'svgo';

const here = path.dirname(new URL(import.meta.url).pathname);
const outDir = path.join(here, '../../public/pictures');
const openmoji = path.dirname(createRequire(import.meta.url).resolve('openmoji/package.json'));
const catalogue: Record<string, string> = JSON.parse(readFileSync(path.join(here, 'catalogue.json'), 'utf8'));

mkdirSync(outDir, { recursive: true });
for (const old of readdirSync(outDir)) if (old.endsWith('.svg')) rmSync(path.join(outDir, old));

const manifest: Record<string, string> = {};
for (const [name, hexcode] of Object.entries(catalogue)) {
  const source = readFileSync(path.join(openmoji, 'color/svg', `${hexcode}.svg`), 'utf8');
  const { data } = optimize(source, {
    multipass: true,
    plugins: ['preset-default', 'removeDimensions', { name: 'removeAttrs', params: { attrs: ['id'] } }],
  });
  const hash = createHash('sha256').update(data).digest('hex').slice(0, 10);
  const file = `${name}.${hash}.svg`;
  writeFileSync(path.join(outDir, file), data);
  manifest[name] = `/pictures/${file}`;
}
writeFileSync(path.join(here, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`${Object.keys(manifest).length} pictures written to public/pictures`);
