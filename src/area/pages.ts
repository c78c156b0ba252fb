import { getCollection, type CollectionEntry } from 'astro:content';

type PageEntry = CollectionEntry<'sharedPages'> | CollectionEntry<'areaPages'>;

/**
 * Content is fixed when the site is built, so the built server gathers each
 * area's pages once (and Astro's warning that no area has pages of its own is
 * logged once, not on every page). `astro dev` gathers them every time, so an
 * edited page shows at once.
 */
const gathered = new Map<string, Promise<Map<string, PageEntry>>>();

/** The pages of an area by slug: its own pages replace shared pages of the same name. */
export function areaPages(areaId: string): Promise<Map<string, PageEntry>> {
  if (!import.meta.env.PROD) return gatherPages(areaId);
  let pages = gathered.get(areaId);
  if (!pages) {
    pages = gatherPages(areaId);
    gathered.set(areaId, pages);
    pages.catch(() => gathered.delete(areaId));
  }
  return pages;
}

async function gatherPages(areaId: string): Promise<Map<string, PageEntry>> {
  const pages = new Map<string, PageEntry>();
  for (const page of await getCollection('sharedPages')) pages.set(page.id, page);
  for (const page of await getCollection('areaPages')) {
    const [area, slug] = page.id.split('/');
    if (area === areaId && slug) pages.set(slug, page);
  }
  return pages;
}

/** The main menu: pages with a `menu` position, in order. */
export function menuOf(pages: Map<string, PageEntry>): { slug: string; label: string }[] {
  return [...pages]
    .filter(([, page]) => page.data.menu !== undefined)
    .sort(([, a], [, b]) => a.data.menu! - b.data.menu!)
    .map(([slug, page]) => ({ slug, label: page.data.menuLabel ?? page.data.title }));
}
