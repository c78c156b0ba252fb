/** `npm run readability`: prints each page's Flesch reading ease, lowest first. */
import { fileURLToPath } from 'node:url';
import { readProject } from './easy-read.ts';
import { readabilityTable } from './readability.ts';

console.log(readabilityTable(readProject(fileURLToPath(new URL('../../', import.meta.url))).pages));
