/**
 * NormLens's life on one page, as one object: the matcher and the annotator, the scan queue, the hover and
 * the card host, the page's live changes and single-page-app navigations, and the reader's settings. It is
 * started once per page (./main.ts) and ended once; everything it sets up is tied to its one AbortSignal, so
 * ending it leaves the page exactly as it was. Every full (re)scan goes through restart(index, settings).
 */
import type { AliasIndexWire } from '../shared/index-wire';
import type { PageInit, PageSummary } from '../shared/protocol';
import type { ReaderSettings } from '../shared/settings';
import { onMessage } from '../shared/messaging';
import { MatchIndex } from '../annotate/alias-index';
import { Annotator, annotatorOptionsOf, liveRange } from '../annotate/annotator';
import { findArticleRegion } from '../annotate/article-region';
import { metaPolicies, policiesObjectToWasm } from '../annotate/wasm-policy';
import { HoverController } from './hover';
import { createUiHost, UI_TAG, type UiHost } from './ui-host';
import { CHUNK_BUDGET_MS, ScanQueue, visibilityGate } from './scan-queue';
import { pageKey, watchNavigations } from './spa-navigation';
import { MentionWalker } from './navigation';
import { publishedDate } from './published-date';
import { highlightCss, installHighlightStyle, type HighlightStyle } from './highlight-style';
import { highlightDrawsLines } from '../ui/marks';
import { isDarkAround } from './page-theme';
import { sendMessage } from '../shared/messaging';
import { mark, measure } from './diagnostics';

/** How long text changes are gathered before they are scanned. */
const MUTATION_BATCH_MS = 150;

/**
 * Turn the wire index into the matcher, and report (`normlens:index`) its size in bytes and aliases, the
 * scanner engine (wasm, or js where WebAssembly cannot run or the page's policy objects to it) and, for
 * whoever tunes start-up, how long the index took to arrive (`waitMs`, from `since`) and to build.
 */
function loadIndex(wire: AliasIndexWire, engine: 'auto' | 'js', since = performance.now()): MatchIndex {
  const t0 = performance.now();
  const index = new MatchIndex(wire, engine);
  const buildMs = performance.now() - t0;
  mark('index', {
    bytes: index.byteSize(),
    aliases: wire.aliases.length,
    engine: index.scanner.engine,
    waitMs: t0 - since,
    buildMs,
  });
  return index;
}

export class PageSession {
  private readonly controller = new AbortController();
  private readonly engine: 'auto' | 'js';
  private readonly annotator: Annotator;
  private readonly queue: ScanQueue;
  private readonly hover: HoverController;
  private readonly highlightStyle: HighlightStyle;
  private readonly observer: MutationObserver;
  private ui: UiHost | undefined;
  private settings: ReaderSettings;
  private ready = false;
  /** The first full scan of the current page has finished (the popup shows no empty state before). */
  private scanned = false;
  /** The page behind the marks is dark (lighter palette); the browser can draw lines on highlights. */
  private readonly look = { dark: false, lines: highlightDrawsLines(navigator.userAgent) };
  /** Where the reader wants mentions: the article region, or the whole page (article first). */
  private region: Element;
  /** The <body> the last full scan started from: a page that swaps in a new one is scanned afresh. */
  private scannedBody: Element;
  private lastPage: string;
  /** Changed subtrees gathered since the last batch. */
  private readonly pending = new Set<Node>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Ended: by the site being switched off, the extension going away, or start-up failing. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  constructor(
    init: PageInit,
    private readonly start: number,
  ) {
    const signal = this.signal;
    this.settings = init.settings;
    // WebAssembly only where the page's policy, from its headers (init.wasm) and its markup, lets it compile
    // without a violation report to the site (see wasm-policy.ts).
    this.engine = init.wasm && !policiesObjectToWasm(metaPolicies(document)) ? 'auto' : 'js';
    this.annotator = new Annotator(
      loadIndex(init.index, this.engine, start),
      annotatorOptionsOf(this.settings),
    );
    this.onEnd(() => this.annotator.clear());
    this.onEnd(() => {
      this.ui?.remove();
      this.ui = undefined;
    });
    this.look.dark = isDarkAround(this.body());
    this.highlightStyle = installHighlightStyle(
      document,
      highlightCss(this.settings.underline, this.look),
      () => this.getUi().host,
    );
    // A page that follows the reader's colour scheme may turn dark or light while it is open.
    matchMedia('(prefers-color-scheme: dark)').addEventListener(
      'change',
      () => this.updateLook(this.region),
      {
        signal,
      },
    );
    this.onEnd(() => this.highlightStyle.remove());

    // No work in a background tab: a page opened there is annotated when the reader first shows it.
    this.queue = new ScanQueue(
      (chunkStart, chunkEnd) => {
        measure('annotate', chunkStart, chunkEnd);
        if (!this.ready) {
          this.ready = true;
          measure('ready', this.start, chunkEnd);
        }
      },
      CHUNK_BUDGET_MS,
      visibilityGate(document, signal, () => mark('paused')),
      () => this.markIdleIfDone(),
    );
    this.onEnd(() => this.queue.stop());

    this.region = this.body();
    this.scannedBody = this.body();
    this.lastPage = pageKey(location.href);

    this.hover = new HoverController(
      this.annotator,
      () => this.getUi(),
      (id) => sendMessage('card:get', { id }),
    );
    this.hover.attach(document, signal);
    this.hover.applySettings(this.settings);
    this.hover.articleDate = publishedDate(document);

    // Live pages: gather changed subtrees, then rescan only those, never while the tab is hidden.
    this.observer = new MutationObserver((records) => this.onMutations(records));
    // The whole document, not the body: a page that replaces <body> is rescanned too (our host is skipped).
    this.observer.observe(document.documentElement, { childList: true, characterData: true, subtree: true });
    this.onEnd(() => {
      this.observer.disconnect();
      clearTimeout(this.timer);
    });
    watchNavigations(() => this.scheduleFlush(), signal);
    document.addEventListener(
      'visibilitychange',
      () => {
        if (!document.hidden && this.timer === undefined) this.flush();
      },
      { signal },
    );

    this.queueFullScan();
    this.listen();
  }

  /** End the session: every highlight, listener, observer and element NormLens added goes. */
  end(): void {
    if (this.signal.aborted) return;
    this.controller.abort();
  }

  /** Run `cleanup` when the session ends (errors are logged, the rest still runs). */
  private onEnd(cleanup: () => void): void {
    this.signal.addEventListener('abort', () => {
      try {
        cleanup();
      } catch (error) {
        console.error('[normlens] teardown step failed', error);
      }
    });
  }

  private getUi(): UiHost {
    return (this.ui ??= createUiHost(document));
  }

  private body(): Element {
    return document.body ?? document.documentElement;
  }

  /** The marks' palette follows the page's background behind the article region (light or dark). */
  private updateLook(region: Element): void {
    const dark = isDarkAround(region);
    if (dark === this.look.dark) return;
    this.look.dark = dark;
    this.highlightStyle.set(highlightCss(this.settings.underline, this.look));
  }

  /** Queue a full scan: the article region first (found when the job starts), then the rest if wanted. */
  private queueFullScan(): void {
    this.scanned = false;
    this.queue.enqueue(
      () => {
        const found = findArticleRegion(document);
        this.region = found.element;
        this.updateLook(this.region);
        return this.annotator.startScan(this.region, undefined, found.text);
      },
      () =>
        this.settings.scope === 'page' && this.region !== this.body()
          ? this.annotator.startScan(this.body(), this.region)
          : undefined,
      () => {
        this.scanned = true;
        return undefined;
      },
    );
  }

  /** Start the page over: new index or settings, or a new page in a single-page app. */
  restart(index: MatchIndex, next: ReaderSettings): void {
    this.queue.cancel();
    this.pending.clear();
    this.hover.hide();
    if (next.underline !== this.settings.underline)
      this.highlightStyle.set(highlightCss(next.underline, this.look));
    this.settings = next;
    this.hover.applySettings(this.settings);
    // A single-page app may have swapped the article: its date too.
    this.hover.articleDate = publishedDate(document);
    this.annotator.restart(index, annotatorOptionsOf(this.settings));
    this.lastPage = pageKey(location.href);
    this.scannedBody = this.body();
    this.queueFullScan();
  }

  private onMutations(records: MutationRecord[]): void {
    const ui = this.ui;
    let bodySwapped = false;
    for (const r of records) {
      const target = r.type === 'characterData' ? r.target.parentNode : r.target;
      if (!target || (ui && (target === ui.host || ui.host.contains(target)))) continue;
      if (target.nodeType === 1 && (target as Element).localName === UI_TAG) continue;
      // Only the body's text is annotated: changes under <html> itself may be a new <body> (flush checks),
      // and changes in <head> are not ours to scan.
      if (target === document.documentElement) bodySwapped ||= this.body() !== this.scannedBody;
      else if (this.body().contains(target)) this.pending.add(target);
    }
    if (bodySwapped || this.pending.size > 0 || pageKey(location.href) !== this.lastPage)
      this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => this.flush(), MUTATION_BATCH_MS);
    mark('batch'); // a change was noticed: tests that change a page after teardown check none was
  }

  private flush(): void {
    this.timer = undefined;
    if (document.hidden) {
      mark('paused'); // resumed on visibilitychange
      return;
    }
    if (
      pageKey(location.href) !== this.lastPage ||
      !this.region.isConnected ||
      this.body() !== this.scannedBody
    ) {
      this.restart(this.annotator.index, this.settings);
      return;
    }
    // Keep the outermost changed nodes: walking up is linear in depth, unlike comparing every pair.
    const roots = [...this.pending].filter((n) => {
      if (!n.isConnected) return false;
      for (let up = n.parentNode; up; up = up.parentNode) if (this.pending.has(up)) return false;
      return true;
    });
    this.pending.clear();
    const inScope = this.settings.scope === 'page' ? roots : roots.filter((r) => this.region.contains(r));
    if (inScope.length === 0) {
      this.markIdleIfDone();
      return;
    }
    let forgotten = false;
    this.queue.enqueue(
      ...inScope.map((root) => () => {
        // Forget when the job starts, not now: a scan still queued may not have reached these roots yet.
        if (!forgotten) this.annotator.forget(inScope);
        forgotten = true;
        return this.annotator.startScan(root);
      }),
    );
  }

  /**
   * `normlens:idle`: nothing queued, nothing gathered, no batch waiting. Tests wait for it instead of sleeping
   * before they check that nothing (more) happened.
   */
  private markIdleIfDone(): void {
    if (this.signal.aborted || !this.queue.idle || this.timer !== undefined || this.pending.size > 0) return;
    mark('idle');
  }

  private summary(): PageSummary {
    const index = this.annotator.index;
    // Each entity as the page first writes it ("GRU" for the Main Directorate...), for the digest's short name.
    const written = new Map<number, string>();
    for (const m of this.annotator.mentions) {
      if (written.has(m.entity)) continue;
      const text = liveRange(m.range)?.toString().replace(/\s+/g, ' ').trim();
      if (text) written.set(m.entity, text);
    }
    const published = this.hover.articleDate;
    return {
      url: location.href,
      ready: this.scanned,
      ...(published ? { published } : {}),
      entities: [...this.annotator.counts()].map(([entity, count]) => ({
        id: index.idOf(entity),
        name: index.wire.names[entity]!,
        kind: index.kindOf(entity),
        count,
        written: written.get(entity) ?? index.wire.names[entity]!,
      })),
    };
  }

  /** Messages from the background and the popup; a new index for open tabs goes through restart. */
  private listen(): void {
    const walker = new MentionWalker(this.annotator, this.hover);
    const removers = [
      onMessage('page:summary', () => this.summary()),
      onMessage('page:settings', ({ data }) => this.restart(this.annotator.index, data)),
      // A new dataset was applied: match with its index from now on, and fetch cards afresh.
      onMessage('page:index', ({ data }) => {
        this.hover.resetCache();
        this.restart(loadIndex(data, this.engine), this.settings);
      }),
      onMessage('page:navigate', ({ data }) => walker.step(data.direction)),
      onMessage('page:reveal', ({ data }) => walker.reveal(data.id)),
    ];
    this.onEnd(() => removers.forEach((remove) => remove()));
  }
}
