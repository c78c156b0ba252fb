/**
 * The Nu HTML Checker (vnu-jar) over every page of every area: starts each
 * area's built server, saves every page in its sitemap, checks them all with
 * one run of vnu, stops the server. Errors fail; warnings are printed only.
 * Needs java. Usage: node tests/a11y/run-vnu.ts [area ...]   (default: every area)
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../support/areas.ts';
import { withAreaServer } from '../support/server.ts';
import { pagesOfArea, selectAreas } from './area-pages.ts';

const VNU_JAR = path.join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  message: string;
  extract?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
}

if (!existsSync(VNU_JAR)) {
  console.error(`run-vnu: ${VNU_JAR} is missing; run npm install.`);
  process.exit(1);
}
if (spawnSync('java', ['-version'], { stdio: 'ignore' }).status !== 0) {
  console.error(
    'run-vnu: java is not installed; the Nu HTML Checker needs it (apt-get install -y default-jre-headless).',
  );
  process.exit(1);
}

const workDir = await mkdtemp(path.join(tmpdir(), 'dsr-vnu-'));
const failures: string[] = [];
let warnings = 0;

try {
  for (const area of selectAreas(process.argv.slice(2))) {
    await withAreaServer(area.id, async (server) => {
      const { urls, problems } = await pagesOfArea(server.origin);
      failures.push(...problems.map((problem) => `${area.id}: ${problem}`));
      console.log(`\n== Nu HTML Checker: ${area.id}, ${urls.length} pages from ${server.origin}/sitemap.xml ==`);

      // Save each page under a file name that leads back to its path.
      const pageOfFile = new Map<string, string>();
      for (const url of urls) {
        const pagePath = new URL(url).pathname;
        const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
        if (response.status !== 200) {
          failures.push(`${area.id} ${pagePath}: HTTP ${response.status}`);
          continue;
        }
        const name = `${area.id}--${pagePath.replace(/^\/$/, 'home').replace(/[^a-z0-9-]+/gi, '_')}.html`;
        const file = path.join(workDir, name);
        await writeFile(file, await response.text());
        pageOfFile.set(file, pagePath);
      }
      if (pageOfFile.size === 0) return;

      const messages = await runVnu([...pageOfFile.keys()]);
      for (const message of messages) {
        // vnu names files as file:/tmp/…/name.html
        const file = message.url?.startsWith('file:') ? decodeURIComponent(new URL(message.url).pathname) : undefined;
        const pagePath = (file && pageOfFile.get(file)) ?? message.url ?? '(no page)';
        const where = message.lastLine
          ? ` (line ${message.lastLine}, column ${message.firstColumn ?? message.lastColumn})`
          : '';
        const extract = message.extract ? `\n      ${message.extract.replace(/\s+/g, ' ').trim().slice(0, 160)}` : '';
        const line = `${area.id} ${pagePath}${where}: ${message.message}${extract}`;
        if (message.type === 'info') {
          warnings += 1;
          console.log(`  warning: ${line}`);
        } else {
          failures.push(line);
          console.log(`  ERROR: ${line}`);
        }
      }
      const errors = messages.filter((message) => message.type !== 'info').length;
      console.log(
        `  ${pageOfFile.size} pages checked: ${errors} errors, ${messages.length - errors} warnings or notes`,
      );
    });
  }
} finally {
  await rm(workDir, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`\nNu HTML Checker failed (${failures.length}):\n${failures.map((line) => `  - ${line}`).join('\n')}`);
  process.exit(1);
}
console.log(`\nNu HTML Checker: no errors on any page of any area (${warnings} warnings or notes).`);

/** Check the files in one run; vnu writes its JSON report to stdout with --stdout. */
async function runVnu(files: string[]): Promise<VnuMessage[]> {
  const child = spawn('java', ['-jar', VNU_JAR, '--format', 'json', '--stdout', '--exit-zero-always', ...files], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (out += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`vnu exited with ${code}`);
  const report = JSON.parse(out) as { messages?: VnuMessage[] };
  if (!Array.isArray(report.messages)) throw new Error(`vnu gave no messages list: ${out.slice(0, 200)}`);
  return report.messages;
}
