/** The areas to check and the pages of a running area server, for the accessibility scripts. */
import { listAreas, REQUIRED_SLUGS, type AreaInfo } from '../support/areas.ts';
import { listPageUrls, slugOf } from '../support/sitemap.ts';

/** The areas named on the command line, or every area. */
export function selectAreas(names: string[]): AreaInfo[] {
  const areas = listAreas();
  const unknown = names.filter((name) => !areas.some((area) => area.id === name || area.short === name));
  if (unknown.length) {
    throw new Error(`not an area: ${unknown.join(', ')}; choose from ${areas.map((area) => area.id).join(', ')}`);
  }
  return names.length ? areas.filter((area) => names.includes(area.id) || names.includes(area.short)) : areas;
}

/** Every page in the server's sitemap, and what is wrong with the list (required pages missing). */
export async function pagesOfArea(origin: string): Promise<{ urls: string[]; problems: string[] }> {
  const urls = await listPageUrls(origin);
  const slugs = urls.map((url) => slugOf(new URL(url).pathname));
  const missing = REQUIRED_SLUGS.filter((slug) => !slugs.includes(slug));
  return {
    urls,
    problems: missing.length ? [`the sitemap lacks ${missing.map((slug) => `/${slug}`).join(', ')}`] : [],
  };
}
