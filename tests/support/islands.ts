/**
 * The reading-help islands' scripts (src/reading/), told apart from a page's
 * own: each island's modules (its component and Astro's Preact renderer, and
 * what they import), Astro's inline island loader, and the before-paint
 * script. They have their own budget (tests/e2e/budget.spec.ts), so the
 * page and form budgets leave them out.
 */
import type { Page } from '@playwright/test';
import { BEFORE_PAINT } from '../../src/reading/display/before-paint.ts';

export interface Island {
  component: string;
  /** Every module the island loads before it runs, by URL. */
  modules: Map<string, Buffer>;
}

const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g;

export async function islandsOf(page: Page): Promise<Island[]> {
  const found = await page.locator('astro-island').evaluateAll((islands) =>
    islands.map((island) => ({
      urls: [island.getAttribute('component-url'), island.getAttribute('renderer-url')]
        .filter((url): url is string => Boolean(url))
        .map((url) => new URL(url, document.baseURI).href),
    })),
  );
  return Promise.all(
    found.map(async ({ urls }) => ({
      component: urls[0]?.replace(/^.*\//, '') ?? '',
      modules: await withImports(page, urls),
    })),
  );
}

async function withImports(page: Page, start: string[]): Promise<Map<string, Buffer>> {
  const modules = new Map<string, Buffer>();
  const queue = [...start];
  for (let url = queue.shift(); url; url = queue.shift()) {
    if (modules.has(url)) continue;
    const body = await (await page.request.get(url)).body();
    modules.set(url, body);
    for (const [, relative] of body.toString('utf8').matchAll(STATIC_IMPORT)) queue.push(new URL(relative!, url).href);
  }
  return modules;
}

/** Astro's island loader (the <astro-island> element and its `client:` directives), or the before-paint script. */
export function isReadingHelpInline(text: string): boolean {
  return text === BEFORE_PAINT || text.includes('(self.Astro||(self.Astro={}))') || text.includes('"astro-island"');
}

/** The page's HTML as it would be without the islands: no loader scripts, no <astro-island> wrappers or their props. */
export function withoutIslands(html: string): string {
  return html
    .replace(/<script>([\s\S]*?)<\/script>/g, (script, text: string) => (isReadingHelpInline(text) ? '' : script))
    .replace(/<astro-island\b[^>]*>|<\/astro-island>/g, '')
    .replace(/<template data-astro-template[^>]*>[\s\S]*?<\/template>/g, '');
}
