/**
 * The areas the site can serve, read from content/areas: the browser and
 * accessibility tests run for every one of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { parse } from 'yaml';
import { AreaSchema, type Area } from '../../src/area/schema.ts';
import { DEFAULT_AREA } from '../../src/area/default.ts';
import { FORM_PATHS } from '../../src/http/methods.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface AreaInfo {
  /** The folder in content/areas, as given to DSR_AREA. */
  id: string;
  /** Short name for Playwright project names: `sel-js`, `essex-nojs`. */
  short: string;
  /** The area's name from its area.yaml, for example "South East London". */
  name: string;
  /** What every page title ends with. */
  siteName: string;
}

/** Short names for long area ids; other areas use their id. */
const SHORT_NAMES: Record<string, string> = { 'south-east-london': 'sel' };

/** Every area, the default one first. */
export function listAreas(): AreaInfo[] {
  const dir = path.join(ROOT, 'content/areas');
  const ids = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => Number(b === DEFAULT_AREA) - Number(a === DEFAULT_AREA) || a.localeCompare(b));
  return ids.map((id) => {
    const settings: unknown = parse(readFileSync(path.join(dir, id, 'area.yaml'), 'utf8'));
    const name = (settings as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || !name) throw new Error(`content/areas/${id}/area.yaml has no name`);
    return { id, short: SHORT_NAMES[id] ?? id, name, siteName: `${name} Dynamic Support Register` };
  });
}

/** Every area has these pages; the sitemap must list each of them. */
export const REQUIRED_SLUGS = [
  'what-is-the-dsr',
  'who-can-be-on-it',
  'colours',
  'consent',
  'after-you-ask',
  'support',
  'in-hospital',
  'your-information',
  'privacy',
  'how-to-join',
  'professionals',
  'crisis',
  'hard-words',
  'accessibility',
] as const;

/**
 * Form pages: they work without JavaScript and may add the site's own
 * same-origin script on top (progressive enhancement). Every other page in
 * the sitemap is a content page and must ship no JavaScript at all.
 */
export const FORM_PAGES: readonly string[] = FORM_PATHS;

/** An area's settings as the site reads them: content/areas/<id>/area.yaml, checked by the schema. */
export function areaSettings(id: string): Area {
  return v.parse(AreaSchema, parse(readFileSync(path.join(ROOT, 'content/areas', id, 'area.yaml'), 'utf8')));
}
