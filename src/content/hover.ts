/**
 * Hover: hit-tests the pointer against mention ranges (no listeners on page elements), opens the card
 * after a short delay, keeps it while the pointer is on the mention or the card, closes it on Esc or when
 * the pointer has left both. The card is positioned with Floating UI so the viewport never clips it.
 */
import { computePosition, flip, offset, shift, type VirtualElement } from '@floating-ui/dom';
import { h, render } from 'preact';
import { Card } from '../card/Card';
import type { CardData } from '../db/queries';
import { mentionAt, type Annotator, type PageMention } from '../annotate/annotator';
import type { UiHost } from './ui-host';

export interface HoverOptions {
  openDelay: number;
  closeDelay: number;
}

export const DEFAULT_HOVER: HoverOptions = { openDelay: 250, closeDelay: 300 };

export class HoverController {
  private current: PageMention | undefined;
  private shownFor: PageMention | undefined;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private lastPoint: { x: number; y: number } | undefined;
  private readonly cache = new Map<number, Promise<CardData | undefined>>();

  constructor(
    private readonly annotator: Annotator,
    private readonly ui: () => UiHost,
    private readonly loadCard: (id: string) => Promise<CardData | undefined>,
    private readonly options: HoverOptions = DEFAULT_HOVER,
  ) {}

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

  private onPointerMove(e: PointerEvent): void {
    this.lastPoint = { x: e.clientX, y: e.clientY };
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const p = this.lastPoint;
      if (!p) return;
      const overCard = this.shownFor !== undefined && e.composedPath().includes(this.ui().host);
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

  async show(mention: PageMention): Promise<void> {
    const data = await this.card(mention.entity);
    if (!data || this.current !== mention) return;
    clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
    const ui = this.ui();
    this.shownFor = mention;
    render(h(Card, { data, onClose: () => this.hide() }), ui.mount);
    const floating = ui.mount.firstElementChild as HTMLElement | null;
    if (!floating) return;
    floating.classList.add('nl-enter');
    Object.assign(floating.style, { position: 'fixed', top: '0px', left: '0px' });
    const rects = [...mention.range.getClientRects()];
    const point = this.lastPoint;
    const rect =
      rects.find((r) => point && point.y >= r.top && point.y <= r.bottom) ??
      rects[0] ??
      mention.range.getBoundingClientRect();
    const reference: VirtualElement = { getBoundingClientRect: () => rect };
    const { x, y } = await computePosition(reference, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [offset(6), flip({ padding: 8 }), shift({ padding: 8, crossAxis: true })],
    });
    Object.assign(floating.style, { left: `${Math.round(x)}px`, top: `${Math.round(y)}px` });
  }

  hide(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
    this.current = undefined;
    if (this.shownFor === undefined) return;
    this.shownFor = undefined;
    render(null, this.ui().mount);
  }

  isOpen(): boolean {
    return this.shownFor !== undefined;
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
