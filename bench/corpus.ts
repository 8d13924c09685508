/**
 * Part 1 of the benchmark: NormLens against a bare text walk and two highlighter baselines, page by page,
 * in one Chromium. Every page is served by one server under four host names: 127.0.0.1 (where the test
 * build of NormLens runs) and bench-a/b/c.localhost (hosts NormLens has no permission for, so the floor and
 * the baselines run on a clean copy of the page in the same browser, with no extension code in it).
 *
 * The floor is timed twice, each on its own load: in a fresh isolated world, the kind of world every
 * content script runs in (NormLens's included), and in the page's own world. The first is the target's
 * floor: the same walk costs more there (the browser keeps the DOM wrappers of an isolated world in a
 * table instead of on the nodes), and no extension can annotate from the page's world without exposing itself
 * to the page's scripts. The second is reported alongside.
 *
 * Each measurement is a fresh page load in one tab, and consecutive loads are always on different sites:
 * Chromium then gives each load a new renderer process, so every method starts cold, as it does for a
 * reader opening a page. (Two loads in a row on one site share a process, and V8's caches would hand the
 * second one the first one's compiled RegExp and mark.js for free.)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { relative } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { evaluateInWorld, launch, serveFolder, type ExtensionBrowser } from '../tests/e2e/harness';
import { stripScripts } from './html';
import {
  floorProbe,
  markJsProbe,
  normLensProbe,
  normLensTouchedProbe,
  regexpProbe,
  type FloorResult,
  type NormLensPageResult,
} from './page-probes';
import { UNION_FLAGS } from './regexp-union';
import { maxOrNull, median } from './stats';

export interface PageResult {
  page: string;
  /** Characters of text in the page (as read by the floor). */
  chars: number | null;
  /** The floor in a fresh isolated world, as a content script runs: what the target compares NormLens with. */
  floorMs: number | null;
  /** The same walk in the page's own (main) world, where page scripts and the baselines run. */
  pageFloorMs: number | null;
  /** Sum of normlens:annotate measures. */
  annotateMs: number | null;
  /** Longest single normlens:annotate measure. */
  longestTaskMs: number | null;
  tasks: number | null;
  readyMs: number | null;
  regexpMs: number | null;
  markMs: number | null;
  mentions: number | null;
  regexpHits: number | null;
  markHits: number | null;
  /** Bytes of the content script's index, from the normlens:index mark (null when not emitted). */
  indexBytes: number | null;
  indexAliases: number | null;
  /** The scanner NormLens used ('wasm', or 'js' where the page's policy objects to WebAssembly); null: not said. */
  engine: string | null;
  errors: string[];
}

export interface CorpusOptions {
  pagesDir: string;
  /** Page file names to run, in order. */
  pages: readonly string[];
  /** Source of the RegExp union (see regexp-union.ts). */
  unionSource: string;
  markJsPath: string;
  runs: number;
  /** Silence after the last normlens:annotate measure that counts as "done". */
  quietMs: number;
  timeoutMs: number;
  log: (line: string) => void;
}

export interface CorpusResult {
  pages: PageResult[];
}

/** The HTML pages of a folder, sorted. */
export function listPages(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.html?$/i.test(f))
    .sort();
}

/** Only the bench server is reachable: a page's remote fonts, images and trackers fail at once. */
async function keepOffline(context: BrowserContext, origins: readonly string[]): Promise<void> {
  await context.route(
    (url) => !origins.includes(url.origin),
    (route) => route.abort(),
  );
}

/** Load a URL as a new document in the bench's one tab (reusing the tab saves opening and closing one per load). */
async function load(page: Page, url: string, timeoutMs: number): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
}

interface OneRun {
  floor?: FloorResult;
  pageFloor?: FloorResult;
  normLens?: NormLensPageResult;
  regexp?: { ms: number; hits: number };
  mark?: { ms: number; hits: number };
  errors: string[];
}

async function measureOnce(
  page: Page,
  urls: { withExtension: string; cleanA: string; cleanB: string; cleanC: string },
  options: CorpusOptions,
  markJs: string,
): Promise<OneRun> {
  const run: OneRun = { errors: [] };
  const attempt = async (what: string, body: () => Promise<void>): Promise<void> => {
    try {
      await body();
    } catch (e) {
      run.errors.push(`${what}: ${(e as Error).message.split('\n')[0]}`);
    }
  };

  await attempt('NormLens', async () => {
    await load(page, urls.withExtension, options.timeoutMs);
    const result = await page.evaluate(normLensProbe, {
      quietMs: options.quietMs,
      timeoutMs: options.timeoutMs,
    });
    if (result) run.normLens = result;
    else run.errors.push(`NormLens: no normlens:ready within ${options.timeoutMs} ms`);
  });

  // The page-world floor, then the RegExp union, on one clean load (the floor only reads: the page is still
  // pristine).
  await attempt('page-world floor/RegExp', async () => {
    await load(page, urls.cleanA, options.timeoutMs);
    run.pageFloor = await page.evaluate(floorProbe);
    run.regexp = await page.evaluate(regexpProbe, { source: options.unionSource, flags: UNION_FLAGS });
    if (await page.evaluate(normLensTouchedProbe)) throw new Error('NormLens ran on the clean host');
  });

  await attempt('mark.js', async () => {
    await load(page, urls.cleanB, options.timeoutMs);
    await page.evaluate(markJs);
    run.mark = await page.evaluate(markJsProbe, { source: options.unionSource, flags: UNION_FLAGS });
  });

  // The floor in a content script's kind of world, on a load of its own so that it starts as cold.
  await attempt('floor', async () => {
    await load(page, urls.cleanC, options.timeoutMs);
    run.floor = await evaluateInWorld<FloorResult>(
      page,
      { fresh: 'normlens-bench-floor' },
      `(${floorProbe.toString()})()`,
    );
  });
  return run;
}

/** Median of each measurement over the runs of one page. */
export function summarisePage(page: string, runs: readonly OneRun[]): PageResult {
  const nl = runs.map((r) => r.normLens);
  const sums = nl.map((n) => (n ? n.tasks.reduce((a, b) => a + b, 0) : null));
  const longest = nl.map((n) => (n ? maxOrNull(n.tasks) : null));
  const index = nl.find((n) => n?.index)?.index ?? null;
  return {
    page,
    chars: median(runs.map((r) => r.floor?.chars ?? r.pageFloor?.chars)),
    floorMs: median(runs.map((r) => r.floor?.ms)),
    pageFloorMs: median(runs.map((r) => r.pageFloor?.ms)),
    annotateMs: median(sums),
    longestTaskMs: median(longest),
    tasks: median(nl.map((n) => n?.tasks.length)),
    readyMs: median(nl.map((n) => n?.readyMs)),
    regexpMs: median(runs.map((r) => r.regexp?.ms)),
    markMs: median(runs.map((r) => r.mark?.ms)),
    mentions: median(nl.map((n) => n?.mentions)),
    regexpHits: median(runs.map((r) => r.regexp?.hits)),
    markHits: median(runs.map((r) => r.mark?.hits)),
    indexBytes: index?.bytes ?? null,
    indexAliases: index && index.aliases >= 0 ? index.aliases : null,
    engine: index?.engine || null,
    errors: [...new Set(runs.flatMap((r) => r.errors))],
  };
}

export async function runCorpusBench(options: CorpusOptions): Promise<CorpusResult> {
  const markJs = readFileSync(options.markJsPath, 'utf8');
  const server = await serveFolder(options.pagesDir, stripScripts);
  const port = new URL(server.url).port;
  const origins = {
    withExtension: `http://127.0.0.1:${port}`,
    cleanA: `http://bench-a.localhost:${port}`,
    cleanB: `http://bench-b.localhost:${port}`,
    cleanC: `http://bench-c.localhost:${port}`,
  };
  const urlsOf = (file: string): typeof origins => ({
    withExtension: `${origins.withExtension}/${file}`,
    cleanA: `${origins.cleanA}/${file}`,
    cleanB: `${origins.cleanB}/${file}`,
    cleanC: `${origins.cleanC}/${file}`,
  });
  let browser: ExtensionBrowser | undefined;
  try {
    browser = await launch();
    const { context } = browser;
    await keepOffline(context, Object.values(origins));
    const page = await context.newPage();

    // Warm-up, not measured: the background seeds its database and builds its index on first use.
    const first = options.pages[0];
    if (first) await measureOnce(page, urlsOf(encodeURIComponent(first)), options, markJs);

    const pages: PageResult[] = [];
    for (const [i, name] of options.pages.entries()) {
      const runs: OneRun[] = [];
      for (let r = 0; r < options.runs; r++) {
        runs.push(await measureOnce(page, urlsOf(encodeURIComponent(name)), options, markJs));
      }
      const result = summarisePage(name, runs);
      pages.push(result);
      options.log(
        `  [${i + 1}/${options.pages.length}] ${name}${result.errors.length ? `  (${result.errors.join('; ')})` : ''}`,
      );
    }
    return { pages };
  } finally {
    await browser?.close();
    await server.close();
  }
}

/** For the report: where the pages came from, relative to the project when possible. */
export function describePagesDir(dir: string, root: string): string {
  return relative(root, dir) || '.';
}
