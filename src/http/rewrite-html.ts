/**
 * An HTML response with its text changed by `rewrite`; any other response as
 * it is. The length header goes, since the length changes.
 */
export async function withHtmlRewritten(response: Response, rewrite: (html: string) => string): Promise<Response> {
  if (!response.body || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = rewrite(await response.text());
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
}
