/**
 * The area's settings read straight from content/, for the plain pages the
 * server sends before Astro sees a request (src/server.ts). Checked with the
 * same schemas as the build; undefined when they cannot be read, so the
 * plain pages fall back to 999 and NHS 111 option 2.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { parse } from 'yaml';
import { AreaSchema, NationalLineSchema, type Area, type NationalLine } from '../area/schema.ts';

export function readHelpSettings(root: string, areaId: string): { area: Area; national: NationalLine[] } | undefined {
  try {
    const read = (file: string) => parse(readFileSync(path.join(root, 'content', file), 'utf8')) as unknown;
    const area = v.parse(AreaSchema, read(`areas/${areaId}/area.yaml`));
    const national = v.parse(v.array(NationalLineSchema), read('shared/national-crisis-lines.yaml'));
    return { area, national: national.sort((a, b) => a.rank - b.rank) };
  } catch {
    return undefined;
  }
}
