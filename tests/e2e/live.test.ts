/**
 * The annotator on live pages, in Chromium with the built test extension: the reader's settings reach open
 * tabs without a reload (kinds, scope, demonyms, first mention, underline style), the article region is
 * found, text added later is annotated (never while the tab is hidden), and a single-page app's pushState
 * navigation rescans from scratch.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ROOT,
  highlightTexts,
  launch,
  noContentScriptIn,
  pageTasks,
  serveFolder,
  setHiddenForNormLens,
  waitForReady,
  type ExtensionBrowser,
  type StaticServer,
  sendFromPage,
  setSettings as setSettingsHook,
  tabIdOf,
  toTab,
} from './harness';
import { ENTITY_KINDS } from '../../src/shared/vocabulary';
import { DEFAULT_READER_SETTINGS, type ReaderSettings } from '../../src/shared/settings';

let server: StaticServer;
let browser: ExtensionBrowser;
let extensionPage: Page;

beforeAll(async () => {
  server = await serveFolder(`${ROOT}/tests/fixtures/site`);
  browser = await launch();
  extensionPage = await browser.context.newPage();
  await extensionPage.goto(`chrome-extension://${browser.extensionId}/options.html`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Any subset of the settings, kinds included. */
type SettingsChange = Omit<Partial<ReaderSettings>, 'kinds'> & { kinds?: Partial<ReaderSettings['kinds']> };

/** Change settings the way the options page does: the settings storage item, which open tabs follow. */
async function setSettings(change: SettingsChange): Promise<void> {
  await setSettingsHook(browser, change);
}

afterEach(async () => {
  await setSettings(DEFAULT_READER_SETTINGS);
});

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/${path}`);
  await waitForReady(page);
  await waitForIdle(page);
  return page;
}

/** Wait until no annotation chunk has run for a few frames' worth of time (work is chunked and async). */
async function waitForIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const last = performance.getEntriesByName('normlens:annotate').at(-1);
    return last !== undefined && performance.now() - (last.startTime + last.duration) > 300;
  });
}

/** Every highlighted text, flattened, with its kind. */
async function marks(page: Page): Promise<string[]> {
  const h = await highlightTexts(page);
  return Object.entries(h).flatMap(([name, texts]) => texts.map((t) => `${name.slice(9)}:${t}`));
}

describe('article region and scope', () => {
  it("annotates only the article with scope 'article', the whole page with scope 'page'", async () => {
    const page = await open('regions.html');
    const inArticle = await marks(page);
    expect(inArticle).toEqual(
      expect.arrayContaining(['country:France', 'country:Estonia', 'person:Brad Smith']),
    );
    for (const outside of ['Germany', 'Japan', 'Canada', 'Brazil', 'Kenya']) {
      expect(inArticle).not.toContain(`country:${outside}`);
    }

    await setSettings({ scope: 'page' });
    await expect
      .poll(() => marks(page))
      .toEqual(
        expect.arrayContaining(['country:Germany', 'country:Canada', 'country:Kenya', 'country:France']),
      );
    await page.close();
  });
});

describe('settings reach open tabs without a reload', () => {
  it('kinds switched off are not annotated, and come back when switched on', async () => {
    const page = await open('regions.html');
    expect(await marks(page)).toContain('person:Emmanuel Macron');
    await setSettings({ kinds: { person: false, country: false } });
    await expect
      .poll(async () => (await marks(page)).filter((m) => /^(person|country):/.test(m)))
      .toEqual([]);
    expect(await marks(page)).toContain('initiative:Paris Call for Trust and Security in Cyberspace');
    await setSettings({ kinds: { person: true, country: true } });
    await expect.poll(() => marks(page)).toContain('person:Emmanuel Macron');
    await page.close();
  });

  it('demonyms and first-mention-only follow the settings', async () => {
    const page = await open('regions.html');
    const count = async (mark: string): Promise<number> =>
      (await marks(page)).filter((m) => m === mark).length;
    // The defaults: no demonyms, only the first mention marked.
    expect(await count('country:French')).toBe(0);
    expect(await count('country:France')).toBe(1);
    await setSettings({ demonyms: true, firstMentionOnly: false });
    await expect.poll(() => count('country:France')).toBe(4);
    expect(await count('country:French')).toBe(1);
    await page.close();
  });

  it('the mark style changes the highlight style sheet: a colour and a line style per kind', async () => {
    const page = await open('regions.html');
    const css = (): Promise<string> =>
      page.evaluate(() =>
        document.adoptedStyleSheets
          .flatMap((s) => [...s.cssRules].map((r) => r.cssText))
          .filter((t) => t.includes('::highlight(normlens-'))
          .join('\n'),
      );
    const styles = (): Promise<string[]> =>
      page.evaluate(() =>
        document.adoptedStyleSheets
          .flatMap((s) => [...s.cssRules])
          .filter((r) => r.cssText.includes('::highlight(normlens-'))
          .map((r) => (r as CSSStyleRule).style.getPropertyValue('text-decoration-style')),
      );
    expect(new Set(await styles())).toEqual(new Set(['double', 'dotted', 'solid', 'dashed', 'wavy']));
    expect(await css()).not.toContain('background-color');
    await setSettings({ underline: 'tint' });
    await expect.poll(css).toContain('background-color');
    const rules = (await css()).split('\n');
    expect(rules).toHaveLength(ENTITY_KINDS.length);
    expect(new Set(await styles()).size).toBe(5);
    expect(new Set(rules.map((r) => /rgb[a]?\([^)]*\)/.exec(r)?.[0])).size).toBe(ENTITY_KINDS.length);
    await page.close();
  });
});

describe('live pages', () => {
  it('annotates text added after load, keeping earlier mentions once', async () => {
    const page = await open('regions.html');
    const before = await page.evaluate(() => performance.getEntriesByName('normlens:annotate').length);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'late';
      p.textContent = 'Late update: Finland joined the pact.';
      document.getElementById('story')!.append(p);
    });
    await expect.poll(() => marks(page)).toContain('country:Finland');
    const after = await page.evaluate(() => performance.getEntriesByName('normlens:annotate').length);
    expect(after).toBeGreaterThan(before);
    // Earlier mentions are still there, once each.
    expect((await marks(page)).filter((m) => m === 'person:Emmanuel Macron')).toHaveLength(1);
    await page.close();
  });

  it('does no annotation work while the tab is hidden, and catches up when it is shown', async () => {
    const page = await open('regions.html');
    const tasks = (): Promise<number> =>
      page.evaluate(() => performance.getEntriesByName('normlens:annotate').length);
    const before = await tasks();
    const paused = (): Promise<number> =>
      page.evaluate(() => performance.getEntriesByName('normlens:paused').length);
    const pausedBefore = await paused();
    await setHiddenForNormLens(page, true);
    // Two kinds of work arrive while hidden: text the page adds, and a full rescan (a settings change). Each
    // reaches NormLens, which holds it back (`normlens:paused`) instead of running it.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Late update: Finland joined the pact.';
      document.getElementById('story')!.append(p);
    });
    await setSettings({ firstMentionOnly: false });
    await expect.poll(paused).toBeGreaterThanOrEqual(pausedBefore + 2);
    await pageTasks(page);
    expect(await tasks()).toBe(before);
    expect(await marks(page)).not.toContain('country:Finland');

    await setHiddenForNormLens(page, false);
    await expect.poll(() => marks(page)).toContain('country:Finland');
    expect(await marks(page)).toContain('person:Emmanuel Macron');
    expect(await tasks()).toBeGreaterThan(before);
    await page.close();
  });

  it('an invalid message is refused with an error naming the field, and changes nothing', async () => {
    const before = await sendFromPage(extensionPage, 'update:status');
    const reply = await sendFromPage(extensionPage, 'update:set-schedule', { schedule: 'hourly' });
    expect(reply.err).toContain('invalid update:set-schedule message: schedule');
    const after = await sendFromPage(extensionPage, 'update:status');
    expect((after.res as { schedule: string }).schedule).toBe((before.res as { schedule: string }).schedule);
  });

  it('a page that replaces its whole <body> is rescanned', async () => {
    const page = await open('regions.html');
    expect(await marks(page)).toContain('person:Emmanuel Macron');
    await page.evaluate(() => {
      const body = document.createElement('body');
      const article = document.createElement('article');
      const p = document.createElement('p');
      p.textContent = 'A new page body: Finland hosted the talks.';
      article.append(p);
      body.append(article);
      document.documentElement.replaceChild(body, document.body);
    });
    await expect.poll(() => marks(page)).toContain('country:Finland');
    expect(await marks(page)).not.toContain('person:Emmanuel Macron');
    await page.close();
  });

  it('a pushState navigation clears and rescans, with first-mention state reset', async () => {
    await setSettings({ firstMentionOnly: false }); // every mention marked: the later "Baerbock" too
    const page = await open('spa.html');
    const first = await marks(page);
    expect(first).toEqual(expect.arrayContaining(['person:Annalena Baerbock', 'person:Baerbock']));
    await page.click('#next');
    await expect.poll(() => page.url()).toContain('/spa/estonia');
    await expect
      .poll(() => marks(page))
      .toEqual(expect.arrayContaining(['country:Estonia', 'country:Japan']));
    const second = await marks(page);
    // "Baerbock" alone needs the full name earlier on the same page: the new page has not named her.
    expect(second.filter((m) => m.startsWith('person:'))).toEqual([]);
    expect(second).not.toContain('initiative:Paris Call for Trust and Security in Cyberspace');
    await page.close();
  });
});

describe('long pages and the index', () => {
  /** A generated long article, served at /long.html by the test (no fixture file needed). */
  async function openLong(paragraphs: number): Promise<Page> {
    const page = await browser.context.newPage();
    const text =
      'Officials from France and Germany met Emmanuel Macron to discuss the Paris Call for Trust and Security in Cyberspace, ' +
      'while Estonia, Finland and Japan sent observers and Microsoft presented its report on the Budapest Convention. ';
    const body = Array.from({ length: paragraphs }, (_, i) => `<p>${i}. ${text.repeat(3)}</p>`).join('');
    await page.route(
      (url) => url.pathname === '/long.html',
      (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><title>long</title><article>${body}</article>`,
        }),
    );
    await page.goto(`${server.url}/long.html?paragraphs=${paragraphs}`); // one URL per test: tabs are found by URL
    await waitForReady(page);
    return page;
  }

  it('works in chunks: several annotate measures, ready ends with the first one', async () => {
    await setSettings({ firstMentionOnly: false }); // every mention marked, to count them
    const page = await openLong(1500);
    await waitForIdle(page);
    const { chunks, readyEnd, firstChunkEnd, mentions } = await page.evaluate(() => {
      const all = performance.getEntriesByName('normlens:annotate');
      const ready = performance.getEntriesByName('normlens:ready')[0]!;
      let mentions = 0;
      for (const [, h] of CSS.highlights) mentions += (h as unknown as Set<AbstractRange>).size;
      return {
        chunks: all.length,
        readyEnd: ready.startTime + ready.duration,
        firstChunkEnd: all[0]!.startTime + all[0]!.duration,
        mentions,
      };
    });
    expect(chunks).toBeGreaterThan(1);
    expect(readyEnd).toBeCloseTo(firstChunkEnd, 3);
    // Every paragraph is annotated in the end: 9 names, 3 times each.
    expect(mentions).toBe(1500 * 3 * 9);
    await page.close();
  });

  it('teardown in the middle of a scan stops it and leaves nothing', async () => {
    const page = await openLong(3000);
    await toTab(browser, await tabIdOf(browser, page.url()), 'page:teardown');
    await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
    const count = (): Promise<number> =>
      page.evaluate(() => performance.getEntriesByName('normlens:annotate').length);
    const after = await count();
    // Positive signals first: nothing in the tab answers any more, and the page has since run many tasks of
    // its own, where a scan that was still queued (it yields between chunks) would have added measures.
    expect(await noContentScriptIn(browser, page)).toBe(true);
    await pageTasks(page);
    expect(await count()).toBe(after);
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await page.close();
  });

  it('scans with WebAssembly, and reports the index size for the full dataset, well under 10 MB', async () => {
    const page = await open('regions.html');
    const detail = await page.evaluate(
      () =>
        (performance.getEntriesByName('normlens:index')[0] as PerformanceMark | undefined)?.detail as {
          bytes: number;
          aliases: number;
          engine: string;
        },
    );
    // The JavaScript scanner is only a fallback: the content script must get the compiled one.
    expect(detail.engine).toBe('wasm');
    expect(detail.aliases).toBeGreaterThan(1000);
    expect(detail.bytes).toBeGreaterThan(100_000);
    expect(detail.bytes).toBeLessThan(10 * 1024 * 1024);
    console.info(`[index] ${detail.aliases} aliases, ${(detail.bytes / 1024 / 1024).toFixed(2)} MB`);
    await page.close();
  });
});
