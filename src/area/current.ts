import { getCollection, getEntry } from 'astro:content';
import type { Area, NationalLine, SourceDocument } from './schema.ts';
import { settings } from '../settings.ts';

/** The id of the area this server serves, from DSR_AREA. */
export function currentAreaId(): string {
  return settings().area;
}

/** The settings of the area this server serves. */
export async function currentArea(): Promise<Area & { id: string }> {
  const id = currentAreaId();
  const entry = await getEntry('areas', id);
  if (!entry) throw new Error(`DSR_AREA="${id}" names no folder in content/areas`);
  return { id, ...entry.data };
}

/** Crisis lines for everyone in England, most urgent first. */
export async function nationalLines(): Promise<NationalLine[]> {
  const lines = (await getCollection('nationalLines')).map((entry) => entry.data);
  return lines.sort((a, b) => a.rank - b.rank);
}

/** The documents facts may quote: the area's own, then the shared ones. */
export async function sourceDocuments(area: Pick<Area, 'sources'>): Promise<Map<string, SourceDocument>> {
  const shared = (await getCollection('sharedSources')).map((entry) => entry.data);
  return new Map([...shared, ...area.sources].map((doc) => [doc.id, doc]));
}
