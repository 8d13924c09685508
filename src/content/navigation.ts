/**
 * Moving through mentions without a mouse: the keyboard command (next / previous mention, sent by the
 * background) and "reveal" from the popup's digest. Each move scrolls the mention into view, opens its card
 * and puts focus in it. Mentions are visited in reading (document) order, whatever order they were found in.
 */
import { liveRange, type Annotator, type PageMention } from '../annotate/annotator';
import type { HoverController } from './hover';

export type Direction = 'next' | 'previous';

/** Mentions in document order (later rescans append out of order); those the page has removed are left out. */
function inReadingOrder(mentions: readonly PageMention[]): PageMention[] {
  const live: { mention: PageMention; range: Range }[] = [];
  for (const mention of mentions) {
    const range = mention.range.startContainer.isConnected ? liveRange(mention.range) : undefined;
    if (range) live.push({ mention, range });
  }
  live.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  return live.map((l) => l.mention);
}

/** The index to move to from `current` (-1: none yet), wrapping at both ends. */
export function stepIndex(current: number, count: number, direction: Direction): number {
  if (count === 0) return -1;
  if (current < 0) return direction === 'next' ? 0 : count - 1;
  return direction === 'next' ? (current + 1) % count : (current - 1 + count) % count;
}

const nextFrame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));

/** Walks the page's mentions in reading order, opening each one's card. */
export class MentionWalker {
  private last: PageMention | undefined;

  constructor(
    private readonly annotator: Annotator,
    private readonly hover: HoverController,
  ) {}

  /** Go to the next or previous mention; returns the entity id now shown, if any. */
  async step(direction: Direction): Promise<string | undefined> {
    const ordered = inReadingOrder(this.annotator.mentions);
    const from = this.hover.openMention() ?? this.last;
    const index = stepIndex(from ? ordered.indexOf(from) : -1, ordered.length, direction);
    const target = ordered[index];
    return target ? this.go(target) : undefined;
  }

  /** Scroll to the first mention of an entity and open its card. */
  async reveal(id: string): Promise<boolean> {
    const target = inReadingOrder(this.annotator.mentions).find(
      (m) => this.annotator.index.idOf(m.entity) === id,
    );
    return target ? (await this.go(target)) !== undefined : false;
  }

  private async go(mention: PageMention): Promise<string | undefined> {
    this.last = mention;
    this.hover.hide(false);
    const element = mention.range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    // Let the scroll events of our own scroll pass before the card opens (scrolling closes a card).
    await nextFrame();
    await nextFrame();
    return (await this.hover.open(mention)) ? this.annotator.index.idOf(mention.entity) : undefined;
  }
}
