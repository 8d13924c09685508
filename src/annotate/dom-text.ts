/**
 * Where a text node's text belongs: to a block (its nearest block-level ancestor, so a mention may cross
 * inline elements, `<a>Paris</a> Call`, but never a paragraph boundary), or nowhere: text inside form fields,
 * editors, code, scripts, SVG and NormLens's own UI is never annotated. Decided once per parent element and
 * memoised; the annotator asks only about the text nodes where the scanner found something.
 */

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

/** Placements of text under a page (or a page minus one subtree). */
export class BlockReader {
  private readonly placement = new Map<Node, Placement>();

  /** `excluded`: a subtree whose text this reader never reads (the article, when the rest of the page is read). */
  constructor(private readonly excluded: Node | null = null) {}

  /**
   * The block element a node's text belongs to, or null when its text must not be read. Iterative: the walk up
   * collects the ancestors not yet placed and places them top down, so a page nested 100,000 levels deep costs
   * time, never the stack.
   */
  place(parent: Node): Placement {
    const cached = this.placement.get(parent);
    if (cached !== undefined) return cached;
    const chain: Node[] = [];
    let above: Placement | undefined;
    for (let node: Node | null = parent; node; node = node.parentNode) {
      const known = this.placement.get(node);
      if (known !== undefined) {
        above = known;
        break;
      }
      chain.push(node);
    }
    // `above`: the placement of the nearest placed ancestor; undefined when the walk reached the top.
    for (let i = chain.length - 1; i >= 0; i--) {
      const node = chain[i]!;
      const result = this.placeOne(node, above);
      this.placement.set(node, result);
      above = result;
    }
    return this.placement.get(parent)!;
  }

  /** One node's placement, given its parent's (undefined: it has none). */
  private placeOne(node: Node, up: Placement | undefined): Placement {
    if (node === this.excluded) return null;
    if (node.nodeType !== 1) {
      return node.nodeType === 9 || node.nodeType === 11 ? (node as unknown as Element) : null;
    }
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag) || isEditable(el)) return null;
    if (up === undefined) return el;
    if (up === null) return null;
    return INLINE_TAGS.has(tag) ? up : el;
  }

  /** Forget memoised placements (after the page's structure changed). */
  reset(): void {
    this.placement.clear();
  }
}

function isEditable(el: Element): boolean {
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
}
