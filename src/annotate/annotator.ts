/**
 * The page annotator: reads a root's text whole (one native textContent call, a walk that only counts text
 * node lengths), has the index's scanner find every alias in it, then keeps the matches that sit inside one
 * readable block (a mention may cross inline elements, never a paragraph or a skipped element) and pass the
 * dataset's rules, and marks them with the CSS Custom Highlight API (one highlight per kind). With
 * first-mention-only, later mentions are kept (for the hover hit test, the tap and the keyboard walk) but only
 * the first of each entity is registered in a highlight. It never modifies the page's DOM; everything it adds
 * (highlights) is removed by clear().
 */
import type { EntityKind } from '../shared/vocabulary';
import { ENTITY_KINDS } from '../shared/vocabulary';
import type { MatchIndex } from './alias-index';
import type { ReaderSettings } from '../shared/settings';
import { BlockReader } from './dom-text';
import {
  decide,
  newPageMatchState,
  noteMention,
  type MatchOptions,
  type PageMatchState,
} from './find-mentions';
import { FLAG_SOFT_END, FLAG_SOFT_START, RECORD } from './scanner';

/** The name each kind's highlight is registered under in CSS.highlights (styled as `::highlight(name)`). */
export const HIGHLIGHT_NAMES: Record<EntityKind, string> = {
  initiative: 'normlens-initiative',
  country: 'normlens-country',
  person: 'normlens-person',
  organization: 'normlens-organization',
  'threat-actor': 'normlens-threat-actor',
  incident: 'normlens-incident',
};

/**
 * A mention on the page. Its range is static: the browser keeps a live Range up to date on every change to
 * the page's DOM, which made the page's own edits many times slower with a page's worth of mentions (1,000
 * live ranges on a long article: 2,000 element insertions and removals took about 120 ms instead of 7).
 * A live copy is made where one is needed (hover, navigation); changed text is rescanned anyway.
 */
export interface PageMention {
  entity: number;
  kind: EntityKind;
  range: StaticRange;
  /** Registered in its kind's highlight (false: a later mention under first-mention-only, found but unmarked). */
  marked: boolean;
}

/** A live Range over a mention's static one, or undefined when the page has since changed its text. */
export function liveRange(range: AbstractRange): Range | undefined {
  try {
    const live = new Range();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    return live;
  } catch {
    return undefined;
  }
}

/** What the annotator marks: the matcher's options plus the kinds the reader switched on. */
export interface AnnotatorOptions extends MatchOptions {
  kinds: ReadonlySet<EntityKind>;
}

export function annotatorOptionsOf(settings: ReaderSettings): AnnotatorOptions {
  return {
    demonyms: settings.demonyms,
    firstMentionOnly: settings.firstMentionOnly,
    kinds: new Set(ENTITY_KINDS.filter((k) => settings.kinds[k])),
  };
}

/** Text nodes under a root, and where each starts in the root's text, as a (resumable) walk finds them. */
interface RootWalk {
  walker: TreeWalker;
  nodes: Text[];
  starts: number[];
  length: number;
}

/** Walk on until the deadline (checked every few hundred nodes); true when the walk is over. */
function walkUntil(walk: RootWalk, deadline: number): boolean {
  const { walker, nodes, starts } = walk;
  let length = walk.length;
  // The walk only counts: the text itself comes from one native textContent call.
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    nodes.push(n as Text);
    starts.push(length);
    length += (n as Text).length;
    if ((nodes.length & 511) === 0 && performance.now() >= deadline) {
      walk.length = length;
      return false;
    }
  }
  walk.length = length;
  return true;
}

/** A root read and scanned, its records being turned into mentions. */
interface RootScan {
  nodes: Text[];
  starts: number[];
  text: string;
  records: Int32Array;
  /** The next record to look at. */
  next: number;
  /** End of the last mention chosen: overlapping records after it lose (longest-leftmost). */
  covered: number;
}

/** The block a text node's text belongs to, or null when it is not read. */
function placeOf(reader: BlockReader, node: Text): Element | null {
  const parent = node.parentNode;
  return parent ? reader.place(parent) : null;
}

/**
 * The text node holding a UTF-16 offset: the last node starting at or before it (for an end offset, the
 * last starting before it, so a range never ends at the start of the next node).
 */
function nodeAt(starts: readonly number[], offset: number, isEnd: boolean): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid]!;
    if (s < offset || (!isEnd && s === offset)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A scan in progress: step() works until the deadline and says whether any is left. */
export interface ScanCursor {
  step(deadline: number): boolean;
}

export class Annotator {
  readonly mentions: PageMention[] = [];
  /** Mentions by every text node they touch, for the hover hit test: built when first asked for. */
  private byNode: Map<Text, PageMention[]> | undefined;
  private readonly highlights = new Map<EntityKind, Highlight>();
  private readonly reader = new BlockReader();
  private state: PageMatchState = newPageMatchState();

  constructor(
    private currentIndex: MatchIndex,
    private options: AnnotatorOptions,
  ) {
    // Registered up front: registering costs the same on every page, so it is setup, not per-text work.
    this.ensureHighlights();
  }

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
   * A resumable scan of the text under root, skipping the subtree `exclude` (`knownText`: root's textContent,
   * when the caller has it): the caller runs it in chunks and yields to the page between them. The first step
   * reads the text and scans it whole (native and WebAssembly work, linear in the text); later steps turn the
   * matches into mentions, in reading order.
   */
  startScan(root: Node, exclude?: Node, knownText?: string): ScanCursor {
    const reader = exclude ? new BlockReader(exclude) : this.reader;
    let walk: RootWalk | undefined;
    let scan: RootScan | undefined;
    let done = false;
    return {
      step: (deadline) => {
        if (done) return false;
        if (!scan) {
          walk ??= this.startWalk(root, reader);
          // A long page's walk is spread over several tasks, like the rest.
          if (walk && !walkUntil(walk, deadline)) return true;
          scan = walk && this.scanWalked(root, walk, knownText);
        }
        if (scan && !this.resolve(scan, reader, deadline)) return true;
        done = true;
        return false;
      },
    };
  }

  /** A walk over root's text nodes, or undefined when root's text is never read. */
  private startWalk(root: Node, reader: BlockReader): RootWalk | undefined {
    if (root.parentNode && root.nodeType === 1 && reader.place(root) === null) return undefined;
    const doc = root.ownerDocument ?? (root as Document);
    return { walker: doc.createTreeWalker(root, NodeFilter.SHOW_TEXT), nodes: [], starts: [], length: 0 };
  }

  /**
   * Scan the text of a finished walk (`knownText`: root's textContent, when the caller has read it already);
   * undefined when there is no text.
   */
  private scanWalked(root: Node, walk: RootWalk, knownText?: string): RootScan | undefined {
    const { nodes, starts, length } = walk;
    if (length === 0) return undefined;
    let text = knownText ?? (root.nodeType === 3 ? (root as Text).data : (root.textContent ?? ''));
    // textContent is exactly the text nodes' data in tree order; anything else (a CDATA section in SVG, a
    // page that changed between two chunks of the walk) falls back to joining what the walk saw.
    if (text.length !== length) text = nodes.map((n) => n.data).join('');
    const records = this.currentIndex.scanner.scan(text, starts).slice();
    return { nodes, starts, text, records, next: 0, covered: 0 };
  }

  /** Turn a scan's records into mentions until the deadline; true when all are done. */
  private resolve(scan: RootScan, reader: BlockReader, deadline: number): boolean {
    const { nodes, starts, text, records } = scan;
    const index = this.currentIndex;
    let first = 0;
    let block: Element | null = null;
    const blockStart = (): number => {
      let k = first;
      while (k > 0 && placeOf(reader, nodes[k - 1]!) === block) k--;
      return starts[k]!;
    };
    for (let r = scan.next; r < records.length; r += RECORD) {
      if ((r & 1023) === 0 && r > scan.next && performance.now() >= deadline) {
        scan.next = r;
        return false;
      }
      const start = records[r + 1]!;
      if (start < scan.covered) continue;
      const end = records[r + 2]!;
      first = nodeAt(starts, start, false);
      const last = nodeAt(starts, end, true);
      block = placeOf(reader, nodes[first]!);
      if (block === null) continue;
      let inBlock = true;
      for (let k = first + 1; k <= last && inBlock; k++) inBlock = placeOf(reader, nodes[k]!) === block;
      if (!inBlock) continue;
      // A letter just outside the match, in another text node: a boundary only if that node is elsewhere.
      const flags = records[r + 5]!;
      if (
        flags & FLAG_SOFT_START &&
        placeOf(reader, nodes[nodeAt(starts, records[r + 3]!, false)]!) === block
      )
        continue;
      if (flags & FLAG_SOFT_END && placeOf(reader, nodes[nodeAt(starts, records[r + 4]!, false)]!) === block)
        continue;
      const {
        taken,
        entity,
        marked = true,
      } = decide(index, text, start, end, records[r]!, this.state, this.options, blockStart);
      if (taken) scan.covered = end;
      if (entity === undefined) continue;
      const kind = index.kindOf(entity);
      if (!this.options.kinds.has(kind)) continue;
      this.ensureHighlights();
      const range = new StaticRange({
        startContainer: nodes[first]!,
        startOffset: start - starts[first]!,
        endContainer: nodes[last]!,
        endOffset: end - starts[last]!,
      });
      const mention: PageMention = { entity, kind, range, marked };
      this.mentions.push(mention);
      if (marked) this.highlights.get(kind)!.add(range);
      this.byNode = undefined;
    }
    scan.next = records.length;
    return true;
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
    // A kept later mention whose marked first mention was forgotten takes the mark: the entity keeps one.
    if (this.options.firstMentionOnly) {
      const marked = new Set(keep.filter((m) => m.marked).map((m) => m.entity));
      for (const m of keep) {
        if (marked.has(m.entity)) continue;
        m.marked = true;
        marked.add(m.entity);
        this.highlights.get(m.kind)?.add(m.range);
      }
    }
    // Entities mentioned only in the forgotten text may be mentioned "first" again when it is rescanned.
    this.state.mentioned = new Set();
    this.state.kindsSeen = 0;
    for (const m of keep) noteMention(this.currentIndex, this.state, m.entity);
    this.byNode = undefined;
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
    this.byNode = undefined;
    this.reader.reset();
    this.state = newPageMatchState();
  }

  /** Start the page over with another index or options (rules like first-mention depend on reading order). */
  restart(index: MatchIndex, options: AnnotatorOptions): void {
    this.clear();
    this.currentIndex = index;
    this.options = options;
    this.ensureHighlights();
  }

  /** The mentions touching a text node (most pages are never hovered: the index is built on first use). */
  mentionsIn(node: Text): readonly PageMention[] | undefined {
    if (!this.byNode) {
      const byNode = new Map<Text, PageMention[]>();
      const add = (text: Node, mention: PageMention): void => {
        const list = byNode.get(text as Text);
        if (list) list.push(mention);
        else byNode.set(text as Text, [mention]);
      };
      for (const mention of this.mentions) {
        const { startContainer, endContainer } = mention.range;
        add(startContainer, mention);
        if (endContainer === startContainer) continue;
        // A mention across inline elements: every text node from its start to its end.
        const common = liveRange(mention.range)?.commonAncestorContainer;
        if (!common) continue;
        const doc = startContainer.ownerDocument ?? document;
        const walker = doc.createTreeWalker(common, NodeFilter.SHOW_TEXT);
        walker.currentNode = startContainer;
        for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
          add(n, mention);
          if (n === endContainer) break;
        }
      }
      this.byNode = byNode;
    }
    return this.byNode.get(node);
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
  const candidates = annotator.mentionsIn(node as Text);
  if (!candidates) return undefined;
  for (const m of candidates) {
    const range = liveRange(m.range);
    if (!range) continue;
    if (!range.isPointInRange(node, offset) && !range.isPointInRange(node, Math.max(0, offset - 1))) continue;
    for (const rect of range.getClientRects()) {
      if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return m;
    }
  }
  return undefined;
}
