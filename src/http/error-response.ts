/**
 * What the middleware (src/middleware.ts) does to responses: hard words
 * linked once per page, and the plain page when rendering has failed.
 */
import { withHtmlRewritten } from './rewrite-html.ts';
import { currentArea, nationalLines } from '../area/current.ts';
import { keepFirstHardWordLinks } from '../glossary/first-use.ts';
import { now } from '../time/clock.ts';
import { FAILED, plainHelp, plainHelpPage } from './help-page.ts';

/** The plain 500 page, with the area's open lines if its settings can still be read. */
export async function failedPage(): Promise<string> {
  let settings;
  try {
    settings = { area: await currentArea(), national: await nationalLines() };
  } catch {
    settings = undefined;
  }
  return plainHelpPage(FAILED, plainHelp(settings, now()));
}

/** An HTML page with only the first link to each hard word kept; other responses as they are. */
export function withHardWordsLinkedOnce(response: Response): Promise<Response> {
  return withHtmlRewritten(response, keepFirstHardWordLinks);
}
