import type { APIRoute } from 'astro';
import { currentAreaId } from '../area/current.ts';
import { areaPages } from '../area/pages.ts';
// The forms' first pages; their other states are tested by their own tests.
import { FORM_PATHS } from '../http/methods.ts';

/** Every easy-read page of the area served, for search engines and for the accessibility tests. */
export const GET: APIRoute = async ({ url }) => {
  const slugs = [...(await areaPages(currentAreaId())).keys()].filter((slug) => slug !== 'home');
  const paths = ['/', ...slugs.sort().map((slug) => `/${slug}`), ...FORM_PATHS];
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${paths.map((path) => `  <url><loc>${new URL(path, url.origin).href}</loc></url>`).join('\n')}
</urlset>
`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
