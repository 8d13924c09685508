/**
 * Chunked annotation work: jobs run in order, each chunk stops at its budget and is reported once, the
 * page gets a turn (a new task) between chunks, cancel/stop end work mid-scan, and nothing runs while the
 * page is hidden.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ScanCursor } from '../../src/annotate/annotator';
import { ScanQueue, visibilityGate } from '../../src/content/scan-queue';

/** A cursor over `steps` units of work, each taking `unitMs` of (simulated) time. */
function fakeWork(
  steps: number,
  unitMs: number,
  clock: { now: number },
  log: string[],
  name: string,
): ScanCursor {
  let left = steps;
  return {
    step(deadline) {
      while (left > 0) {
        clock.now += unitMs;
        left--;
        log.push(name);
        if (clock.now >= deadline) return left > 0;
      }
      return false;
    },
  };
}

function withClock<T>(clock: { now: number }, run: () => Promise<T>): Promise<T> {
  const real = performance.now.bind(performance);
  performance.now = () => clock.now;
  return run().finally(() => (performance.now = real));
}

/** Resolves when the queue has no more work. */
async function drained(queue: ScanQueue): Promise<void> {
  while (!queue.idle) await new Promise((r) => setTimeout(r, 0));
}

describe('ScanQueue', () => {
  it('splits work into chunks within the budget, one report per chunk, jobs in order', async () => {
    const clock = { now: 0 };
    const log: string[] = [];
    const chunks: [number, number][] = [];
    await withClock(clock, async () => {
      const queue = new ScanQueue((s, e) => chunks.push([s, e]), 8);
      queue.enqueue(
        () => fakeWork(10, 2, clock, log, 'a'),
        () => undefined, // a job with nothing to do
        () => fakeWork(3, 2, clock, log, 'b'),
      );
      await drained(queue);
    });
    expect(log.join('')).toBe('aaaaaaaaaabbb');
    // 13 units of 2 ms with an 8 ms budget: 4 units per chunk.
    expect(chunks.map(([s, e]) => e - s)).toEqual([8, 8, 8, 2]);
  });

  it('drops a job that throws (when started or mid-scan), logs it, and runs the jobs after it', async () => {
    const clock = { now: 0 };
    const log: string[] = [];
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await withClock(clock, async () => {
        const queue = new ScanQueue(() => undefined, 8);
        queue.enqueue(
          () => {
            throw new Error('start failed');
          },
          () => ({
            step() {
              log.push('x');
              throw new Error('step failed');
            },
          }),
          () => fakeWork(3, 2, clock, log, 'b'),
        );
        await drained(queue);
        expect(queue.idle).toBe(true);
      });
      expect(log.join('')).toBe('xbbb');
      expect(errors).toHaveBeenCalledTimes(2);
    } finally {
      errors.mockRestore();
    }
  });

  it('yields to other tasks between chunks', async () => {
    const clock = { now: 0 };
    const log: string[] = [];
    await withClock(clock, async () => {
      const queue = new ScanQueue(() => log.push('|'), 4);
      queue.enqueue(() => fakeWork(6, 2, clock, log, 'w'));
      // A task of the page's, queued like ours (Node has no scheduler.yield: a MessageChannel task).
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        log.push('page');
        channel.port1.close();
      };
      channel.port2.postMessage(null);
      await drained(queue);
    });
    // The first chunk runs synchronously; the page's task runs before the work is over.
    expect(log.indexOf('page')).toBeGreaterThan(0);
    expect(log.indexOf('page')).toBeLessThan(log.lastIndexOf('w'));
  });

  it('cancel drops the rest of the current scan; new work after it runs; stop ends everything', async () => {
    const clock = { now: 0 };
    const log: string[] = [];
    await withClock(clock, async () => {
      const queue = new ScanQueue(() => undefined, 4);
      queue.enqueue(() => fakeWork(100, 2, clock, log, 'x'));
      queue.cancel();
      queue.enqueue(() => fakeWork(2, 2, clock, log, 'y'));
      await drained(queue);
      expect(log.filter((l) => l === 'x').length).toBeLessThanOrEqual(2);
      expect(log.filter((l) => l === 'y')).toHaveLength(2);

      queue.enqueue(() => fakeWork(100, 2, clock, log, 'z'));
      queue.stop();
      queue.enqueue(() => fakeWork(5, 2, clock, log, 'after-stop'));
      await drained(queue);
    });
    expect(log.filter((l) => l === 'z').length).toBeLessThanOrEqual(2);
    expect(log).not.toContain('after-stop');
  });

  it('runs no chunk while the page is hidden, and carries on where it stopped once it is shown', async () => {
    const clock = { now: 0 };
    const log: string[] = [];
    const page = fakeVisibility();
    const teardown = new AbortController();
    await withClock(clock, async () => {
      const queue = new ScanQueue(() => log.push('|'), 4, visibilityGate(page.doc, teardown.signal));
      queue.enqueue(() => fakeWork(6, 2, clock, log, 'w'));
      // The first chunk ran at once (the page is visible); then the reader switches tabs.
      expect(log.join('')).toBe('ww|');
      page.set(true);
      await ticks(5);
      expect(log.join('')).toBe('ww|');
      // A visibilitychange that leaves the page hidden changes nothing; work queued meanwhile waits too.
      page.set(true);
      queue.enqueue(() => fakeWork(1, 2, clock, log, 'n'));
      await ticks(5);
      expect(log.join('')).toBe('ww|');
      page.set(false);
      await drained(queue);
    });
    expect(log.join('')).toBe('ww|ww|ww|n|');
  });

  it('a hidden page torn down lets the queue end without running anything', async () => {
    const clock = { now: 0 };
    const log: string[] = [];
    const page = fakeVisibility();
    page.set(true);
    const teardown = new AbortController();
    await withClock(clock, async () => {
      const queue = new ScanQueue(() => log.push('|'), 4, visibilityGate(page.doc, teardown.signal));
      queue.enqueue(() => fakeWork(6, 2, clock, log, 'w'));
      await ticks(5);
      expect(queue.idle).toBe(false);
      queue.stop();
      teardown.abort();
      await drained(queue);
    });
    expect(log).toEqual([]);
    // Nothing is left listening on the page.
    expect(page.listeners()).toBe(0);
  });
});

/** Let `n` tasks of the event loop run. */
async function ticks(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0));
}

/** A document's visibility as the gate reads it: `hidden` and its `visibilitychange` event, listeners counted. */
function fakeVisibility(): { doc: Document; set(hidden: boolean): void; listeners(): number } {
  const target = new EventTarget();
  let hidden = false;
  let listeners = 0;
  const doc = {
    get hidden() {
      return hidden;
    },
    addEventListener(type: string, listener: () => void, options?: AddEventListenerOptions) {
      listeners++;
      options?.signal?.addEventListener('abort', () => listeners--);
      target.addEventListener(type, listener, options);
    },
  };
  return {
    doc: doc as unknown as Document,
    set(value) {
      hidden = value;
      target.dispatchEvent(new Event('visibilitychange'));
    },
    listeners: () => listeners,
  };
}
