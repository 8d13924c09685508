/**
 * The content script's life on one page: get the alias index from the background once, annotate in short
 * chunks (article region first), follow changes and single-page-app navigations, apply the reader's settings
 * live, answer the popup, and leave the page exactly as it was on teardown (site switched off, extension
 * updated or disabled). Every full (re)scan goes through restart(index, settings).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MatchIndex, type AliasIndexWire } from '../annotate/alias-index';
import { Annotator, highlightCss, type AnnotatorOptions } from '../annotate/annotator';
import { findArticleRegion } from '../annotate/article-region';
import { metaPolicies, policiesObjectToWasm } from '../annotate/wasm-policy';
import { onMessage, sendMessage, type PageInit, type PageSummary } from '../messaging/protocol';
import { HoverController } from './hover';
import { createUiHost, UI_TAG, type UiHost } from './ui-host';
import { enabledKinds, matchOptionsOf, type ReaderSettings } from '../settings/reader';
import { CHUNK_BUDGET_MS, ScanQueue, visibilityGate } from './scan-queue';
import { pageKey, watchNavigations } from './spa-navigation';
import { Navigator } from './navigation';
import { publishedDate } from './published-date';
import { installHighlightStyle } from './highlight-style';

interface Running {
  teardown(): void;
}

const GLOBAL_KEY = '__normlensRunning';
type Global = typeof globalThis & { [GLOBAL_KEY]?: Running };

/** How long text changes are gathered before they are scanned. */
const MUTATION_BATCH_MS = 150;

export function annotatorOptionsOf(settings: ReaderSettings): AnnotatorOptions {
  return { ...matchOptionsOf(settings), kinds: new Set(enabledKinds(settings)) };
}

/**
 * Turn the wire index into the matcher, and report (`normlens:index`) its size in bytes and aliases, the
 * scanner engine (wasm, or js where WebAssembly cannot run or the page's policy objects to it) and, for
 * whoever tunes start-up, how long the index took to arrive (`waitMs`, from `since`) and to build.
 */
export function loadIndex(
  wire: AliasIndexWire,
  engine: 'auto' | 'js',
  since = performance.now(),
): MatchIndex {
  const t0 = performance.now();
  const index = new MatchIndex(wire, engine);
  const buildMs = performance.now() - t0;
  performance.mark('normlens:index', {
    detail: {
      bytes: index.byteSize(),
      aliases: wire.aliases.length,
      engine: index.scanner.engine,
      waitMs: t0 - since,
      buildMs,
    },
  });
  return index;
}

export async function runContentScript(ctx: ContentScriptContext): Promise<void> {
  const start = performance.now();
  const g = globalThis as Global;
  if (g[GLOBAL_KEY]) return; // injected again into a page where NormLens already runs
  // Everything set up pushes its undo here; teardown runs them newest first, so a start-up that fails
  // half-way undoes exactly what it did and never leaves the running marker behind.
  const undo: (() => void)[] = [];
  const running: Running = { teardown };
  g[GLOBAL_KEY] = running;
  function teardown(): void {
    if (g[GLOBAL_KEY] !== running) return;
    delete g[GLOBAL_KEY];
    for (const step of undo.splice(0).reverse()) {
      try {
        step();
      } catch (error) {
        console.error('[normlens] teardown step failed', error);
      }
    }
  }
  // Listening before the first await: a teardown sent while page:init is in flight is not lost.
  undo.push(onMessage('page:teardown', () => teardown()));
  ctx.onInvalidated(teardown);

  const init = await sendMessage('page:init', { url: location.href }).catch(() => undefined);
  if (!init || ctx.isInvalid || g[GLOBAL_KEY] !== running) {
    teardown();
    return;
  }
  try {
    annotatePage(init, start, undo);
  } catch (error) {
    console.error('[normlens] start-up failed; the page is left as it was', error);
    teardown();
  }
}

/** Set up annotation, hover and live updates on the page; every step pushes its undo onto `undo`. */
function annotatePage(init: PageInit, start: number, undo: (() => void)[]): void {
  const controller = new AbortController();
  undo.push(() => controller.abort());
  let settings = init.settings;
  // WebAssembly only where the page's policy, from its headers (init.wasm) and its markup, lets it compile
  // without a violation report to the site (see wasm-policy.ts).
  const engine = init.wasm && !policiesObjectToWasm(metaPolicies(document)) ? 'auto' : 'js';
  const annotator = new Annotator(loadIndex(init.index, engine, start), annotatorOptionsOf(settings));
  undo.push(() => annotator.clear());
  let ui: UiHost | undefined;
  const getUi = (): UiHost => (ui ??= createUiHost(document));
  undo.push(() => {
    ui?.remove();
    ui = undefined;
  });

  const highlightStyle = installHighlightStyle(
    document,
    highlightCss(settings.underline),
    () => getUi().host,
  );
  undo.push(() => highlightStyle.remove());

  let ready = false;
  // No work in a background tab: a page opened there is annotated when the reader first shows it.
  const queue = new ScanQueue(
    (chunkStart, chunkEnd) => {
      performance.measure('normlens:annotate', { start: chunkStart, end: chunkEnd });
      if (!ready) {
        ready = true;
        performance.measure('normlens:ready', { start, end: chunkEnd });
      }
    },
    CHUNK_BUDGET_MS,
    visibilityGate(document, controller.signal),
  );
  undo.push(() => queue.stop());

  const body = (): Element => document.body ?? document.documentElement;
  /** Where the reader wants mentions: the article region, or the whole page (article first). */
  let region: Element = body();
  /** The <body> the last full scan started from: a page that swaps in a new one is scanned afresh. */
  let scannedBody = body();
  let lastPage = pageKey(location.href);

  /** Queue a full scan: the article region first (found when the job starts), then the rest if wanted. */
  const queueFullScan = (): void => {
    queue.enqueue(
      () => {
        const found = findArticleRegion(document);
        region = found.element;
        return annotator.startScan(region, undefined, found.text);
      },
      () =>
        settings.scope === 'page' && region !== body() ? annotator.startScan(body(), region) : undefined,
    );
  };

  const hover = new HoverController(annotator, getUi, (id) => sendMessage('card:get', { id }));
  hover.attach(document, controller.signal);
  undo.push(() => hover.hide());
  hover.applySettings(settings);
  hover.articleDate = publishedDate(document);

  // Live pages: gather changed subtrees, then rescan only those, never while the tab is hidden.
  const pending = new Set<Node>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Start the page over: new index or settings, or a new page in a single-page app. */
  const restart = (index: MatchIndex, next: ReaderSettings): void => {
    queue.cancel();
    pending.clear();
    hover.hide();
    if (next.underline !== settings.underline) highlightStyle.set(highlightCss(next.underline));
    settings = next;
    hover.applySettings(settings);
    // A single-page app may have swapped the article: its date too.
    hover.articleDate = publishedDate(document);
    annotator.restart(index, annotatorOptionsOf(settings));
    lastPage = pageKey(location.href);
    scannedBody = body();
    queueFullScan();
  };

  const flush = (): void => {
    timer = undefined;
    if (document.hidden) return; // resumed on visibilitychange
    if (pageKey(location.href) !== lastPage || !region.isConnected || body() !== scannedBody) {
      restart(annotator.index, settings);
      return;
    }
    // Keep the outermost changed nodes: walking up is linear in depth, unlike comparing every pair.
    const roots = [...pending].filter((n) => {
      if (!n.isConnected) return false;
      for (let up = n.parentNode; up; up = up.parentNode) if (pending.has(up)) return false;
      return true;
    });
    pending.clear();
    const inScope = settings.scope === 'page' ? roots : roots.filter((r) => region.contains(r));
    if (inScope.length === 0) return;
    let forgotten = false;
    queue.enqueue(
      ...inScope.map((root) => () => {
        // Forget when the job starts, not now: a scan still queued may not have reached these roots yet.
        if (!forgotten) annotator.forget(inScope);
        forgotten = true;
        return annotator.startScan(root);
      }),
    );
  };
  const scheduleFlush = (): void => {
    timer ??= setTimeout(flush, MUTATION_BATCH_MS);
  };
  const observer = new MutationObserver((records) => {
    let bodySwapped = false;
    for (const r of records) {
      const target = r.type === 'characterData' ? r.target.parentNode : r.target;
      if (!target || (ui && (target === ui.host || ui.host.contains(target)))) continue;
      if (target.nodeType === 1 && (target as Element).localName === UI_TAG) continue;
      // Only the body's text is annotated: changes under <html> itself may be a new <body> (flush checks),
      // and changes in <head> are not ours to scan.
      if (target === document.documentElement) bodySwapped ||= body() !== scannedBody;
      else if (body().contains(target)) pending.add(target);
    }
    if (bodySwapped || pending.size > 0 || pageKey(location.href) !== lastPage) scheduleFlush();
  });
  // The whole document, not the body: a page that replaces <body> is rescanned too (our host is skipped).
  observer.observe(document.documentElement, { childList: true, characterData: true, subtree: true });
  undo.push(() => {
    observer.disconnect();
    clearTimeout(timer);
  });
  watchNavigations(scheduleFlush, controller.signal);
  document.addEventListener(
    'visibilitychange',
    () => {
      if (!document.hidden && timer === undefined) flush();
    },
    { signal: controller.signal },
  );

  queueFullScan();

  const summary = (): PageSummary => ({
    url: location.href,
    entities: [...annotator.counts()].map(([entity, count]) => ({
      id: annotator.index.idOf(entity),
      name: annotator.index.wire.names[entity]!,
      kind: annotator.index.kindOf(entity),
      count,
    })),
  });
  // Messages from the background and popup; a new index for open tabs goes through restart(index, settings).
  undo.push(
    onMessage('page:summary', () => summary()),
    onMessage('page:settings', ({ data }) => restart(annotator.index, data)),
    // A new dataset was applied: match with its index from now on, and fetch cards afresh.
    onMessage('page:index', ({ data }) => {
      hover.resetCache();
      restart(loadIndex(data, engine), settings);
    }),
    ...new Navigator(annotator, hover).listen(),
  );
}
