import manifest from './manifest.json' with { type: 'json' };

/** Every picture is drawn on a 72 by 72 grid and shown at this size, so nothing shifts as it loads. */
export const PICTURE_SIZE = 72;

const urls: Record<string, string> = manifest;

/** The long-cached URL of a picture; throws (failing the build) for an unknown name. */
export function pictureUrl(name: string, where = 'a page'): string {
  const url = urls[name];
  if (!url) throw new Error(`Unknown picture "${name}" in ${where}. Names are in src/pictures/catalogue.json.`);
  return url;
}
