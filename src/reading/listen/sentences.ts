/**
 * Marks each sentence of a page's main content, so "Listen to this page"
 * (Listen.tsx) can read one sentence at a time and show which one it is
 * reading without splitting text in the browser. A block of one sentence
 * (a paragraph, list item, heading, label...) gets `data-s`; in a block of
 * several, each sentence's words are wrapped in `<span data-s>`.
 *
 * Only insertions are made into the HTML as it was sent: everything else,
 * byte for byte, stays as it was. Form controls, hidden words and anything
 * inside `[data-no-listen]` (the answers a person typed) are never marked.
 * It runs on every page sent, so it reads a light tree (tree.ts), not a
 * full parse.
 */
import { lightTree, type Element, type Node } from './tree.ts';
import { splitSentences, type Range } from './split.ts';

/** Blocks whose words are read. */
const BLOCKS = new Set([
  'p',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'dt',
  'dd',
  'td',
  'th',
  'legend',
  'label',
  'figcaption',
  'blockquote',
  'summary',
]);

/** A question's hint (forms/kit/components/Hint.astro) is a div, but read like a paragraph. */
const BLOCK_CLASS = /(?:^|\s)form-hint(?:\s|$)/;

/** Elements a span may not hold: inside a block, their words are marked inside them. */
const FLOW = new Set([
  'address',
  'article',
  'aside',
  'details',
  'div',
  'dl',
  'fieldset',
  'figure',
  'footer',
  'form',
  'header',
  'hr',
  'menu',
  'nav',
  'ol',
  'pre',
  'section',
  'table',
  'ul',
]);

/** Elements whose words, if any, are never read. */
const SKIPPED = new Set([
  'button',
  'input',
  'select',
  'textarea',
  'option',
  'template',
  'script',
  'style',
  'noscript',
  'svg',
  'img',
  'iframe',
  'object',
  'canvas',
]);

const MARK = ' data-s';
const OPEN = '<span data-s>';
const CLOSE = '</span>';

interface Insert {
  at: number;
  text: string;
}

/** A text node's words, with the offset in the page of each character. */
interface Piece {
  /** The direct child of the block that holds the text (the text itself, or an inline element around it). */
  child: Node;
  text: string;
  /** `offsets[i]` is where character i starts in the page; one more at the end. */
  offsets: number[];
  /** Where that child starts and ends in the page. */
  childStart: number;
  childEnd: number;
}

export function markSentences(html: string): string {
  const from = html.search(/<main[\s>]/i);
  const to = html.lastIndexOf('</main>');
  if (from < 0 || to < from) return html;
  const inserts: Insert[] = [];
  walk(lightTree(html.slice(from, to + '</main>'.length), from), html, inserts);
  if (inserts.length === 0) return html;
  // At one offset, a sentence that closes comes before the next that opens.
  inserts.sort((a, b) => a.at - b.at || Number(a.text === OPEN) - Number(b.text === OPEN));
  let out = '';
  let last = 0;
  for (const { at, text } of inserts) {
    out += html.slice(last, at) + text;
    last = at;
  }
  return out + html.slice(last);
}

function walk(nodes: Node[], html: string, inserts: Insert[]): void {
  for (const node of nodes) {
    if (!isElement(node) || isSkipped(node)) continue;
    if (isBlock(node)) markBlock(node, html, inserts);
    else walk(node.childNodes, html, inserts);
  }
}

/** Marks a block's sentences: each run of words between its inner blocks, which are marked in turn. */
function markBlock(block: Element, html: string, inserts: Insert[]): void {
  const runs: Node[][] = [[]];
  for (const child of block.childNodes) {
    if (isElement(child) && !isSkipped(child) && (FLOW.has(child.nodeName) || holdsBlock(child))) {
      // Its words are marked inside it: a span may not hold a div or a list.
      markBlock(child, html, inserts);
      runs.push([]);
    } else {
      runs.at(-1)!.push(child);
    }
  }
  const whole = runs.length === 1;
  for (const run of runs) {
    const pieces = run.flatMap((child) => piecesOf(child, child, html));
    const text = pieces.map((piece) => piece.text).join('');
    const sentences = mergeUnwrappable(splitSentences(text), pieces);
    if (sentences.length === 0) continue;
    if (whole && sentences.length === 1) {
      if (html[block.startTagEnd - 1] === '>') inserts.push({ at: block.startTagEnd - 1, text: MARK });
      continue;
    }
    wrap(sentences, pieces, inserts);
  }
}

/** Wraps each sentence in a span. */
function wrap(sentences: Range[], pieces: Piece[], inserts: Insert[]): void {
  for (const { start, end } of sentences) {
    const open = startAt(pieces, start);
    const close = endAt(pieces, end);
    if (open === undefined || close === undefined) continue;
    inserts.push({ at: open, text: OPEN }, { at: close, text: CLOSE });
  }
}

/**
 * A span can only wrap whole inline elements: where a sentence starts or ends
 * inside one (`<strong>First. Second</strong> third.`), it joins its neighbour.
 */
function mergeUnwrappable(sentences: Range[], pieces: Piece[]): Range[] {
  const merged: Range[] = [];
  for (const sentence of sentences) {
    const previous = merged.at(-1);
    if (previous && (endAt(pieces, previous.end) === undefined || startAt(pieces, sentence.start) === undefined)) {
      previous.end = sentence.end;
    } else {
      merged.push({ ...sentence });
    }
  }
  return merged;
}

/** Where in the page a sentence starting at `index` of the run's words can open a span. */
function startAt(pieces: Piece[], index: number): number | undefined {
  let seen = 0;
  for (const [n, piece] of pieces.entries()) {
    if (index < seen + piece.text.length) {
      if (piece.child.nodeName === '#text') return piece.offsets[index - seen];
      // Inside an inline element: only at its first word.
      const first = pieces.findIndex((other) => other.child === piece.child);
      const before =
        pieces
          .slice(first, n)
          .map((other) => other.text)
          .join('') + piece.text.slice(0, index - seen);
      return before.trim() === '' ? piece.childStart : undefined;
    }
    seen += piece.text.length;
  }
  return undefined;
}

/** Where in the page a sentence ending just before `index` of the run's words can close a span. */
function endAt(pieces: Piece[], index: number): number | undefined {
  let seen = 0;
  for (const [n, piece] of pieces.entries()) {
    if (index <= seen + piece.text.length && index > seen) {
      if (piece.child.nodeName === '#text') return piece.offsets[index - seen];
      const last = pieces.findLastIndex((other) => other.child === piece.child);
      const after =
        piece.text.slice(index - seen) +
        pieces
          .slice(n + 1, last + 1)
          .map((other) => other.text)
          .join('');
      return after.trim() === '' ? piece.childEnd : undefined;
    }
    seen += piece.text.length;
  }
  return undefined;
}

/** The words inside `node`, in order, each remembering the block's child it is in. */
function piecesOf(node: Node, child: Node, html: string): Piece[] {
  if (!isElement(node)) {
    return [
      {
        child,
        ...decode(html.slice(node.startOffset, node.endOffset), node.startOffset),
        childStart: child.startOffset,
        childEnd: child.endOffset,
      },
    ];
  }
  if (isSkipped(node)) return [];
  return node.childNodes.flatMap((inner) => piecesOf(inner, child, html));
}

/** The characters an HTML text run stands for, and where each starts. */
function decode(raw: string, at: number): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  const reference = /&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|(amp|lt|gt|quot|apos|nbsp));/y;
  for (let index = 0; index < raw.length;) {
    reference.lastIndex = index;
    const match = raw[index] === '&' ? reference.exec(raw) : null;
    const char = match ? referenced(match) : raw[index]!;
    for (let unit = 0; unit < char.length; unit++) offsets.push(at + index);
    text += char;
    index += match ? match[0].length : 1;
  }
  offsets.push(at + raw.length);
  return { text, offsets };
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function referenced([, decimal, hex, name]: RegExpExecArray): string {
  if (name) return NAMED[name]!;
  const code = decimal ? Number(decimal) : Number.parseInt(hex!, 16);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
}

function isElement(node: Node): node is Element {
  return node.nodeName !== '#text';
}

function isBlock(element: Element): boolean {
  return BLOCKS.has(element.nodeName) || (element.nodeName === 'div' && BLOCK_CLASS.test(attribute(element, 'class')));
}

function isSkipped(element: Element): boolean {
  return (
    SKIPPED.has(element.nodeName) ||
    element.attrs.some(
      ({ name, value }) =>
        name === 'data-no-listen' ||
        (name === 'aria-hidden' && value === 'true') ||
        (name === 'class' && /(?:^|\s)visually-hidden(?:\s|$)/.test(value)),
    )
  );
}

function holdsBlock(element: Element): boolean {
  return (
    isBlock(element) || element.childNodes.some((child) => isElement(child) && !isSkipped(child) && holdsBlock(child))
  );
}

function attribute(element: Element, name: string): string {
  return element.attrs.find((attr) => attr.name === name)?.value ?? '';
}
