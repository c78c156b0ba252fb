/**
 * Test only: makes rendering fail on purpose, so the tests can see the 500
 * pages. DSR_TEST_FAIL_RENDER=pages makes every page fail but the 500 page
 * (the site's own 500 page is shown); =everything makes the 500 page fail
 * too (the server's plain one is shown). Ignored when NODE_ENV=production
 * (src/settings.ts), and never set by a request, so the public cannot reach it.
 */
import { settings } from '../settings.ts';

export function failRenderingForTest(isErrorPage: boolean): void {
  const mode = settings().testFailRender;
  if (mode === 'everything' || (mode === 'pages' && !isErrorPage)) {
    throw new Error('Rendering failed on purpose (DSR_TEST_FAIL_RENDER)');
  }
}
