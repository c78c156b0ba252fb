/**
 * Test only: makes rendering fail on purpose, so the tests can see the 500
 * pages. DSR_TEST_FAIL_RENDER=pages makes every page fail but the 500 page
 * (the site's own 500 page is shown); =everything makes the 500 page fail
 * too (the server's plain one is shown). Ignored when NODE_ENV=production,
 * and never set by a request, so the public cannot reach it.
 */
export function failRenderingForTest(isErrorPage: boolean): void {
  if (process.env.NODE_ENV === 'production') return;
  const mode = process.env.DSR_TEST_FAIL_RENDER;
  if (mode === 'everything' || (mode === 'pages' && !isErrorPage)) {
    throw new Error('Rendering failed on purpose (DSR_TEST_FAIL_RENDER)');
  }
}
