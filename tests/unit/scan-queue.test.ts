/**
 * Chunked annotation work: jobs run in order, each chunk stops at its budget and is reported once, the
 * page gets a turn (a new task) between chunks, and cancel/stop end work mid-scan.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ScanCursor } from '../../src/annotate/annotator';
import { ScanQueue } from '../../src/content/scan-queue';

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
});
