/**
 * HTML_CodeSniffer in Playwright, as pa11y runs it (pa11y's own copy of
 * HTMLCS, the WCAG2AA standard, errors only, as tests/a11y/pa11y.json asks),
 * so that form states pa11y cannot reach, those with JavaScript off, are
 * checked by both of pa11y's engines too.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const fromPa11y = createRequire(createRequire(import.meta.url).resolve('pa11y'));
const HTMLCS_SOURCE = readFileSync(fromPa11y.resolve('@pa11y/html_codesniffer/build/HTMLCS.js'), 'utf8');

/** One line per error: its code, message and the element's start tag. */
export async function htmlcsErrors(page: Page): Promise<string[]> {
  await page.evaluate(HTMLCS_SOURCE);
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const htmlcs = (window as unknown as { HTMLCS: HtmlCodeSniffer }).HTMLCS;
        htmlcs.process('WCAG2AA', document, (error) => {
          if (error) return reject(new Error(String(error)));
          const errors = htmlcs.getMessages().filter((message) => message.type === 1);
          resolve(
            errors.map((message) => {
              const tag = message.element instanceof Element ? message.element.outerHTML.slice(0, 160) : '';
              return `${message.code}: ${message.msg} | element: ${tag}`;
            }),
          );
        });
      }),
  );
}

interface HtmlCodeSniffer {
  process(standard: string, content: Document, callback: (error?: unknown) => void): void;
  getMessages(): { type: number; code: string; msg: string; element: unknown }[];
}
