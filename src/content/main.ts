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
import { onMessage, sendMessage, type PageSummary } from '../messaging/protocol';
import { HoverController } from './hover';
import { createUiHost, UI_TAG, type UiHost } from './ui-host';
import { enabledKinds, matchOptionsOf, type ReaderSettings } from '../settings/reader';
import { ScanQueue } from './scan-queue';
import { pageKey, watchNavigations } from './spa-navigation';
import { Navigator } from './navigation';
import { publishedDate } from './published-date';

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
 * Turn the wire index into the matcher, and report its size (`normlens:index`: bytes, aliases) with, for
 * whoever tunes start-up, how long the index took to arrive (`waitMs`, from `since`) and to build.
 */
export function loadIndex(wire: AliasIndexWire, since = performance.now()): MatchIndex {
  const t0 = performance.now();
  const index = new MatchIndex(wire);
  const buildMs = performance.now() - t0;
  performance.mark('normlens:index', {
    detail: { bytes: index.byteSize(), aliases: wire.aliases.length, waitMs: t0 - since, buildMs },
  });
  return index;
}

export async function runContentScript(ctx: ContentScriptContext): Promise<void> {
  const start = performance.now();
  const g = globalThis as Global;
  if (g[GLOBAL_KEY]) return; // injected again into a page where NormLens already runs
  const placeholder: Running = { teardown: () => undefined };
  g[GLOBAL_KEY] = placeholder;

  const init = await sendMessage('page:init', { url: location.href }).catch(() => undefined);
  if (!init || ctx.isInvalid || g[GLOBAL_KEY] !== placeholder) {
    if (g[GLOBAL_KEY] === placeholder) delete g[GLOBAL_KEY];
    return;
  }

  const controller = new AbortController();
  let settings = init.settings;
  const annotator = new Annotator(loadIndex(init.index, start), annotatorOptionsOf(settings));
  let ui: UiHost | undefined;
  const getUi = (): UiHost => (ui ??= createUiHost(document));

  const sheet = new CSSStyleSheet();
  sheet.replaceSync(highlightCss(settings.underline));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

  let ready = false;
  const queue = new ScanQueue((chunkStart, chunkEnd) => {
    performance.measure('normlens:annotate', { start: chunkStart, end: chunkEnd });
    if (!ready) {
      ready = true;
      performance.measure('normlens:ready', { start, end: chunkEnd });
    }
  });

  const body = (): Element => document.body ?? document.documentElement;
  /** Where the reader wants mentions: the article region, or the whole page (article first). */
  let region: Element = body();
  let lastPage = pageKey(location.href);

  /** Queue a full scan: the article region first (found when the job starts), then the rest if wanted. */
  const queueFullScan = (): void => {
    queue.enqueue(
      () => {
        region = findArticleRegion(document);
        return annotator.startScan(region);
      },
      () =>
        settings.scope === 'page' && region !== body() ? annotator.startScan(body(), region) : undefined,
    );
  };

  const hover = new HoverController(annotator, getUi, (id) => sendMessage('card:get', { id }));
  hover.attach(document, controller.signal);
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
    if (next.underline !== settings.underline) sheet.replaceSync(highlightCss(next.underline));
    settings = next;
    hover.applySettings(settings);
    // A single-page app may have swapped the article: its date too.
    hover.articleDate = publishedDate(document);
    annotator.restart(index, annotatorOptionsOf(settings));
    lastPage = pageKey(location.href);
    queueFullScan();
  };

  const flush = (): void => {
    timer = undefined;
    if (document.hidden) return; // resumed on visibilitychange
    if (pageKey(location.href) !== lastPage || !region.isConnected) {
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
    for (const r of records) {
      const target = r.type === 'characterData' ? r.target.parentNode : r.target;
      if (!target || (ui && (target === ui.host || ui.host.contains(target)))) continue;
      if (target.nodeType === 1 && (target as Element).localName === UI_TAG) continue;
      pending.add(target);
    }
    if (pending.size > 0 || pageKey(location.href) !== lastPage) scheduleFlush();
  });
  observer.observe(body(), { childList: true, characterData: true, subtree: true });
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
  const removeListeners = [
    onMessage('page:teardown', () => teardown()),
    onMessage('page:summary', () => summary()),
    onMessage('page:settings', ({ data }) => restart(annotator.index, data)),
    // A new dataset was applied: match with its index from now on, and fetch cards afresh.
    onMessage('page:index', ({ data }) => {
      hover.resetCache();
      restart(loadIndex(data), settings);
    }),
    ...new Navigator(annotator, hover).listen(),
  ];

  const running: Running = { teardown };
  g[GLOBAL_KEY] = running;

  function teardown(): void {
    if (g[GLOBAL_KEY] !== running) return;
    delete g[GLOBAL_KEY];
    queue.stop();
    controller.abort();
    observer.disconnect();
    clearTimeout(timer);
    hover.hide();
    annotator.clear();
    ui?.remove();
    ui = undefined;
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    for (const remove of removeListeners) remove();
  }
  ctx.onInvalidated(teardown);
}
