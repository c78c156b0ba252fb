/**
 * The Questionnaires are made when the site is built. This integration
 * generates the Questionnaire of every form each area offers (from the forms'
 * definitions and content/areas/<area>/area.yaml) into a module the server
 * imports, `virtual:dsr/questionnaires`: { [area]: { [Questionnaire id]: … } }.
 * Their `url` is the path on the site; the running server puts its public
 * address in front (src/pages/fhir/Questionnaire/[id].ts). Nothing else
 * changes after the build, so a version names the same questions everywhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as v from 'valibot';
import { parse } from 'yaml';
import { AreaSchema } from '../area/schema.ts';
import { FHIR_FORMS } from './forms.ts';
import { questionnaireFor } from './questionnaire.ts';

const MODULE = 'virtual:dsr/questionnaires';
const RESOLVED = `\0${MODULE}`;
/** Site-relative: the path the Questionnaires are served at, before the origin is known. */
const BUILD_BASE = '/fhir';

/** Every area's Questionnaires, keyed by area folder and Questionnaire id. */
export function buildQuestionnaires(areasFolder: string) {
  const areas = readdirSync(areasFolder, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  return Object.fromEntries(
    areas.map(({ name: id }) => {
      const file = path.join(areasFolder, id, 'area.yaml');
      const area = v.parse(AreaSchema, parse(readFileSync(file, 'utf8')));
      const offered = Object.values(FHIR_FORMS).filter((form) => form.offered(area));
      return [id, Object.fromEntries(offered.map((form) => [form.id, questionnaireFor(form, area, BUILD_BASE)]))];
    }),
  );
}

export function questionnairesAtBuild(): AstroIntegration {
  return {
    name: 'dsr-fhir-questionnaires',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const areasFolder = fileURLToPath(new URL('content/areas/', config.root));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'dsr-fhir-questionnaires',
                resolveId: (id: string) => (id === MODULE ? RESOLVED : undefined),
                load: (id: string) =>
                  id === RESOLVED ? `export default ${JSON.stringify(buildQuestionnaires(areasFolder))};` : undefined,
              },
            ],
          },
        });
      },
    },
  };
}
