/**
 * pa11y-ci (axe and HTML_CodeSniffer, WCAG 2 AA) over every page of every
 * area: starts each area's built server, reads its sitemap, runs pa11y-ci,
 * stops the server. Exits non-zero if any page has an error.
 * Settings: tests/a11y/pa11y.json; Chromium from CHROME_PATH or /usr/bin/chromium.
 * Usage: node tests/a11y/run-pa11y.ts [area ...]   (default: every area)
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../support/areas.ts';
import { chromiumArgs, chromiumPath } from '../support/chromium.ts';
import { pagesOfArea, selectAreas } from './area-pages.ts';
import { withAreaServer } from '../support/server.ts';

if (!existsSync(chromiumPath)) {
  console.error(
    `run-pa11y: no Chromium at ${chromiumPath}. Run bash tests/support/ensure-chromium.sh, or set CHROME_PATH.`,
  );
  process.exit(1);
}

const settings = JSON.parse(readFileSync(path.join(import.meta.dirname, 'pa11y.json'), 'utf8')) as {
  defaults: Record<string, unknown>;
};
/** Form states (errors, check page, confirmation) need actions, so each form has its own config: pa11y-<form>.cjs. */
const formConfigs = readdirSync(import.meta.dirname).filter((file) => /^pa11y-.+\.cjs$/.test(file));
const pa11yCi = path.join(ROOT, 'node_modules/pa11y-ci/bin/pa11y-ci.js');
const workDir = await mkdtemp(path.join(tmpdir(), 'dsr-pa11y-'));
const failed: string[] = [];

try {
  for (const area of selectAreas(process.argv.slice(2))) {
    await withAreaServer(area.id, async (server) => {
      const { urls, problems } = await pagesOfArea(server.origin);
      failed.push(...problems.map((problem) => `${area.id}: ${problem}`));
      console.log(`\n== pa11y-ci: ${area.id}, ${urls.length} pages from ${server.origin}/sitemap.xml ==`);
      const config = {
        defaults: {
          ...settings.defaults,
          chromeLaunchConfig: { executablePath: chromiumPath, args: chromiumArgs },
        },
        urls: [...urls, ...displayChoiceUrls(server.origin)],
      };
      const configFile = path.join(workDir, `${area.id}.json`);
      await writeFile(configFile, JSON.stringify(config, null, 2));
      const child = spawn(process.execPath, [pa11yCi, '--config', configFile], { cwd: ROOT, stdio: 'inherit' });
      const [code] = (await once(child, 'exit')) as [number | null];
      if (code !== 0) failed.push(`${area.id}: pa11y-ci exited with ${code} (errors are listed above)`);
      for (const formConfig of formConfigs) {
        console.log(`\n== pa11y-ci: ${area.id}, form states from ${formConfig} ==`);
        const env = { ...process.env, PA11Y_BASE_URL: server.origin, PA11Y_AREA: area.id };
        const run = spawn(process.execPath, [pa11yCi, '--config', path.join(import.meta.dirname, formConfig)], {
          cwd: ROOT,
          env,
          stdio: 'inherit',
        });
        const [formCode] = (await once(run, 'exit')) as [number | null];
        if (formCode !== 0) failed.push(`${area.id}: ${formConfig} exited with ${formCode} (errors are listed above)`);
      }
    });
  }
} finally {
  await rm(workDir, { recursive: true, force: true });
}

/**
 * The home page and the form in every combination of pictures off, biggest
 * text and dark background (src/reading/display/), as a link without
 * JavaScript shows them.
 */
function displayChoiceUrls(origin: string): string[] {
  const combinations = [1, 2, 3, 4, 5, 6, 7].map((bits) =>
    new URLSearchParams({
      ...(bits & 1 ? { pictures: 'off' } : {}),
      ...(bits & 2 ? { text: 'biggest' } : {}),
      ...(bits & 4 ? { background: 'dark' } : {}),
    }).toString(),
  );
  return ['/', '/refer'].flatMap((path) => combinations.map((query) => `${origin}${path}?${query}`));
}

if (failed.length) {
  console.error(`\npa11y-ci failed:\n${failed.map((line) => `  - ${line}`).join('\n')}`);
  process.exit(1);
}
console.log('\npa11y-ci: no errors on any page of any area.');
