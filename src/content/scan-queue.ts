/**
 * Runs annotation work in short chunks that yield to the page between them, so a long page never blocks
 * input or rendering: each chunk stops at a time budget, is reported (one `normlens:annotate` measure per
 * chunk), and the next chunk runs in a later task. Jobs run one after the other in the order queued. While
 * the page is hidden (a background tab) no chunk runs: the work waits until the reader can see the page.
 */
import type { ScanCursor } from '../annotate/annotator';

/** Work per chunk: well under the 50 ms long-task line even when a single block overshoots it a little. */
export const CHUNK_BUDGET_MS = 8;

/** Starts a job when its turn comes (not when queued: it must see the page as it is then). */
export type ScanJob = () => ScanCursor | undefined;

/** Undefined when work may run now; else a promise that settles when it may (the page is shown again). */
export type WorkGate = () => Promise<void> | undefined;

/**
 * The gate of a document's visibility: closed while it is hidden, opened by the `visibilitychange` that
 * shows it again, or by `signal` (teardown), so that nothing waits forever.
 */
export function visibilityGate(
  doc: Document,
  signal: AbortSignal,
  onClosed = (): void => undefined,
): WorkGate {
  return () => {
    if (!doc.hidden || signal.aborted) return undefined;
    onClosed();
    return new Promise((resolve) => {
      const done = new AbortController();
      const open = (): void => {
        done.abort();
        resolve();
      };
      const onChange = (): void => {
        if (!doc.hidden) open();
      };
      doc.addEventListener('visibilitychange', onChange, { signal: done.signal });
      signal.addEventListener('abort', open, { signal: done.signal });
    });
  };
}

interface SchedulerLike {
  yield(): Promise<void>;
}

/** Let the page run (input, rendering, its own tasks) before continuing. */
function yieldToPage(): Promise<void> {
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

  /**
   * onChunk(start, end) is called after every chunk, with its performance.now() bounds; `gate` holds
   * chunks back while it is closed (see visibilityGate); onIdle when the queue has run dry.
   */
  constructor(
    private readonly onChunk: (start: number, end: number) => void,
    private readonly budgetMs = CHUNK_BUDGET_MS,
    private readonly gate: WorkGate = () => undefined,
    private readonly onIdle: () => void = () => undefined,
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
        const closed = this.gate();
        if (closed) {
          // Whatever is queued when the gate opens runs then (it may have been cancelled or replaced).
          await closed;
          continue;
        }
        this.chunk();
        if (this.cursor || this.jobs.length > 0) await yieldToPage();
      }
    } finally {
      this.pumping = false;
    }
    if (!this.stopped) this.onIdle();
  }
}
