/** The glossary's terms from the content collection, read once per server. */
import { getCollection } from 'astro:content';
import { makeTerm, type Term } from './terms.ts';

let terms: Promise<Term[]> | undefined;

export function glossaryTerms(): Promise<Term[]> {
  terms ??= getCollection('glossary').then((entries) =>
    entries.map((entry) => makeTerm(entry.id, [entry.data.term, ...entry.data.aliases])),
  );
  return terms;
}
