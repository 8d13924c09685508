/**
 * Never break a page: every page of the shared corpus (../shared/corpus/pages, real sites saved as static
 * HTML), served on 127.0.0.1 with scripts stripped and outside requests blocked, loaded with the test
 * extension and without any. NormLens must throw nothing, leave the body markup identical, and after
 * `page:teardown` leave no highlight, style, element, observer or listener behind. One browser of each kind
 * serves all pages. Prints per-page annotation figures (chunks, longest chunk) for information only: speed is
 * judged by the benchmark, never by a test.
 */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  ROOT,
  bodyMarkup,
  launch,
  serveFolder,
  waitForReady,
  type ExtensionBrowser,
  type StaticServer,
  noContentScriptIn,
  pageTasks,
  tabIdOf,
  toTab,
} from './harness';

const CORPUS = resolve(ROOT, '../shared/corpus/pages');
const hasCorpus = existsSync(CORPUS);
if (!hasCorpus) console.warn(`[corpus] ${CORPUS} is absent: the corpus robustness tests are skipped.`);
const PAGES = hasCorpus
  ? readdirSync(CORPUS)
      .filter((f) => f.endsWith('.html'))
      .sort()
  : [];

/** Where two markups first differ, with a little context from each (for a readable failure). */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const around = (s: string): string => JSON.stringify(s.slice(Math.max(0, i - 60), i + 60));
  return `at ${i}: with ${around(a)} / without ${around(b)}`;
}

/**
 * The page's own code must not run, or its timers (ads injected late) make the markup differ between two loads
 * for reasons that have nothing to do with NormLens: drop scripts, and the two ways pages smuggle scripts past
 * that: `<iframe srcdoc>` documents (same-origin, so they can write into the page) and load/error handlers.
 */
const stripScripts = (html: string): string =>
  html
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/\ssrcdoc\s*=\s*("[^"]*"|'[^']*')/gi, '')
    .replace(/\son(?:load|error)\s*=\s*("[^"]*"|'[^']*')/gi, '');

/** Only our static server answers: outside requests fail at once instead of hanging on the network. */
async function blockOutside(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => url.protocol.startsWith('http') && url.hostname !== '127.0.0.1',
    (route) => route.abort(),
  );
}

interface PageFigures {
  page: string;
  chunks: number;
  totalMs: number;
  longestMs: number;
  mentions: number;
}

/**
 * Errors from NormLens on a page. The content script runs in an isolated world: listen through the
 * DevTools protocol, which reports exceptions and console calls from every world. Pages' own inline
 * handlers (their scripts are gone) throw too: only what comes from the extension counts.
 */
async function listenForExtensionErrors(context: BrowserContext, page: Page): Promise<string[]> {
  const errors: string[] = [];
  const cdp = await context.newCDPSession(page);
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: d }) => {
    const where = [d.url, ...(d.stackTrace?.callFrames.map((f) => f.url) ?? [])].join(' ');
    const what = `${d.text} ${d.exception?.description ?? ''}`;
    if (where.includes('chrome-extension://') || /normlens/i.test(what)) errors.push(`exception: ${what}`);
  });
  cdp.on('Runtime.consoleAPICalled', ({ type, args, stackTrace }) => {
    const where = stackTrace?.callFrames.map((f) => f.url).join(' ') ?? '';
    const text = args.map((a) => String(a.value ?? a.description ?? '')).join(' ');
    const fromUs = where.includes('chrome-extension://') || /normlens/i.test(text);
    if ((type === 'error' || type === 'warning' || type === 'assert') && fromUs)
      errors.push(`console: ${text}`);
  });
  await cdp.send('Runtime.enable');
  return errors;
}

/** Wait until annotation has finished: no chunk for a while after the last one. */
async function waitForIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const last = performance.getEntriesByName('normlens:annotate').at(-1);
    return last !== undefined && performance.now() - (last.startTime + last.duration) > 300;
  });
}

describe.skipIf(!hasCorpus)('corpus pages (../shared/corpus/pages)', () => {
  let server: StaticServer;
  let withExtension: ExtensionBrowser;
  let bare: ExtensionBrowser;
  const figures: PageFigures[] = [];

  beforeAll(async () => {
    server = await serveFolder(CORPUS, stripScripts);
    withExtension = await launch();
    bare = await launch(null);
    await blockOutside(withExtension.context);
    await blockOutside(bare.context);
  });

  afterAll(async () => {
    console.table(figures);
    await withExtension?.close();
    await bare?.close();
    await server?.close();
  });

  it('the error listener hears exceptions thrown in the content script world (self-check)', async () => {
    const page = await withExtension.context.newPage();
    const errors = await listenForExtensionErrors(withExtension.context, page);
    const cdp = await withExtension.context.newCDPSession(page);
    const worlds: { id: number; origin: string; type?: string }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) =>
      worlds.push({
        id: context.id,
        origin: context.origin,
        type: (context.auxData as { type?: string })?.type,
      }),
    );
    await cdp.send('Runtime.enable');
    await page.goto(`${server.url}/${PAGES[0]}`, { waitUntil: 'load' });
    await waitForReady(page);
    const ours = worlds.find((w) => w.type === 'isolated' && w.origin.startsWith('chrome-extension://'));
    expect(ours, 'the content script world').toBeDefined();
    await cdp.send('Runtime.evaluate', {
      contextId: ours!.id,
      // Named like the extension's own scripts, so it is attributed the same way.
      expression: `setTimeout(() => { throw new Error('probe from the content script world'); });
        //# sourceURL=chrome-extension://${withExtension.extensionId}/probe.js`,
    });
    await expect.poll(() => errors.join('\n')).toContain('probe from the content script world');
    await page.close();
  });

  it.each(PAGES)('%s: no error, body untouched, nothing left after teardown', async (file) => {
    const url = `${server.url}/${file}`;
    const page = await withExtension.context.newPage();
    const errors = await listenForExtensionErrors(withExtension.context, page);
    await page.goto(url, { waitUntil: 'load' });
    await waitForReady(page);
    await waitForIdle(page);

    const withMarkup = await bodyMarkup(page);
    const plain = await bare.context.newPage();
    await plain.goto(url, { waitUntil: 'load' });
    const plainMarkup = await bodyMarkup(plain);
    expect(
      withMarkup === plainMarkup,
      `body markup differs with NormLens: ${firstDifference(withMarkup, plainMarkup)}`,
    ).toBe(true);
    await plain.close();

    figures.push(
      await page.evaluate((name) => {
        const chunks = performance.getEntriesByName('normlens:annotate');
        let mentions = 0;
        for (const [, h] of CSS.highlights) mentions += (h as unknown as Set<AbstractRange>).size;
        return {
          page: name,
          chunks: chunks.length,
          totalMs: Math.round(chunks.reduce((s, c) => s + c.duration, 0) * 10) / 10,
          longestMs: Math.round(Math.max(...chunks.map((c) => c.duration)) * 10) / 10,
          mentions,
        };
      }, file),
    );

    // Teardown, as when the site is switched off.
    await toTab(withExtension, await tabIdOf(withExtension, url), 'page:teardown');
    const leftovers = async (): Promise<string[]> =>
      page.evaluate(() => {
        const found: string[] = [];
        if (CSS.highlights.size > 0) found.push(`${CSS.highlights.size} highlights`);
        if (document.querySelector('normlens-ui')) found.push('<normlens-ui>');
        const sheets = document.adoptedStyleSheets.filter((s) =>
          [...s.cssRules].some((r) => r.cssText.includes('normlens')),
        );
        if (sheets.length > 0) found.push('style sheet');
        return found;
      });
    expect(await leftovers()).toEqual([]);

    // No observer or listener left: change text, navigate in place, hover; nothing may run any more. A live
    // observer notes a change (`normlens:batch`) in the same microtask checkpoint as the page's own observer,
    // so once the page's observer has seen the change, a leftover one would have marked it.
    const count = (name: string) => page.evaluate((n) => performance.getEntriesByName(n).length, name);
    const [measuresBefore, batchesBefore] = [await count('normlens:annotate'), await count('normlens:batch')];
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const seen = new MutationObserver(() => {
            seen.disconnect();
            resolve();
          });
          seen.observe(document.body, { childList: true });
          const p = document.createElement('p');
          p.textContent = 'France, Germany and Emmanuel Macron signed the Paris Call.';
          document.body.prepend(p);
          history.pushState(null, '', `${location.href.split(/[?#]/)[0]}?after-teardown`);
        }),
    );
    await page.mouse.move(200, 200);
    await page.mouse.move(400, 300);
    expect(await noContentScriptIn(withExtension, page)).toBe(true);
    await pageTasks(page);
    expect(await count('normlens:batch')).toBe(batchesBefore);
    expect(await count('normlens:annotate')).toBe(measuresBefore);
    expect(await leftovers()).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
