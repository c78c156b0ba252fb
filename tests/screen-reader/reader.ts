/**
 * A screen reader for the browser tests: the Virtual Screen Reader
 * (@guidepup/virtual-screen-reader, pinned) running inside Playwright's
 * Chromium page, with JavaScript on or off, plus the listener rules in
 * in-page.ts. It follows the page's DOM and the ARIA rules for names, roles,
 * descriptions and live regions; it is not NVDA, JAWS or VoiceOver.
 *
 * Use one per page (`await ScreenReader.attach(page)` before the first
 * page loads, so the reader is there in every page from its start):
 * `arrive()` after a page loads, `walk()` to read it from
 * the top, `hear(action)` for what is announced because of an action (a
 * navigation counts: then it is what is heard on arrival), `read(locator)`
 * for one part of the page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from '@playwright/test';
import { transform } from 'esbuild';
import { installListener, type HeardLine, type InPageListener, type Walk } from './in-page.ts';

export type { HeardLine, Walk, WalkEntry } from './in-page.ts';

const GLOBAL_NAME = '__guidepupVirtualScreenReader';
let bundle: Promise<string> | undefined;

/**
 * The reader's browser build (ES module) as a classic script that sets one
 * global. Playwright runs it as an init script (or evaluates it), which works
 * with the page's Content-Security-Policy and with JavaScript off, where no
 * <script> element would run.
 */
function readerBundle(): Promise<string> {
  bundle ??= (async () => {
    const file = createRequire(import.meta.url).resolve('@guidepup/virtual-screen-reader/browser.js');
    const { code } = await transform(readFileSync(file, 'utf8'), { format: 'iife', globalName: GLOBAL_NAME });
    return code;
  })();
  return bundle;
}

type ListenerWindow = Window & { __dsrListener?: InPageListener };

export class ScreenReader {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** A reader for `page`, loaded into every document the page shows from now on. */
  static async attach(page: Page): Promise<ScreenReader> {
    await page.addInitScript({ content: await readerBundle() });
    return new ScreenReader(page);
  }

  /** The listener is on the page now shown (a navigation replaces it). */
  private async installed(): Promise<boolean> {
    return this.page.evaluate(() => Boolean((window as ListenerWindow).__dsrListener));
  }

  private async install(): Promise<void> {
    if (await this.installed()) return;
    const hasBundle = await this.page.evaluate((name) => name in window, GLOBAL_NAME);
    if (!hasBundle) await this.page.evaluate(await readerBundle());
    await this.page.evaluate(installListener);
  }

  /** What is heard as the page loads: its title, then what has focus (autofocus), if anything. */
  async arrive(): Promise<HeardLine[]> {
    await this.install();
    return this.page.evaluate(() => (window as ListenerWindow).__dsrListener!.arrive());
  }

  /** The page read from the top to the end, as "read all" does. */
  async walk(): Promise<Walk> {
    await this.install();
    return this.page.evaluate(() => (window as ListenerWindow).__dsrListener!.walk());
  }

  /**
   * What is announced because of `action`: live regions and alerts, then each
   * move of focus, read. When the action loads another page (wait for it in
   * the action), it is what is heard on arrival there.
   */
  async hear(action: () => Promise<unknown>): Promise<HeardLine[]> {
    await this.install();
    await this.take();
    await action();
    if (!(await this.installed())) return this.arrive();
    return this.take();
  }

  /** One part of the page, as heard when the reading cursor goes through it. */
  async read(locator: Locator): Promise<string[]> {
    await this.install();
    const element = await locator.elementHandle();
    if (!element) throw new Error(`nothing to read: ${locator.toString()}`);
    return this.page.evaluate((target) => (window as ListenerWindow).__dsrListener!.read(target), element);
  }

  private async take(): Promise<HeardLine[]> {
    return this.page.evaluate(() => (window as ListenerWindow).__dsrListener!.take());
  }
}

/** Heard lines as text, one a line: `title: …`, `polite: …`, `focus: …` and the rest of a focus reading indented. */
export function transcript(lines: readonly HeardLine[]): string[] {
  return lines.map((line) => {
    if (line.kind === 'title') return `title: ${line.text}`;
    if (line.kind === 'live') return line.text;
    return line.start ? `focus: ${line.text}` : `       ${line.text}`;
  });
}
