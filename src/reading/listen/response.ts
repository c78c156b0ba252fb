import { withHtmlRewritten } from '../../http/rewrite-html.ts';
import { markSentences } from './sentences.ts';

/**
 * An HTML page with its sentences marked for "Listen to this page"; other
 * responses as they are. The middleware runs it before a content page is
 * kept, so a kept page is marked once.
 */
export function withSentencesMarked(response: Response): Promise<Response> {
  return withHtmlRewritten(response, markSentences);
}
