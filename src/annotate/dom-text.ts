/**
 * Reads the page's text per block without touching it. A block is a run of text nodes under the same
 * block-level ancestor, so a mention may cross inline elements (`<a>Paris</a> Call`) but never a paragraph
 * boundary. Text inside form fields, editors, code, scripts, SVG and NormLens's own UI is never read.
 *
 * A plain TreeWalker over text nodes is the cheapest walk there is (no filter callback: each callback would
 * cross from the browser into the isolated world); where a text node sits is decided once per parent element
 * and memoised.
 */

export interface TextBlock {
  nodes: Text[];
  /** Offset of each node's first character in `raw`. */
  starts: number[];
  raw: string;
}

const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'SVG',
  'MATH',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'NORMLENS-UI',
]);

const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'BIG',
  'CITE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'LABEL',
  'MARK',
  'NOBR',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
]);

/** Where a parent element's text goes: null to skip it, else the block element it belongs to. */
type Placement = Element | null;

/** A resumable walk over the blocks under a root: long pages are read a few blocks at a time. */
export interface BlockCursor {
  /** The next block in document order, or undefined when the walk is over. */
  next(): TextBlock | undefined;
}

export class BlockReader {
  private readonly placement = new Map<Node, Placement>();

  /** `excluded`: a subtree whose text this reader never reads (the article, when the rest of the page is read). */
  constructor(private readonly excluded: Node | null = null) {}

  /** The block element a node's text belongs to, or null when its text must not be read. */
  place(parent: Node): Placement {
    const cached = this.placement.get(parent);
    if (cached !== undefined) return cached;
    let result: Placement;
    if (parent === this.excluded) result = null;
    else if (parent.nodeType !== 1) {
      result = parent.nodeType === 9 || parent.nodeType === 11 ? (parent as unknown as Element) : null;
    } else {
      const el = parent as Element;
      const tag = el.tagName.toUpperCase();
      if (SKIP_TAGS.has(tag) || isEditable(el)) result = null;
      else {
        const up = el.parentNode ? this.place(el.parentNode) : el;
        if (up === null) result = null;
        else result = INLINE_TAGS.has(tag) ? up : el;
      }
    }
    this.placement.set(parent, result);
    return result;
  }

  /** Forget memoised placements (after the page's structure changed). */
  reset(): void {
    this.placement.clear();
  }

  /** A cursor over every block of readable text under root, in document order. */
  cursor(root: Node): BlockCursor {
    const doc = root.ownerDocument ?? (root as Document);
    if (root.parentNode && root.nodeType === 1 && this.place(root) === null) return { next: () => undefined };
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let pending: Text | null = null; // first node of the next block, read ahead by the previous call
    let lastParent: Node | null = null;
    let lastPlacement: Placement = null;
    let done = false;
    const placementOf = (text: Text): Placement => {
      const parent = text.parentNode;
      if (parent !== lastParent) {
        lastParent = parent;
        lastPlacement = parent ? this.place(parent) : null;
      }
      return lastPlacement;
    };
    return {
      next: () => {
        if (done) return undefined;
        let block: TextBlock | undefined;
        let blockEl: Placement = null;
        if (pending) {
          blockEl = placementOf(pending);
          block = { nodes: [pending], starts: [0], raw: pending.data };
          pending = null;
        }
        for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
          const text = n as Text;
          const placement = placementOf(text);
          if (placement === null) continue;
          if (block === undefined) {
            block = { nodes: [], starts: [], raw: '' };
            blockEl = placement;
          } else if (placement !== blockEl) {
            pending = text;
            return block;
          }
          block.nodes.push(text);
          block.starts.push(block.raw.length);
          block.raw += text.data;
        }
        done = true;
        return block;
      },
    };
  }

  /** Every block of readable text under root, in document order. */
  read(root: Node, onBlock: (block: TextBlock) => void): void {
    const cursor = this.cursor(root);
    for (let block = cursor.next(); block !== undefined; block = cursor.next()) onBlock(block);
  }
}

function isEditable(el: Element): boolean {
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
}

/** The text node and offset for a raw offset in a block (end positions resolve to the earlier node). */
export function locate(block: TextBlock, offset: number, isEnd: boolean): [Text, number] {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid]!;
    if (s < offset || (!isEnd && s === offset)) lo = mid;
    else hi = mid - 1;
  }
  return [nodes[lo]!, offset - starts[lo]!];
}
