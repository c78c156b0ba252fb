/**
 * A light tree of the HTML the site itself writes, built from parse5's
 * tokenizer with each node's place in the source. A full parse5 parse of the
 * referral form's main took about 13 ms, far too long for every request; the
 * tokenizer alone takes about 2. What it gives up is HTML's error recovery
 * (implied end tags and the like), which Astro's well-formed output never
 * needs: an unmatched end tag is ignored, and an element left open ends
 * where its parent ends.
 */
import { Tokenizer, TokenizerMode, type Token } from 'parse5';

export interface Text {
  nodeName: '#text';
  startOffset: number;
  endOffset: number;
}

export interface Element {
  nodeName: string;
  attrs: { name: string; value: string }[];
  childNodes: Node[];
  startOffset: number;
  /** Just after the start tag's `>`. */
  startTagEnd: number;
  endOffset: number;
}

export type Node = Element | Text;

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Elements whose content is text, not tags, and how the tokenizer must read it. */
const TEXT_CONTENT: Record<string, (typeof TokenizerMode)[keyof typeof TokenizerMode]> = {
  script: TokenizerMode.SCRIPT_DATA,
  style: TokenizerMode.RAWTEXT,
  noscript: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  textarea: TokenizerMode.RCDATA,
  title: TokenizerMode.RCDATA,
};

/** The nodes of `source`, at the top level; offsets count from `base`. */
export function lightTree(source: string, base = 0): Node[] {
  const root: Element = { nodeName: '#root', attrs: [], childNodes: [], startOffset: 0, startTagEnd: 0, endOffset: 0 };
  const open: Element[] = [root];
  const characters = (token: Token.CharacterToken) => {
    const { location } = token;
    if (!location) return;
    const children = open.at(-1)!.childNodes;
    const last = children.at(-1);
    const [start, end] = [base + location.startOffset, base + location.endOffset];
    if (last?.nodeName === '#text' && last.endOffset === start) last.endOffset = end;
    else children.push({ nodeName: '#text', startOffset: start, endOffset: end });
  };
  const tokenizer: Tokenizer = new Tokenizer(
    { sourceCodeLocationInfo: true },
    {
      onStartTag(token) {
        const { location } = token;
        if (!location) return;
        const element: Element = {
          nodeName: token.tagName,
          attrs: token.attrs,
          childNodes: [],
          startOffset: base + location.startOffset,
          startTagEnd: base + location.endOffset,
          endOffset: base + location.endOffset,
        };
        open.at(-1)!.childNodes.push(element);
        if (VOID.has(token.tagName) || token.selfClosing) return;
        open.push(element);
        const mode = TEXT_CONTENT[token.tagName];
        if (mode !== undefined) tokenizer.state = mode;
      },
      onEndTag(token) {
        const at = open.findLastIndex((element) => element.nodeName === token.tagName);
        if (at < 1 || !token.location) return;
        for (const element of open.splice(at)) element.endOffset = base + token.location.endOffset;
      },
      onCharacter: characters,
      onWhitespaceCharacter: characters,
      onNullCharacter: characters,
      onComment() {},
      onDoctype() {},
      onEof() {},
    },
  );
  tokenizer.write(source, true);
  for (const element of open.slice(1)) element.endOffset = base + source.length;
  return root.childNodes;
}
