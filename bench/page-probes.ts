/**
 * Code the benchmark runs inside a page's main world (through Playwright's page.evaluate). Each probe is
 * self-contained: Playwright sends the function's source to the page, so a probe may not call anything
 * from this module or capture outer variables. Nor may it store a function in a variable or property of its
 * own (`const f = () => ...`): tsx names such functions through an `__name` helper that exists in Node but
 * not in the page, and the probe fails there with "__name is not defined".
 */

export interface FloorResult {
  ms: number;
  /** Characters of text read: the page's size as the floor sees it. */
  chars: number;
}

export interface BaselineResult {
  ms: number;
  hits: number;
}

/** The RegExp union every baseline searches with. */
export interface UnionArgs {
  source: string;
  flags: string;
}

export interface NormLensPageResult {
  /** Every normlens:annotate measure, in order. */
  tasks: number[];
  readyMs: number;
  /** Ranges across NormLens's highlights. */
  mentions: number;
  /** Detail of the normlens:index mark, when the engine emits it (engine: 'wasm' or 'js'; '' when not said). */
  index: { bytes: number; aliases: number; engine: string } | null;
}

/** The floor: a bare TreeWalker over every text node, reading and lower-casing its text. */
export function floorProbe(): FloorResult {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    chars += (n as Text).data.toLowerCase().length;
  }
  return { ms: performance.now() - t0, chars };
}

/**
 * The RegExp baseline: compile the union, find every hit in each text node (skipping script and style, as
 * mark.js does) and wrap each hit in a span, as a simple page highlighter would.
 */
export function regexpProbe({ source, flags }: UnionArgs): BaselineResult {
  const t0 = performance.now();
  const re = new RegExp(source, flags);
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    const parent = n.parentNode?.nodeName;
    if (parent === 'SCRIPT' || parent === 'STYLE') continue;
    nodes.push(n as Text);
  }
  let hits = 0;
  const bounds: number[] = [];
  for (const node of nodes) {
    const text = node.data;
    bounds.length = 0;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      bounds.push(m.index, m.index + m[0].length);
    }
    // Wrap from the last hit backwards so earlier offsets stay valid while the node is split.
    for (let i = bounds.length - 2; i >= 0; i -= 2) {
      node.splitText(bounds[i + 1]!);
      const hit = node.splitText(bounds[i]!);
      const span = document.createElement('span');
      span.className = 'bench-hit';
      hit.parentNode!.insertBefore(span, hit);
      span.appendChild(hit);
    }
    hits += bounds.length / 2;
  }
  return { ms: performance.now() - t0, hits };
}

/** mark.js (already loaded into the page as window.Mark) marking the same union over the body. */
export async function markJsProbe({ source, flags }: UnionArgs): Promise<BaselineResult> {
  const Mark = (window as unknown as { Mark?: typeof import('mark.js') }).Mark;
  if (!Mark) throw new Error('mark.js is not loaded in this page');
  const t0 = performance.now();
  let finished: ((marks: number) => void) | undefined;
  const done = new Promise<number>((resolve) => (finished = resolve));
  // mark.js calls `done` synchronously at the end of its walk; the promise only carries the count out.
  new Mark(document.body ?? document.documentElement).markRegExp(new RegExp(source, flags), {
    done: finished,
  });
  return done.then((marks) => ({ ms: performance.now() - t0, hits: marks }));
}

/**
 * Wait until NormLens is done with the page: its first pass has finished (normlens:ready) and no new
 * normlens:annotate measure has appeared for `quietMs` (chunked work yields between tasks, so the end
 * is seen as silence). Null when NormLens never got ready within `timeoutMs`.
 */
export async function normLensProbe(args: {
  quietMs: number;
  timeoutMs: number;
}): Promise<NormLensPageResult | null> {
  const started = performance.now();
  let seen = -1;
  let quietSince = performance.now();
  for (;;) {
    const now = performance.now();
    const ready = performance.getEntriesByName('normlens:ready');
    const tasks = performance.getEntriesByName('normlens:annotate');
    if (tasks.length !== seen) {
      seen = tasks.length;
      quietSince = now;
    }
    if (ready.length > 0 && now - quietSince >= args.quietMs) {
      let mentions = 0;
      for (const name of [
        'normlens-initiative',
        'normlens-country',
        'normlens-person',
        'normlens-organization',
      ]) {
        mentions += CSS.highlights.get(name)?.size ?? 0;
      }
      const mark = performance.getEntriesByName('normlens:index')[0] as PerformanceMark | undefined;
      const detail = mark?.detail as
        { bytes?: unknown; aliases?: unknown; engine?: unknown } | null | undefined;
      return {
        tasks: tasks.map((t) => t.duration),
        readyMs: ready[0]!.duration,
        mentions,
        index:
          detail && typeof detail.bytes === 'number'
            ? {
                bytes: detail.bytes,
                aliases: typeof detail.aliases === 'number' ? detail.aliases : -1,
                engine: typeof detail.engine === 'string' ? detail.engine : '',
              }
            : null,
      };
    }
    if (now - started > args.timeoutMs) return null;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** True when NormLens left any trace in this page (used to check a baseline page ran without it). */
export function normLensTouchedProbe(): boolean {
  return (
    performance.getEntriesByName('normlens:ready').length > 0 ||
    document.querySelector('normlens-ui') !== null ||
    CSS.highlights.has('normlens-country')
  );
}
