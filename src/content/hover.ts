/**
 * Hover: hit-tests the pointer against mention ranges (no listeners on page elements) and drives the hover
 * machine (./hover-machine.ts): the card opens after the reader's hover delay, stays while the pointer is on
 * the mention or the card, closes on Esc, on scroll, or when the pointer has left both. The same card opens
 * from the keyboard (./navigation.ts): then focus goes into it, Tab stays inside, and Esc gives focus back.
 *
 * Touch: a tap on a mention opens its card at once (a bottom sheet on narrow screens), and it stays until a
 * tap elsewhere, Esc, a scroll or its close button. A tap on a mention inside a link, button or form control
 * is the page's: the link is followed and no card opens (that name's card is one tap away in the popup's
 * digest). NormLens never cancels a tap, so the page's own handlers see every one.
 *
 * Card data comes from the background once per entity; the presenter (./card-presenter.ts) renders it.
 */
import type { CardData } from '../shared/card-data';
import { liveRange, mentionAt, type Annotator, type PageMention } from '../annotate/annotator';
import { sendMessage } from '../shared/messaging';
import type { ReaderSettings } from '../shared/settings';
import type { UiHost } from './ui-host';
import { CardPresenter } from './card-presenter';
import { DEFAULT_DELAYS, HoverMachine, type HoverDelays } from './hover-machine';
import { mark } from './diagnostics';

/** A page scroll this soon after input inside the card came from the card, not from the reader leaving it. */
const CARD_SCROLL_GRACE_MS = 400;
/** What a tap on these belongs to: the page (follow the link, press the button), never a card. */
const INTERACTIVE =
  'a[href], button, input, select, textarea, label, summary, [role="button"], [role="link"], [contenteditable=""], [contenteditable="true"]';

/** A viewport this narrow shows the card as a bottom sheet. */
const SHEET_MAX_WIDTH = 560;

export class HoverController {
  private readonly machine: HoverMachine;
  private readonly presenter: CardPresenter;
  private readonly cache = new Map<number, Promise<CardData | undefined>>();
  private frame = 0;
  private lastPoint: { x: number; y: number } | undefined;
  /** Whether the last pointer move was over the card; read during dispatch (composedPath() is empty after). */
  private lastOverCard = false;
  /** Whether the card being opened was asked for by the keyboard, the popup or a tap (it stays open). */
  private pinNext = false;
  /** Whether the card being opened takes focus (keyboard and popup; not a tap). */
  private focusNext = false;
  /** The pointer type of the last press: a click that follows a touch press is a tap. */
  private lastPress = '';
  private pending: ((shown: boolean) => void) | undefined;
  /** When the reader last wheeled, touched or typed inside the card. */
  private cardInputAt = Number.NEGATIVE_INFINITY;
  /** The article's publication date, when the page declares one (./published-date.ts). */
  articleDate: string | undefined;

  constructor(
    private readonly annotator: Annotator,
    ui: () => UiHost,
    private readonly loadCard: (id: string) => Promise<CardData | undefined>,
    delays: HoverDelays = DEFAULT_DELAYS,
  ) {
    this.presenter = new CardPresenter(ui);
    this.machine = new HoverMachine(
      { set: (cb, ms) => window.setTimeout(cb, ms), clear: (t) => window.clearTimeout(t) },
      { ...delays },
      (mention) => void this.show(mention),
      () => this.presenter.clear(true),
      (state) => mark('hover', { shown: state.shown !== undefined, next: state.next.name }),
    );
  }

  /** Attach listeners; every one is removed when signal aborts. */
  attach(doc: Document, signal: AbortSignal): void {
    doc.addEventListener('pointermove', (e) => this.onPointerMove(e), { passive: true, signal });
    doc.addEventListener('pointerdown', (e) => (this.lastPress = e.pointerType), {
      passive: true,
      capture: true,
      signal,
    });
    doc.addEventListener('click', (e) => this.onClick(e), { passive: true, signal });
    doc.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Escape' && this.machine.shown) this.hide();
      },
      { signal },
    );
    // A scroll closes the card, unless it started inside the card (reading it to the end, by wheel, touch or
    // keys): the card keeps its own scroll (overscroll-behavior, and the presenter stops the wheel at its ends).
    for (const type of ['wheel', 'touchmove', 'keydown'] as const) {
      doc.addEventListener(
        type,
        (e) => {
          if (this.presenter.contains(e.composedPath())) this.cardInputAt = performance.now();
        },
        { passive: true, capture: true, signal },
      );
    }
    window.addEventListener(
      'scroll',
      () => {
        if (!this.machine.shown || performance.now() - this.cardInputAt < CARD_SCROLL_GRACE_MS) return;
        this.hide();
      },
      { passive: true, signal },
    );
    signal.addEventListener('abort', () => {
      if (this.frame) cancelAnimationFrame(this.frame);
      this.hide();
    });
  }

  /** The reader changed settings: the next hover uses the new delay, no reload needed. */
  applySettings(settings: Pick<ReaderSettings, 'hoverDelayMs'>): void {
    this.machine.delays.openDelay = settings.hoverDelayMs;
  }

  private onPointerMove(e: PointerEvent): void {
    // A finger moving is a scroll or a drag, not a hover: taps are handled on click.
    if (e.pointerType === 'touch') return;
    this.lastPoint = { x: e.clientX, y: e.clientY };
    this.lastOverCard = this.presenter.contains(e.composedPath());
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const p = this.lastPoint;
      if (!p) return;
      const overCard = this.lastOverCard && this.machine.shown !== undefined;
      this.machine.pointer(overCard ? undefined : mentionAt(this.annotator, document, p.x, p.y), overCard);
    });
  }

  /** A tap: on a mention outside links and controls, its card; anywhere else outside the card, close it. */
  private onClick(e: MouseEvent): void {
    const type = (e as Partial<PointerEvent>).pointerType || this.lastPress;
    if (type !== 'touch') return;
    if (this.presenter.contains(e.composedPath())) return;
    const target = e.target instanceof Element ? e.target : null;
    const mention = mentionAt(this.annotator, document, e.clientX, e.clientY);
    if (mention && target?.closest(INTERACTIVE)) {
      mark('tap', 'page'); // the page's tap: its link or control does what it does
      return;
    }
    if (!mention) {
      mark('tap', 'none');
      if (this.machine.shown) this.hide();
      return;
    }
    mark('tap', 'card');
    if (this.machine.shown === mention) return;
    this.lastPoint = { x: e.clientX, y: e.clientY };
    this.pinNext = true;
    this.focusNext = false;
    this.machine.openNow(mention);
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
  open(mention: PageMention): Promise<boolean> {
    this.presenter.rememberFocus();
    this.lastPoint = undefined;
    this.pinNext = true;
    this.focusNext = true;
    return new Promise((resolve) => {
      this.pending?.(false);
      this.pending = resolve;
      this.machine.openNow(mention);
    });
  }

  /** Fetch, check and present a mention's card, then tell the machine. */
  private async show(mention: PageMention): Promise<void> {
    const pinned = this.pinNext;
    const focus = this.focusNext;
    this.pinNext = false;
    this.focusNext = false;
    const data = await this.card(mention.entity);
    // The page may have changed the mention's text since it was found: no card for text that is gone.
    const range = data && this.machine.wants(mention) ? liveRange(mention.range) : undefined;
    if (!data || !range || !this.machine.wants(mention)) {
      this.machine.failed(mention);
      this.settle(false);
      return;
    }
    const matchedText = range.toString();
    await this.presenter.present({
      data,
      range,
      point: this.lastPoint,
      sheet: window.innerWidth <= SHEET_MAX_WIDTH,
      articleDate: this.articleDate,
      mentionText: matchedText,
      pageEntities: this.pageEntities(),
      onClose: () => this.hide(),
      onWrongMatch: () =>
        sendMessage('report:wrong-match', {
          entityId: data.entity.id,
          matchedText: matchedText.replace(/\s+/g, ' ').trim().slice(0, 200),
        })
          .then(() => true)
          .catch((error: unknown) => {
            // The background refused the report (it names why): the card says it was not saved.
            console.warn('[normlens] wrong-match report refused', error);
            return false;
          }),
    });
    this.machine.opened(mention, pinned);
    if (focus) this.presenter.focus();
    this.settle(this.machine.shown === mention);
  }

  /** The entities the page names, in order of first mention (the card relates itself to them). */
  private pageEntities(): { id: string; name: string }[] {
    const { index } = this.annotator;
    return [...this.annotator.counts().keys()].map((e) => ({
      id: index.idOf(e),
      name: index.wire.names[e] ?? '',
    }));
  }

  private settle(shown: boolean): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.(shown);
  }

  /** Close the card; focus goes back where it was before a keyboard-opened card took it. */
  hide(restoreFocus = true): void {
    if (!restoreFocus) {
      // Closing to open another card right away: keep where focus should go back to.
      this.presenter.clear(false);
    }
    this.machine.close();
  }

  isOpen(): boolean {
    return this.machine.shown !== undefined;
  }

  /** The mention whose card is open. */
  openMention(): PageMention | undefined {
    return this.machine.shown;
  }

  /** Forget cached cards (after a dataset update). */
  resetCache(): void {
    this.cache.clear();
  }
}
