import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { AreaSchema, NationalLineSchema, SourceDocumentSchema } from './area/schema.ts';
import { GlossarySchema, PageSchema } from './content/page-schema.ts';
import { fromValibot } from './content/valibot-for-astro.ts';

/** Pages every area shows. Ids are file names: `what-is-the-dsr`. */
const sharedPages = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/shared/pages' }),
  schema: fromValibot(PageSchema),
});

/** Pages of one area. Ids are `<area>/<page>`; a page replaces the shared page of the same name. */
const areaPages = defineCollection({
  loader: glob({
    pattern: '*/pages/*.md',
    base: './content/areas',
    generateId: ({ entry }) => entry.replace('/pages/', '/').replace(/\.md$/, ''),
  }),
  schema: fromValibot(PageSchema),
});

/** One settings file per area. Ids are the folder names: `essex`. */
const areas = defineCollection({
  loader: glob({ pattern: '*/area.yaml', base: './content/areas', generateId: ({ entry }) => entry.split('/')[0]! }),
  schema: fromValibot(AreaSchema),
});

/** Crisis lines for everyone in England, shown in every area in the order of `rank`. */
const nationalLines = defineCollection({
  loader: file('./content/shared/national-crisis-lines.yaml'),
  schema: fromValibot(NationalLineSchema),
});

/** Documents that shared facts quote: content/shared/sources.yaml. */
const sharedSources = defineCollection({
  loader: file('./content/shared/sources.yaml'),
  schema: fromValibot(SourceDocumentSchema),
});

const glossary = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/glossary' }),
  schema: fromValibot(GlossarySchema),
});

export const collections = { sharedPages, areaPages, areas, nationalLines, sharedSources, glossary };
