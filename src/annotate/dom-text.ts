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
}

function isEditable(el: Element): boolean {
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
}
