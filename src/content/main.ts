/**
 * The content script's life on one page: get the alias index from the background once, annotate, follow
 * changes, answer the popup, and leave the page exactly as it was on teardown (site switched off, extension
 * updated or disabled).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MatchIndex } from '../annotate/alias-index';
import { Annotator, HIGHLIGHT_CSS } from '../annotate/annotator';
import { onMessage, sendMessage, type PageSummary } from '../messaging/protocol';
import { HoverController } from './hover';
import { createUiHost, UI_TAG, type UiHost } from './ui-host';
import { matchOptionsOf } from '../settings/reader';
import { Navigator } from './navigation';
import { publishedDate } from './published-date';

interface Running {
  teardown(): void;
}

const GLOBAL_KEY = '__normlensRunning';
type Global = typeof globalThis & { [GLOBAL_KEY]?: Running };

/** How long text changes are gathered before they are scanned. */
const MUTATION_BATCH_MS = 150;

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
  const annotator = new Annotator(new MatchIndex(init.index), matchOptionsOf(init.settings));
  let ui: UiHost | undefined;
  const getUi = (): UiHost => (ui ??= createUiHost(document));

  const sheet = new CSSStyleSheet();
  sheet.replaceSync(HIGHLIGHT_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

  const pass = (roots: readonly Node[]): number => {
    const t0 = performance.now();
    for (const root of roots) annotator.scan(root);
    const t1 = performance.now();
    performance.measure('normlens:annotate', { start: t0, end: t1 });
    return t1;
  };

  const readyAt = pass([document.body ?? document.documentElement]);
  performance.measure('normlens:ready', { start, end: readyAt });

  const hover = new HoverController(annotator, getUi, (id) => sendMessage('card:get', { id }));
  hover.applySettings(init.settings);
  hover.articleDate = publishedDate(document);
  hover.attach(document, controller.signal);

  // Live pages: gather changed subtrees, then rescan only those, never while the tab is hidden.
  const pending = new Set<Node>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = (): void => {
    timer = undefined;
    if (document.hidden) return; // resumed on visibilitychange
    const roots = [...pending].filter(
      (n) => n.isConnected && ![...pending].some((o) => o !== n && o.contains(n)),
    );
    pending.clear();
    if (roots.length === 0) return;
    annotator.forget(roots);
    pass(roots);
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      const target = r.type === 'characterData' ? r.target.parentNode : r.target;
      if (!target || (ui && (target === ui.host || ui.host.contains(target)))) continue;
      if (target.nodeType === 1 && (target as Element).localName === UI_TAG) continue;
      pending.add(target);
    }
    if (pending.size > 0 && timer === undefined) timer = setTimeout(flush, MUTATION_BATCH_MS);
  });
  observer.observe(document.body ?? document.documentElement, {
    childList: true,
    characterData: true,
    subtree: true,
  });
  document.addEventListener(
    'visibilitychange',
    () => {
      if (!document.hidden && pending.size > 0 && timer === undefined) flush();
    },
    { signal: controller.signal },
  );

  const summary = (): PageSummary => ({
    url: location.href,
    entities: [...annotator.counts()].map(([entity, count]) => ({
      id: annotator.index.idOf(entity),
      name: annotator.index.wire.names[entity]!,
      kind: annotator.index.kindOf(entity),
      count,
    })),
  });
  const removeListeners = [
    onMessage('page:teardown', () => teardown()),
    onMessage('page:summary', () => summary()),
    // A new dataset was applied: start the page over with the new index (page:init returns it).
    onMessage('page:index', () => {
      teardown();
      void runContentScript(ctx);
    }),
    onMessage('page:settings', ({ data }) => {
      // Options changed: start the page over with them (rules like first-mention depend on reading order).
      hover.applySettings(data);
      annotator.clear();
      annotator.setOptions(matchOptionsOf(data));
      pass([document.body ?? document.documentElement]);
    }),
    ...new Navigator(annotator, hover).listen(),
  ];

  const running: Running = { teardown };
  g[GLOBAL_KEY] = running;

  function teardown(): void {
    if (g[GLOBAL_KEY] !== running) return;
    delete g[GLOBAL_KEY];
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
