/**
 * The hover as an explicit state machine: what card is shown (and whether the keyboard pinned it), and what
 * happens next (waiting for the reader's hover delay, fetching the card, waiting to close). Every change goes
 * through one of the transitions below; the machine decides, the presenter (./card-presenter.ts) renders.
 * Timers come from the caller, so the machine runs under unit tests with fake timers.
 */
import type { PageMention } from '../annotate/annotator';

export type Next =
  | { name: 'none' }
  /** The pointer rests on a mention: its card opens when the delay ends. */
  | { name: 'opening'; mention: PageMention; timer: number }
  /** The card's data is on its way. */
  | { name: 'loading'; mention: PageMention }
  /** The pointer left the mention and the card: the card closes when the delay ends. */
  | { name: 'closing'; timer: number };

export interface HoverState {
  shown: { mention: PageMention; pinned: boolean } | undefined;
  next: Next;
}

export interface Timers {
  set(callback: () => void, ms: number): number;
  clear(timer: number): void;
}

export interface HoverDelays {
  openDelay: number;
  closeDelay: number;
}

export const DEFAULT_DELAYS: HoverDelays = { openDelay: 250, closeDelay: 300 };

export class HoverMachine {
  private current: HoverState = { shown: undefined, next: { name: 'none' } };

  constructor(
    private readonly timers: Timers,
    readonly delays: HoverDelays,
    /** The card should open for this mention (fetch and render); the machine is told the outcome. */
    private readonly onOpen: (mention: PageMention) => void,
    /** The card should close. */
    private readonly onClose: () => void,
    /** Told every state the machine enters (diagnostics: what end-to-end tests wait for). */
    private readonly observe: (state: HoverState) => void = () => undefined,
  ) {}

  private commit(state: HoverState): void {
    this.current = state;
    this.observe(state);
  }

  get state(): HoverState {
    return this.current;
  }

  get shown(): PageMention | undefined {
    return this.current.shown?.mention;
  }

  /** The mention the machine is about (waiting for, loading, or showing). */
  get target(): PageMention | undefined {
    const { next, shown } = this.current;
    if (next.name === 'opening' || next.name === 'loading') return next.mention;
    return shown?.mention;
  }

  private setNext(next: Next): void {
    const old = this.current.next;
    if ((old.name === 'opening' || old.name === 'closing') && old !== next) this.timers.clear(old.timer);
    this.commit({ ...this.current, next });
  }

  /** The pointer is over `mention` (or nothing), or over the open card. */
  pointer(mention: PageMention | undefined, overCard: boolean): void {
    const { shown, next } = this.current;
    if (shown && (overCard || (mention && mention === shown.mention))) {
      // Back on the card or its mention: nothing closes, nothing else opens.
      this.setNext({ name: 'none' });
      return;
    }
    if (shown?.pinned && !mention) return;
    if (mention) {
      if (this.target === mention && next.name !== 'closing' && next.name !== 'none') return;
      if (next.name === 'none' && shown?.mention === mention) return;
      const timer = this.timers.set(() => this.delayOver(mention), this.delays.openDelay);
      this.setNext({ name: 'opening', mention, timer });
      return;
    }
    if (next.name === 'opening' || next.name === 'loading') this.setNext({ name: 'none' });
    if (shown && this.current.next.name !== 'closing') {
      const timer = this.timers.set(() => this.close(), this.delays.closeDelay);
      this.setNext({ name: 'closing', timer });
    }
  }

  private delayOver(mention: PageMention): void {
    const next = this.current.next;
    if (next.name !== 'opening' || next.mention !== mention) return;
    this.setNext({ name: 'loading', mention });
    this.onOpen(mention);
  }

  /** Open a mention's card now (keyboard, popup): no delay, and the pointer leaving does not close it. */
  openNow(mention: PageMention): void {
    this.setNext({ name: 'loading', mention });
    this.onOpen(mention);
  }

  /** Is the machine still waiting for this mention's card (it may have moved on while the data came)? */
  wants(mention: PageMention): boolean {
    const next = this.current.next;
    return next.name === 'loading' && next.mention === mention;
  }

  /** The card for `mention` is on screen. */
  opened(mention: PageMention, pinned: boolean): void {
    if (!this.wants(mention)) return;
    this.commit({ shown: { mention, pinned }, next: { name: 'none' } });
  }

  /** Nothing could be shown for `mention` (no data, text gone). */
  failed(mention: PageMention): void {
    if (this.wants(mention)) this.setNext({ name: 'none' });
  }

  /** Close the card and forget what was coming (Esc, scroll, teardown, a button). */
  close(): void {
    this.setNext({ name: 'none' });
    if (!this.current.shown) return;
    this.commit({ shown: undefined, next: { name: 'none' } });
    this.onClose();
  }
}
