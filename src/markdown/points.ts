/**
 * Turns an easy-read point into picture-left, words-right markup.
 * A point is a paragraph or list item that starts with `![](picture:NAME)`:
 *   <div class="point"><img class="point__picture" …><div class="point__text"><p>…</p></div></div>
 * The picture's alt stays empty unless the author wrote one: the words beside
 * it say the same thing, so a screen reader need not hear it twice.
 */
import type { Element, ElementContent } from 'hast';
import { defineHastPlugin } from 'satteri';
import { pictureUrl, PICTURE_SIZE } from '../pictures/pictures.ts';

const PREFIX = 'picture:';

function leadingPicture(node: Element): { img: Element; rest: ElementContent[] } | undefined {
  const index = node.children.findIndex((child) => !(child.type === 'text' && !child.value.trim()));
  const first = node.children[index];
  if (first?.type !== 'element' || first.tagName !== 'img') return undefined;
  if (!String(first.properties.src ?? '').startsWith(PREFIX)) return undefined;
  const rest = node.children.slice(index + 1);
  const head = rest[0];
  if (head?.type === 'text') rest[0] = { ...head, value: head.value.trimStart() };
  return { img: first, rest };
}

function picture(img: Element, where: string): Element {
  const name = String(img.properties.src).slice(PREFIX.length);
  return {
    type: 'element',
    tagName: 'img',
    properties: {
      className: ['point__picture'],
      src: pictureUrl(name, where),
      alt: String(img.properties.alt ?? ''),
      width: PICTURE_SIZE,
      height: PICTURE_SIZE,
      // As src/components/Picture.astro: not fetched or drawn until near the screen.
      loading: 'lazy',
      decoding: 'async',
    },
    children: [],
  };
}

function div(className: string, children: ElementContent[]): Element {
  return { type: 'element', tagName: 'div', properties: { className: [className] }, children };
}

export const pointsPlugin = defineHastPlugin({
  name: 'easy-read-points',
  element: {
    filter: ['p', 'li'],
    visit(node, ctx) {
      const found = leadingPicture(node as Element);
      if (!found) return;
      const where = ctx.fileURL?.pathname ?? 'markdown';
      const words: ElementContent[] =
        node.tagName === 'p' ? [{ type: 'element', tagName: 'p', properties: {}, children: found.rest }] : found.rest;
      const content = [picture(found.img, where), div('point__text', words)];
      if (node.tagName === 'p') return div('point', content);
      return { ...node, properties: { ...node.properties, className: ['point'] }, children: content } as Element;
    },
  },
});
