/**
 * Links the first use of each hard word on a page to its entry on the
 * hard-words page (`/hard-words#<entry>`), so every hard word is one step
 * from its meaning. Words in headings, links and code are left alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ElementContent, Text } from 'hast';
import { defineHastPlugin } from 'satteri';
import { parse } from 'yaml';
import { firstTerm, makeTerm, type Term } from '../glossary/terms.ts';

const SKIP = new Set(['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre']);

/** Reads the glossary's words (term and aliases) from its markdown frontmatter. */
function loadTerms(dir: string): Term[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((file) => {
      const front = readFileSync(path.join(dir, file), 'utf8').split(/^---$/m)[1] ?? '';
      const data = parse(front) as { term: string; aliases?: string[] };
      return makeTerm(file.replace(/\.md$/, ''), [data.term, ...(data.aliases ?? [])]);
    });
}

export function glossaryLinksPlugin(glossaryDir: string, glossaryPage: string) {
  const terms = loadTerms(glossaryDir);
  return defineHastPlugin({
    name: 'glossary-links',
    before(_root, ctx) {
      ctx.data.linkedTerms = new Set<string>();
    },
    text(node, ctx) {
      const file = ctx.fileURL?.pathname ?? '';
      if (file.endsWith(`/${glossaryPage}.md`) || file.includes('/glossary/')) return;
      for (let parent = ctx.parent(node); parent && parent.type === 'element'; parent = ctx.parent(parent)) {
        if (SKIP.has(parent.tagName)) return;
      }
      const linked = ctx.data.linkedTerms as Set<string>;
      const parts: ElementContent[] = [];
      let rest = node.value;
      for (let found = firstTerm(rest, terms, linked); found; found = firstTerm(rest, terms, linked)) {
        const { term, match } = found;
        linked.add(term.slug);
        parts.push({ type: 'text', value: rest.slice(0, match.index) } satisfies Text, {
          type: 'element',
          tagName: 'a',
          properties: { href: `/${glossaryPage}#${term.slug}`, className: ['hard-word'] },
          children: [{ type: 'text', value: match[0] }],
        });
        rest = rest.slice(match.index + match[0].length);
      }
      if (parts.length === 0) return;
      parts.push({ type: 'text', value: rest });
      ctx.replaceNode(node, parts);
    },
  });
}
