/**
 * The page annotator: reads text per block, finds mentions, and marks them with the CSS Custom Highlight
 * API (one highlight per kind). It never modifies the page's DOM; everything it adds (highlights) is removed
 * by clear().
 */
import type { EntityKind } from '../dataset/schema';
import { ENTITY_KINDS } from '../dataset/kinds';
import { FoldBuffer } from '../text/fold';
import type { MatchIndex } from './alias-index';
import type { UnderlineStyle } from '../settings/reader';
import { BlockReader, locate, type TextBlock } from './dom-text';
import { findMentions, newPageMatchState, type MatchOptions, type PageMatchState } from './find-mentions';

export const HIGHLIGHT_NAMES: Record<EntityKind, string> = {
  initiative: 'normlens-initiative',
  country: 'normlens-country',
  person: 'normlens-person',
  organization: 'normlens-organization',
};

export interface PageMention {
  entity: number;
  kind: EntityKind;
  range: Range;
}

/** What the annotator marks: the matcher's options plus the kinds the reader switched on. */
export interface AnnotatorOptions extends MatchOptions {
  kinds: ReadonlySet<EntityKind>;
}

/** A scan in progress: step() reads blocks until the deadline and says whether any are left. */
export interface ScanCursor {
  step(deadline: number): boolean;
}

export class Annotator {
  readonly mentions: PageMention[] = [];
  /** Mentions by every text node they touch: the hover hit test starts here. */
  readonly byNode = new Map<Text, PageMention[]>();
  private readonly highlights = new Map<EntityKind, Highlight>();
  private readonly reader = new BlockReader();
  private readonly folded = new FoldBuffer(4096);
  private state: PageMatchState = newPageMatchState();

  constructor(
    private currentIndex: MatchIndex,
    private options: AnnotatorOptions,
  ) {}

  get index(): MatchIndex {
    return this.currentIndex;
  }

  /** Annotate every block under root (except inside `exclude`) at once; returns the number of new mentions. */
  scan(root: Node, exclude?: Node): number {
    const before = this.mentions.length;
    const cursor = this.startScan(root, exclude);
    while (cursor.step(Infinity));
    return this.mentions.length - before;
  }

  /**
   * A resumable scan of the blocks under root, skipping the subtree `exclude`: the caller runs it in
   * chunks and yields to the page between them.
   */
  startScan(root: Node, exclude?: Node): ScanCursor {
    const blocks = (exclude ? new BlockReader(exclude) : this.reader).cursor(root);
    let done = false;
    return {
      step: (deadline) => {
        if (done) return false;
        for (let block = blocks.next(); block !== undefined; block = blocks.next()) {
          this.scanBlock(block);
          if (performance.now() >= deadline) return true;
        }
        done = true;
        return false;
      },
    };
  }

  private scanBlock(block: TextBlock): void {
    // Most blocks name nothing: a native check rules them out before the per-character work.
    if (!this.currentIndex.prefilter.mayMatch(block.raw)) return;
    this.folded.reset();
    this.folded.append(block.raw, 0);
    const found = findMentions(this.currentIndex, block.raw, this.folded, this.state, this.options);
    if (found.length > 0) this.ensureHighlights();
    for (const m of found) {
      const kind = this.currentIndex.kindOf(m.entity);
      if (!this.options.kinds.has(kind)) continue;
      const [startNode, startOffset] = locate(block, m.start, false);
      const [endNode, endOffset] = locate(block, m.end, true);
      const range = new Range();
      range.setStart(startNode, startOffset);
      range.setEnd(endNode, endOffset);
      const mention: PageMention = { entity: m.entity, kind, range };
      this.mentions.push(mention);
      this.highlights.get(kind)!.add(range);
      const first = block.nodes.indexOf(startNode);
      const last = block.nodes.indexOf(endNode, first);
      for (let i = first; i <= last; i++) {
        const node = block.nodes[i]!;
        const list = this.byNode.get(node);
        if (list) list.push(mention);
        else this.byNode.set(node, [mention]);
      }
    }
  }

  /** Drop mentions inside these roots (their text changed) so they can be scanned again. */
  forget(roots: readonly Node[]): void {
    const gone = (m: PageMention): boolean =>
      !m.range.startContainer.isConnected || roots.some((r) => r.contains(m.range.startContainer));
    const keep: PageMention[] = [];
    for (const m of this.mentions) {
      if (gone(m)) this.highlights.get(m.kind)?.delete(m.range);
      else keep.push(m);
    }
    this.mentions.length = 0;
    this.mentions.push(...keep);
    // Entities mentioned only in the forgotten text may be mentioned "first" again when it is rescanned.
    this.state.mentioned = new Set(keep.map((m) => m.entity));
    for (const [node, list] of this.byNode) {
      const left = list.filter((m) => !gone(m));
      if (left.length === 0) this.byNode.delete(node);
      else this.byNode.set(node, left);
    }
    this.reader.reset();
  }

  /** Remove every highlight and forget everything found; the page is as it was. */
  clear(): void {
    for (const [kind, highlight] of this.highlights) {
      highlight.clear();
      if (CSS.highlights.get(HIGHLIGHT_NAMES[kind]) === highlight)
        CSS.highlights.delete(HIGHLIGHT_NAMES[kind]);
    }
    this.highlights.clear();
    this.mentions.length = 0;
    this.byNode.clear();
    this.reader.reset();
    this.state = newPageMatchState();
  }

  /** Start the page over with another index or options (rules like first-mention depend on reading order). */
  restart(index: MatchIndex, options: AnnotatorOptions): void {
    this.clear();
    this.currentIndex = index;
    this.options = options;
  }

  /** Mention counts per entity, in order of first appearance. */
  counts(): Map<number, number> {
    const counts = new Map<number, number>();
    for (const m of this.mentions) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    return counts;
  }

  private ensureHighlights(): void {
    if (this.highlights.size > 0) return;
    for (const kind of ENTITY_KINDS) {
      const highlight = new Highlight();
      this.highlights.set(kind, highlight);
      CSS.highlights.set(HIGHLIGHT_NAMES[kind], highlight);
    }
  }
}

/** The mention under a point, if any: caret position first, then the mention's own rectangles. */
export function mentionAt(
  annotator: Annotator,
  doc: Document,
  x: number,
  y: number,
): PageMention | undefined {
  let node: Node | null = null;
  let offset = 0;
  if ('caretPositionFromPoint' in doc) {
    const pos = (
      doc as Document & { caretPositionFromPoint(x: number, y: number): CaretPosition | null }
    ).caretPositionFromPoint(x, y);
    node = pos?.offsetNode ?? null;
    offset = pos?.offset ?? 0;
  } else {
    const r = (doc as Document).caretRangeFromPoint?.(x, y);
    node = r?.startContainer ?? null;
    offset = r?.startOffset ?? 0;
  }
  if (!node || node.nodeType !== 3) return undefined;
  const candidates = annotator.byNode.get(node as Text);
  if (!candidates) return undefined;
  for (const m of candidates) {
    if (!m.range.isPointInRange(node, offset) && !m.range.isPointInRange(node, Math.max(0, offset - 1)))
      continue;
    for (const rect of m.range.getClientRects()) {
      if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return m;
    }
  }
  return undefined;
}

/**
 * One colour per kind, mid-tone so it reads on light and dark pages alike; the reader picks the mark's
 * style. 'background' tints the text's background with the same colour, translucent so any text colour
 * stays readable on it.
 */
export const KIND_COLOURS: Record<EntityKind, string> = {
  initiative: '124 58 237', // violet
  country: '2 132 199', // sky blue
  person: '217 119 6', // amber
  organization: '5 150 105', // green
};

/** The highlight style sheet for an underline style. */
export function highlightCss(style: UnderlineStyle): string {
  return ENTITY_KINDS.map((kind) => {
    const rgb = KIND_COLOURS[kind];
    const rule =
      style === 'background'
        ? `background-color: rgb(${rgb} / 0.22);`
        : `text-decoration: underline ${style} 2px rgb(${rgb}); text-underline-offset: 3px;`;
    return `::highlight(${HIGHLIGHT_NAMES[kind]}) { ${rule} }`;
  }).join('\n');
}
