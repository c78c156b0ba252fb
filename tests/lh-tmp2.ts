import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath } from '/work/main/tests/support/chromium.ts';
const [url, n] = process.argv.slice(2);
const res: Record<string, number[]> = { with: [], without: [] };
for (let i = 0; i < Number(n ?? 4); i++) {
  for (const v of ['with', 'without']) {
    const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: ['--headless=new', ...chromiumArgs] });
    const r = await lighthouse(url!, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], blankPage: new URL('/favicon.svg', url).href, ...(v === 'without' && { blockedUrlPatterns: ['*/_astro/*.js'] }) });
    chrome.kill();
    const a = r!.lhr.audits;
    res[v]!.push(Math.round(a['total-blocking-time']!.numericValue!));
    console.log(v, Math.round(r!.lhr.environment.benchmarkIndex), Math.round(r!.lhr.categories.performance!.score! * 100), 'TBT', a['total-blocking-time']!.displayValue, JSON.stringify((a['mainthread-work-breakdown']!.details as any).items.map((x: any) => [x.group, Math.round(x.duration)])));
  }
}
console.log(res);
