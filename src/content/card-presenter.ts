/**
 * Puts a card on the page and takes it off: renders it into NormLens's shadow root, themes it for the page
 * behind the mention, places it with Floating UI so the viewport never clips it and it never covers its
 * mention (on a narrow screen: as a bottom sheet across the screen's width), moves focus in and back for
 * keyboard-opened cards. It decides nothing (./hover-machine.ts does).
 */
import { computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { h, render } from 'preact';
import { Card } from '../card/Card';
import type { CardData } from '../shared/card-data';
import { isDarkAround } from './page-theme';
import type { UiHost } from './ui-host';

/** Steps by which a card's head gets shorter when the room beside its mention is short. */
const TIGHT = ['nl-tight', 'nl-tighter'] as const;

export interface Presentation {
  data: CardData;
  /** The mention's text on the page, live. */
  range: Range;
  /** Where the pointer was, to pick the line of a mention that wraps; undefined when opened by keyboard. */
  point: { x: number; y: number } | undefined;
  /** A narrow screen: the card is a sheet along the bottom edge, at most 70% of the screen tall. */
  sheet: boolean;
  articleDate: string | undefined;
  /** The mention's text, the name as the article wrote it. */
  mentionText: string;
  /** The entities the page names, in order of first mention. */
  pageEntities: { id: string; name: string }[];
  onClose(): void;
  onWrongMatch(): Promise<boolean>;
}

export class CardPresenter {
  /** Where focus was before a keyboard-opened card took it; it goes back there on close. */
  private returnFocus: Element | null = null;
  private showing = false;
  private wheelHeld: HTMLElement | undefined;

  constructor(private readonly ui: () => UiHost) {}

  /**
   * Wheel over the card scrolls the card, never the page behind it: at either end of the card's scroll (or on
   * a card with nothing to scroll) the wheel stops there, so reading to the end never closes the card.
   */
  private holdWheel(mount: HTMLElement): void {
    if (this.wheelHeld === mount) return;
    this.wheelHeld = mount;
    mount.addEventListener(
      'wheel',
      (e) => {
        const body = mount.querySelector<HTMLElement>('.nl-body');
        if (!body) return;
        const inBody = e.composedPath().includes(body);
        const room =
          e.deltaY < 0 ? body.scrollTop > 0 : body.scrollTop + body.clientHeight < body.scrollHeight - 1;
        if (!inBody || !room) e.preventDefault();
      },
      { passive: false },
    );
  }

  get isShowing(): boolean {
    return this.showing;
  }

  /** Is this event path inside the card (pointer over the card)? */
  contains(path: readonly EventTarget[]): boolean {
    return this.showing && path.includes(this.ui().host);
  }

  /** Remember what had focus, before a keyboard-opened card takes it. */
  rememberFocus(): void {
    if (this.showing) return;
    const active = document.activeElement;
    this.returnFocus = active && active !== document.body ? active : null;
  }

  async present(p: Presentation): Promise<void> {
    const ui = this.ui();
    this.showing = true;
    this.holdWheel(ui.mount);
    render(
      h(Card, {
        data: p.data,
        onClose: p.onClose,
        articleDate: p.articleDate,
        mentionText: p.mentionText,
        pageEntities: p.pageEntities,
        dark: isDarkAround(p.range.commonAncestorContainer),
        trapFocus: true,
        onWrongMatch: p.onWrongMatch,
      }),
      ui.mount,
    );
    const floating = ui.mount.firstElementChild as HTMLElement | null;
    if (!floating) return;
    floating.classList.add('nl-enter');
    floating.classList.toggle('nl-sheet', p.sheet);
    if (p.sheet) {
      // The mention stays visible above the sheet unless it sits in the bottom 70% of the screen: then the
      // sheet is shorter, down to a third of the screen.
      const top = p.range.getBoundingClientRect().bottom + 8;
      const room = Math.max(
        window.innerHeight / 3,
        window.innerHeight - Math.max(top, window.innerHeight * 0.3),
      );
      Object.assign(floating.style, {
        position: 'fixed',
        top: 'auto',
        bottom: '0px',
        left: '0px',
        width: '100vw',
        maxWidth: '100vw',
        borderRadius: '12px 12px 0 0',
      });
      floating.style.setProperty('--nl-room', `${Math.floor(room)}px`);
      return;
    }
    Object.assign(floating.style, {
      position: 'fixed',
      top: '0px',
      left: '0px',
      bottom: '',
      width: '',
      maxWidth: '',
      borderRadius: '',
    });
    // The side is chosen on the card's full height, not on the room of its last place.
    floating.style.removeProperty('--nl-room');
    const rects = [...p.range.getClientRects()];
    const point = p.point;
    const rect =
      rects.find((r) => point && point.y >= r.top && point.y <= r.bottom) ??
      rects[0] ??
      p.range.getBoundingClientRect();
    const reference: VirtualElement = { getBoundingClientRect: () => rect };
    const place = async (): Promise<void> => {
      const { x, y } = await computePosition(reference, floating, {
        strategy: 'fixed',
        placement: 'bottom-start',
        // Below the mention, or above where there is more room; never over it: a card taller than the room
        // on its side is cut to that room and its details scroll inside, so the name stays in view.
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
    };
    floating.classList.remove(...TIGHT);
    await place();
    // Where even the head does not fit the room (a short window), the head gives up its longer lines.
    let tightened = false;
    for (const cls of TIGHT) {
      if (floating.scrollHeight <= floating.clientHeight + 1) break;
      floating.classList.add(cls);
      tightened = true;
    }
    if (tightened) await place();
  }

  /** Move focus into the card (opened from the keyboard or the popup). */
  focus(): void {
    this.ui().mount.querySelector<HTMLElement>('.nl-card')?.focus({ preventScroll: true });
  }

  /** Take the card off; focus goes back where it was before a keyboard-opened card took it. */
  clear(restoreFocus: boolean): void {
    if (!this.showing) return;
    const hadFocus = this.ui().root.activeElement !== null;
    this.showing = false;
    render(null, this.ui().mount);
    const back = this.returnFocus;
    if (restoreFocus) this.returnFocus = null;
    if (restoreFocus && hadFocus && back instanceof HTMLElement && back.isConnected) {
      back.focus({ preventScroll: true });
    }
  }
}
