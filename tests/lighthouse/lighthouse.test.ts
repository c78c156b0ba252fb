/**
 * Lighthouse (mobile profile, Debian's Chromium) on the home page, the
 * crisis page and both form pages of both areas, against the built server:
 * 100 in accessibility, best practices and SEO; at least 95 in performance
 * (the score moves with machine load, so the best of up to eight runs counts);
 * and on content pages the back/forward cache works.
 *
 * Total blocking time moves most: a page with no script still spends its
 * first second parsing, laying out and drawing its pictures on the main
 * thread, and on a busy 2-core machine those tasks stretch past 50 ms. A
 * warm-up run per area keeps the first page from being scored on a cold
 * server and a cold disk cache.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath } from '../support/chromium.ts';
import { startAreaServer, type RunningServer } from '../support/server.ts';

const AREAS = ['south-east-london', 'essex'];
const PAGES = [
  { path: '/', content: true },
  { path: '/crisis', content: true },
  { path: '/ask-for-a-call', content: false },
  { path: '/refer', content: false },
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** How many runs may count for performance: on a 2-core machine one run can score 88 and the next 98. */
const PERFORMANCE_RUNS = 8;

interface Audit {
  scores: Record<string, number>;
  failing: (category: string) => string;
  bfCache: number | null | undefined;
}

/** One Lighthouse run in a fresh Chromium, so no run inherits another's leftovers. */
async function audited(url: string): Promise<Audit> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: ['--headless=new', ...chromiumArgs],
  });
  try {
    return await auditWith(chrome, url);
  } finally {
    chrome.kill();
  }
}

async function auditWith(chrome: chromeLauncher.LaunchedChrome, url: string): Promise<Audit> {
  const result = await lighthouse(url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: CATEGORIES,
  });
  assert.ok(result, 'Lighthouse returned a result');
  const { categories, audits, runtimeError } = result.lhr;
  assert.equal(runtimeError, undefined, `no runtime error: ${runtimeError?.message}`);
  return {
    scores: Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((categories[id]?.score ?? 0) * 100)])),
    failing: (category) =>
      (categories[category]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${ref.id} (${audits[ref.id]?.displayValue ?? audits[ref.id]?.score})`)
        .join(', '),
    bfCache: audits['bf-cache']?.score,
  };
}

for (const area of AREAS) {
  describe(area, () => {
    let server: RunningServer;
    before(async () => {
      server = await startAreaServer(area);
      await audited(server.origin + PAGES[0]!.path);
    });
    after(() => server?.stop());

    for (const page of PAGES) {
      test(page.path, async () => {
        // Performance is measured, so it moves with the machine's load: the best of a few runs counts.
        let best: Audit | undefined;
        for (let run = 0; run < PERFORMANCE_RUNS && (best?.scores['performance'] ?? 0) < 95; run++) {
          const audit = await audited(server.origin + page.path);
          if (!best || audit.scores['performance']! > best.scores['performance']!) best = audit;
        }
        const { scores, failing, bfCache } = best!;
        console.log(`${area} ${page.path}: ${JSON.stringify(scores)}`);
        for (const id of ['accessibility', 'best-practices', 'seo']) {
          assert.equal(scores[id], 100, `${area} ${page.path}: ${id} ${scores[id]}; failing: ${failing(id)}`);
        }
        assert.ok(
          scores['performance']! >= 95,
          `${area} ${page.path}: performance ${scores['performance']}; ${failing('performance')}`,
        );
        if (page.content) assert.equal(bfCache, 1, `${area} ${page.path}: the back/forward cache works`);
      });
    }
  });
}
