/**
 * Browser-safe and server-only code stay apart: everything a page's
 * `<script>` pulls in (the import graph of each browser entry) is checked
 * for Node built-ins (`node:` or bare), server-only kit modules
 * (src/forms/kit/ outside src/forms/kit/browser/) and packages other than
 * the ones the browser may load. The budget test (tests/e2e/budget.spec.ts)
 * checks the built chunks as well.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SRC = path.join(ROOT, 'src');
/** Packages the browser's scripts may load. */
const BROWSER_PACKAGES = new Set(['valibot']);
const SERVER_ONLY = path.join(SRC, 'forms/kit') + path.sep;
const BROWSER_KIT = path.join(SRC, 'forms/kit/browser') + path.sep;

function filesUnder(folder: string, ending: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) return filesUnder(file, ending);
    return file.endsWith(ending) ? [file] : [];
  });
}

/** Specifiers a module imports at run time (type-only imports are erased). */
function runtimeImports(source: string): string[] {
  const found: string[] = [];
  const statements =
    /(?:^|[;\n])\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*['"]([^'"]+)['"]|import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of source.matchAll(statements)) {
    const [, , typeOnly, clause = '', specifier, bare, dynamic] = match;
    if (bare || dynamic) {
      found.push((bare ?? dynamic)!);
      continue;
    }
    if (typeOnly) continue;
    // `import { type A, type B } from` imports nothing at run time.
    const names = /^\{([^}]*)\}$/.exec(clause.trim())?.[1];
    if (names !== undefined && names.split(',').every((name) => /^\s*(type\s+\S|$)/.test(name))) continue;
    found.push(specifier!);
  }
  return found;
}

/** The imports of each browser entry: the `<script>` blocks (not is:inline) of every .astro file. */
function browserEntries(): string[] {
  const entries = new Set<string>();
  for (const file of filesUnder(SRC, '.astro')) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/<script(?![^>]*is:inline)[^>]*>([\s\S]*?)<\/script>/g)) {
      for (const specifier of runtimeImports(match[1]!)) {
        if (specifier.startsWith('.')) entries.add(path.resolve(path.dirname(file), specifier));
        else entries.add(specifier);
      }
    }
  }
  return [...entries];
}

/** Every problem in the import graph of these entries, as "what: why (the chain that led there)". */
function boundaryProblems(entries: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const visit = (module: string, chain: string[]): void => {
    const here = [...chain, path.isAbsolute(module) ? path.relative(ROOT, module) : module];
    const where = here.join(' <- ');
    if (!path.isAbsolute(module)) {
      const name = module.replace(/^node:/, '').split('/')[0]!;
      if (module.startsWith('node:') || builtinModules.includes(name)) problems.push(`${where}: a Node built-in`);
      else if (!BROWSER_PACKAGES.has(module.startsWith('@') ? module.split('/').slice(0, 2).join('/') : name))
        problems.push(`${where}: a package the browser does not load`);
      return;
    }
    if (seen.has(module)) return;
    seen.add(module);
    if (module.startsWith(SERVER_ONLY) && !module.startsWith(BROWSER_KIT))
      problems.push(`${where}: server-only (src/forms/kit/ outside browser/)`);
    if (!existsSync(module)) {
      problems.push(`${where}: no such file`);
      return;
    }
    for (const specifier of runtimeImports(readFileSync(module, 'utf8'))) {
      visit(specifier.startsWith('.') ? path.resolve(path.dirname(module), specifier) : specifier, here);
    }
  };
  for (const entry of entries) visit(entry, []);
  return problems;
}

describe('browser-safe and server-only code stay apart', () => {
  test('every page script is found: both forms and the print button', () => {
    const entries = browserEntries().map((entry) => path.relative(ROOT, entry));
    for (const expected of [
      'src/forms/callback/browser.ts',
      'src/forms/referral/browser.ts',
      'src/forms/kit/browser/print.ts',
    ])
      assert.ok(entries.includes(expected), `${expected} in ${entries.join(', ')}`);
  });

  test('no browser entry pulls in a Node built-in, a server-only module or a server package', () => {
    assert.deepEqual(boundaryProblems(browserEntries()), []);
  });

  test('the check finds them: a server module as an entry fails', () => {
    const problems = boundaryProblems([path.join(SRC, 'forms/kit/submit.ts')]);
    assert.ok(
      problems.some((problem) => problem.startsWith('src/forms/kit/submit.ts: server-only')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((problem) => /node:crypto: a Node built-in$/.test(problem)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((problem) => / <- pino: a package the browser does not load$/.test(problem)),
      problems.join('\n'),
    );
  });

  test('type-only imports are not followed; value imports are', () => {
    assert.deepEqual(
      runtimeImports(
        "import type { A } from './a.ts';\nimport { type B, type C } from './b.ts';\nimport { d, type E } from './d.ts';\nimport './f.ts';\nexport { g } from './g.ts';",
      ),
      ['./d.ts', './f.ts', './g.ts'],
    );
  });
});
