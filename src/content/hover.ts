/**
 * Hover: hit-tests the pointer against mention ranges (no listeners on page elements), opens the card
 * after the reader's hover delay, keeps it while the pointer is on the mention or the card, closes it on Esc
 * or when the pointer has left both. The same card opens from the keyboard (./navigation.ts): then focus
 * goes into it, Tab stays inside, and Esc gives focus back. The card is positioned with Floating UI so the
 * viewport never clips it and it never covers its mention, and turns dark on dark pages.
 */
import { computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { h, render } from 'preact';
import { Card } from '../card/Card';
import type { CardData } from '../db/queries';
import { liveRange, mentionAt, type Annotator, type PageMention } from '../annotate/annotator';
import { sendMessage } from '../messaging/protocol';
import type { ReaderSettings } from '../settings/reader';
import { isDarkBackground } from '../ui/theme';
import type { UiHost } from './ui-host';

export interface HoverOptions {
  openDelay: number;
  closeDelay: number;
}

export const DEFAULT_HOVER: HoverOptions = { openDelay: 250, closeDelay: 300 };

/** Computed background colours from the mention's element outwards, for the page-darkness test. */
function backgroundsAround(node: Node): string[] {
  const colors: string[] = [];
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    colors.push(getComputedStyle(el).backgroundColor);
  }
  return colors;
}

export class HoverController {
  private current: PageMention | undefined;
  private shownFor: PageMention | undefined;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private lastPoint: { x: number; y: number } | undefined;
  /** Whether the last pointer move was over the card; read during dispatch (composedPath() is empty after). */
  private lastOverCard = false;
  private readonly cache = new Map<number, Promise<CardData | undefined>>();
  private readonly options: HoverOptions;
  /** Opened from the keyboard: the pointer leaving does not close it. */
  private pinned = false;
  /** Where focus was before a keyboard-opened card took it; it goes back there on close. */
  private returnFocus: Element | null = null;
  /** The article's publication date, when the page declares one (./published-date.ts). */
  articleDate: string | undefined;

  constructor(
    private readonly annotator: Annotator,
    private readonly ui: () => UiHost,
    private readonly loadCard: (id: string) => Promise<CardData | undefined>,
    options: HoverOptions = DEFAULT_HOVER,
  ) {
    this.options = { ...options };
  }

  /** Attach listeners; every one is removed when signal aborts. */
  attach(doc: Document, signal: AbortSignal): void {
    doc.addEventListener('pointermove', (e) => this.onPointerMove(e), { passive: true, signal });
    doc.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Escape' && this.shownFor) this.hide();
      },
      { signal },
    );
    window.addEventListener('scroll', () => this.shownFor && this.hide(), { passive: true, signal });
    signal.addEventListener('abort', () => this.dispose());
  }

  /** The reader changed settings: the next hover uses the new delay, no reload needed. */
  applySettings(settings: Pick<ReaderSettings, 'hoverDelayMs'>): void {
    this.options.openDelay = settings.hoverDelayMs;
  }

  get openDelay(): number {
    return this.options.openDelay;
  }

  private onPointerMove(e: PointerEvent): void {
    this.lastPoint = { x: e.clientX, y: e.clientY };
    this.lastOverCard = this.shownFor !== undefined && e.composedPath().includes(this.ui().host);
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const p = this.lastPoint;
      if (!p) return;
      const overCard = this.lastOverCard && this.shownFor !== undefined;
      this.update(overCard ? this.shownFor : mentionAt(this.annotator, document, p.x, p.y), overCard);
    });
  }

  private update(mention: PageMention | undefined, overCard: boolean): void {
    if (mention && (mention === this.shownFor || overCard)) {
      clearTimeout(this.closeTimer);
      this.closeTimer = undefined;
      clearTimeout(this.openTimer);
      this.current = mention;
      return;
    }
    if (this.pinned && !mention) return;
    if (mention !== this.current) {
      this.current = mention;
      clearTimeout(this.openTimer);
      if (mention) this.openTimer = setTimeout(() => void this.show(mention), this.options.openDelay);
    }
    if (!mention && this.shownFor && this.closeTimer === undefined) {
      this.closeTimer = setTimeout(() => this.hide(), this.options.closeDelay);
    }
  }

  private card(entity: number): Promise<CardData | undefined> {
    let p = this.cache.get(entity);
    if (!p) {
      p = this.loadCard(this.annotator.index.idOf(entity)).catch(() => undefined);
      this.cache.set(entity, p);
    }
    return p;
  }

  /** Open the card of a mention from the keyboard or the popup: focus goes into the card. */
  async open(mention: PageMention): Promise<boolean> {
    const active = document.activeElement;
    if (!this.shownFor) this.returnFocus = active && active !== document.body ? active : null;
    this.hide(false);
    this.current = mention;
    this.lastPoint = undefined;
    await this.show(mention);
    if (this.shownFor !== mention) return false;
    this.pinned = true;
    const card = this.ui().mount.querySelector<HTMLElement>('.nl-card');
    card?.focus({ preventScroll: true });
    return true;
  }

  async show(mention: PageMention): Promise<void> {
    const data = await this.card(mention.entity);
    if (!data || this.current !== mention) return;
    clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
    // The page may have changed the mention's text since it was found: no card for text that is gone.
    const range = liveRange(mention.range);
    if (!range) return;
    const ui = this.ui();
    this.shownFor = mention;
    this.pinned = false;
    const matchedText = range.toString();
    render(
      h(Card, {
        data,
        onClose: () => this.hide(),
        articleDate: this.articleDate,
        dark: isDarkBackground(backgroundsAround(range.commonAncestorContainer)),
        trapFocus: true,
        onWrongMatch: () =>
          sendMessage('report:wrong-match', {
            entityId: data.entity.id,
            matchedText: matchedText.replace(/\s+/g, ' ').trim().slice(0, 200),
            pageUrl: location.href,
          })
            .then(() => true)
            .catch((error: unknown) => {
              // The background refused the report (it names the bad field): the card says it was not saved.
              console.warn('[normlens] wrong-match report refused', error);
              return false;
            }),
      }),
      ui.mount,
    );
    const floating = ui.mount.firstElementChild as HTMLElement | null;
    if (!floating) return;
    floating.classList.add('nl-enter');
    Object.assign(floating.style, { position: 'fixed', top: '0px', left: '0px' });
    // The side is chosen on the card's full height, not on the room of its last place.
    floating.style.removeProperty('--nl-room');
    const rects = [...range.getClientRects()];
    const point = this.lastPoint;
    const rect =
      rects.find((r) => point && point.y >= r.top && point.y <= r.bottom) ??
      rects[0] ??
      range.getBoundingClientRect();
    const reference: VirtualElement = { getBoundingClientRect: () => rect };
    const { x, y } = await computePosition(reference, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      // Below the mention, or above where there is more room; never over it: a card taller than the room on
      // its side is cut to that room and scrolls inside, so the name the reader pointed at stays in view.
      middleware: [
        offset(6),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply: ({ availableHeight, elements }) => {
            elements.floating.style.setProperty('--nl-room', `${Math.floor(availableHeight)}px`);
          },
        }),
      ],
    });
    Object.assign(floating.style, { left: `${Math.round(x)}px`, top: `${Math.round(y)}px` });
  }

  /** Close the card; focus goes back where it was before a keyboard-opened card took it. */
  hide(restoreFocus = true): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
    this.current = undefined;
    if (this.shownFor === undefined) return;
    const hadFocus = this.ui().root.activeElement !== null;
    this.shownFor = undefined;
    this.pinned = false;
    render(null, this.ui().mount);
    if (restoreFocus) {
      const back = this.returnFocus;
      this.returnFocus = null;
      if (hadFocus && back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
    }
  }

  isOpen(): boolean {
    return this.shownFor !== undefined;
  }

  /** The mention whose card is open. */
  openMention(): PageMention | undefined {
    return this.shownFor;
  }

  /** Forget cached cards (after a dataset update). */
  resetCache(): void {
    this.cache.clear();
  }

  private dispose(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    if (this.frame) cancelAnimationFrame(this.frame);
  }
}
