/**
 * The hover machine, timed with fake timers (never with a clock in a browser): a card opens exactly when the
 * pointer has rested on a mention for the reader's delay, stays while the pointer is on it or the card, and
 * closes after the close delay once the pointer has left both; a card opened from the keyboard stays.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageMention } from '../../src/annotate/annotator';
import { HoverMachine } from '../../src/content/hover-machine';

const a = { entity: 1 } as unknown as PageMention;
const b = { entity: 2 } as unknown as PageMention;

describe('hover machine', () => {
  let opened: PageMention[];
  let closed: number;
  let machine: HoverMachine;
  beforeEach(() => {
    vi.useFakeTimers();
    opened = [];
    closed = 0;
    machine = new HoverMachine(
      { set: (cb, ms) => setTimeout(cb, ms) as unknown as number, clear: (t) => clearTimeout(t) },
      { openDelay: 1500, closeDelay: 300 },
      (m) => {
        opened.push(m);
        // The card loads and shows at once in this test.
        machine.opened(m, false);
      },
      () => closed++,
    );
  });
  afterEach(() => vi.useRealTimers());

  it('opens the card only once the pointer has rested for the reader delay, and the delay can change', () => {
    machine.pointer(a, false);
    vi.advanceTimersByTime(1499);
    expect(opened).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(opened).toEqual([a]);
    machine.delays.openDelay = 100;
    machine.pointer(b, false);
    vi.advanceTimersByTime(100);
    expect(opened).toEqual([a, b]);
  });

  it('never opens a card the pointer left before the delay ended', () => {
    machine.pointer(a, false);
    vi.advanceTimersByTime(1000);
    machine.pointer(undefined, false);
    vi.advanceTimersByTime(5000);
    expect(opened).toEqual([]);
  });

  it('keeps the card while the pointer is over it, closes it once the pointer has left both', () => {
    machine.pointer(a, false);
    vi.advanceTimersByTime(1500);
    machine.pointer(undefined, true); // over the card
    vi.advanceTimersByTime(1000);
    expect(closed).toBe(0);
    machine.pointer(undefined, false);
    vi.advanceTimersByTime(299);
    expect(closed).toBe(0);
    machine.pointer(a, false); // back on the mention in time
    vi.advanceTimersByTime(1000);
    expect(closed).toBe(0);
    machine.pointer(undefined, false);
    vi.advanceTimersByTime(300);
    expect(closed).toBe(1);
    expect(machine.shown).toBeUndefined();
  });

  it('does not show a card whose data came after the pointer moved to another mention', () => {
    const slow = new HoverMachine(
      { set: (cb, ms) => setTimeout(cb, ms) as unknown as number, clear: (t) => clearTimeout(t) },
      { openDelay: 10, closeDelay: 10 },
      () => undefined, // the data is still on its way
      () => undefined,
    );
    slow.pointer(a, false);
    vi.advanceTimersByTime(10);
    expect(slow.wants(a)).toBe(true);
    slow.pointer(b, false);
    expect(slow.wants(a)).toBe(false);
    slow.opened(a, false);
    expect(slow.shown).toBeUndefined();
  });

  it('keeps a card opened from the keyboard when the pointer is elsewhere, until closed', () => {
    const pinned = new HoverMachine(
      { set: (cb, ms) => setTimeout(cb, ms) as unknown as number, clear: (t) => clearTimeout(t) },
      { openDelay: 10, closeDelay: 10 },
      (m) => pinned.opened(m, true),
      () => closed++,
    );
    pinned.openNow(a);
    expect(pinned.shown).toBe(a);
    pinned.pointer(undefined, false);
    vi.advanceTimersByTime(1000);
    expect(pinned.shown).toBe(a);
    pinned.close();
    expect(pinned.shown).toBeUndefined();
    expect(closed).toBe(1);
  });
});
