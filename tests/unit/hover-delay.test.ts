// @vitest-environment happy-dom
/**
 * The hover delay, timed with fake timers (never with a clock in a browser): a card opens exactly when the
 * pointer has rested on a mention for the reader's delay, and a setting change applies to the next hover.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Annotator, PageMention } from '../../src/annotate/annotator';

vi.mock('../../src/annotate/annotator', () => ({ mentionAt: vi.fn() }));
const { mentionAt } = await import('../../src/annotate/annotator');
const { HoverController } = await import('../../src/content/hover');

const mention = { entity: 1 } as unknown as PageMention;

describe('hover delay', () => {
  let controller: AbortController;
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'],
    });
    controller = new AbortController();
    vi.mocked(mentionAt).mockReturnValue(mention);
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  function hoverWithDelay(delayMs: number) {
    const hover = new HoverController(
      {} as Annotator,
      () => {
        throw new Error('no card UI in this test');
      },
      () => Promise.resolve(undefined),
    );
    const show = vi.spyOn(hover, 'show').mockResolvedValue(undefined);
    hover.attach(document, controller.signal);
    hover.applySettings({ hoverDelayMs: delayMs });
    document.dispatchEvent(new PointerEvent('pointermove', { clientX: 10, clientY: 10 }));
    vi.advanceTimersToNextFrame(); // the hit test runs in the next animation frame
    return show;
  }

  it('opens the card only once the pointer has rested for the reader delay', () => {
    const show = hoverWithDelay(1500);
    vi.advanceTimersByTime(1499);
    expect(show).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(show).toHaveBeenCalledWith(mention);
  });

  it('a short delay opens sooner', () => {
    const show = hoverWithDelay(100);
    vi.advanceTimersByTime(100);
    expect(show).toHaveBeenCalledTimes(1);
  });
});
