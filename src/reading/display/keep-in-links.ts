/**
 * Without JavaScript, display choices travel in the query string. When a page
 * is asked for with choices, every link and form on it to another page of the
 * site carries them too, and so does a redirect (a form sent without
 * JavaScript): the person keeps their choices as they move around.
 */
import { withHtmlRewritten } from '../../http/rewrite-html.ts';
import { changedChoices, CHOICE_NAMES, choicesFromQuery, hasChoicesIn, type Choices } from './choices.ts';

/** A link or form start tag; the display choices' own links say `data-looks` and are left as they are. */
const TAG = /<(?:a|form)\s[^>]*>/g;
const ADDRESS = /\b(href|action)="(\/[^"]*)"/;

export function withChoicesKept(response: Response, url: URL): Response | Promise<Response> {
  if (!hasChoicesIn(url.searchParams)) return response;
  const choices = choicesFromQuery(url.searchParams);
  if (Object.keys(changedChoices(choices)).length === 0) return response;
  const location = response.headers.get('location');
  if (location?.startsWith('/')) {
    const headers = new Headers(response.headers);
    headers.set('location', withChoices(location, choices));
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
  return withHtmlRewritten(response, (html) => keepInHtml(html, choices));
}

function keepInHtml(page: string, choices: Choices): string {
  return page.replace(TAG, (tag) =>
    tag.includes('data-looks')
      ? tag
      : tag.replace(ADDRESS, (_, name: string, address: string) => {
          const kept = withChoices(address.replaceAll('&amp;', '&'), choices);
          return `${name}="${kept.replaceAll('&', '&amp;')}"`;
        }),
  );
}

/** A page's address with the choices added; files (pictures, scripts) and addresses that name choices are left alone. */
export function withChoices(address: string, choices: Choices): string {
  const url = new URL(address, 'http://site.invalid');
  if (url.pathname.startsWith('/_') || /\.[a-z0-9]+$/i.test(url.pathname)) return address;
  if (CHOICE_NAMES.some((name) => url.searchParams.has(name))) return address;
  for (const [name, value] of Object.entries(changedChoices(choices))) url.searchParams.set(name, value);
  return `${url.pathname}${url.search}${url.hash}`;
}
