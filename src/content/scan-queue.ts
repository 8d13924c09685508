/**
 * Runs annotation work in short chunks that yield to the page between them, so a long page never blocks
 * input or rendering: each chunk stops at a time budget, is reported (one `normlens:annotate` measure per
 * chunk), and the next chunk runs in a later task. Jobs run one after the other in the order queued.
 */
import type { ScanCursor } from '../annotate/annotator';

/** Work per chunk: well under the 50 ms long-task line even when a single block overshoots it a little. */
export const CHUNK_BUDGET_MS = 8;

/** Starts a job when its turn comes (not when queued: it must see the page as it is then). */
export type ScanJob = () => ScanCursor | undefined;

interface SchedulerLike {
  yield(): Promise<void>;
}

/** Let the page run (input, rendering, its own tasks) before continuing. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerLike> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  // A message posted to ourselves runs as a new task without setTimeout's clamping.
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export class ScanQueue {
  private readonly jobs: ScanJob[] = [];
  private cursor: ScanCursor | undefined;
  private pumping = false;
  private stopped = false;

  /** onChunk(start, end) is called after every chunk, with its performance.now() bounds. */
  constructor(
    private readonly onChunk: (start: number, end: number) => void,
    private readonly budgetMs = CHUNK_BUDGET_MS,
  ) {}

  enqueue(...jobs: ScanJob[]): void {
    if (this.stopped) return;
    this.jobs.push(...jobs);
    if (!this.pumping) {
      this.pumping = true;
      void this.pump();
    }
  }

  /** Drop queued and running work (a restart queues new work right after). */
  cancel(): void {
    this.jobs.length = 0;
    this.cursor = undefined;
  }

  /** Cancel for good: nothing queued later runs (teardown). */
  stop(): void {
    this.stopped = true;
    this.cancel();
  }

  get idle(): boolean {
    return !this.pumping;
  }

  /** One chunk: continue the current job, then start the next ones while the budget lasts. */
  private chunk(): void {
    const start = performance.now();
    const deadline = start + this.budgetMs;
    do {
      try {
        if (!this.cursor) {
          const job = this.jobs.shift();
          if (!job) break;
          this.cursor = job();
          if (!this.cursor) continue;
        }
        if (!this.cursor.step(deadline)) this.cursor = undefined;
      } catch (error) {
        // One bad job (a node the page removed mid-scan, a bug) must not stop the scans queued after it.
        console.error('[normlens] a scan job failed and was dropped', error);
        this.cursor = undefined;
      }
    } while (performance.now() < deadline && (this.cursor || this.jobs.length > 0));
    this.onChunk(start, performance.now());
  }

  private async pump(): Promise<void> {
    try {
      while (!this.stopped && (this.cursor || this.jobs.length > 0)) {
        this.chunk();
        if (this.cursor || this.jobs.length > 0) await yieldToPage();
      }
    } finally {
      this.pumping = false;
    }
  }
}
