import { markSentences } from './sentences.ts';

/**
 * An HTML page with its sentences marked for "Listen to this page"; other
 * responses as they are. The middleware runs it before a content page is
 * kept, so a kept page is marked once.
 */
export async function withSentencesMarked(response: Response): Promise<Response> {
  if (!response.body || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = markSentences(await response.text());
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
}
