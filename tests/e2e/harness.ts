/**
 * End-to-end harness: a static server on 127.0.0.1 for fixture pages, and Debian's Chromium with the built
 * test extension (.output/test, built with NORMLENS_TEST_HOSTS) loaded into a fresh profile.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const TEST_EXTENSION = join(ROOT, '.output/test/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serve a folder on 127.0.0.1 (random port). `transform` may rewrite HTML (e.g. strip scripts). */
export async function serveFolder(dir: string, transform?: (html: string) => string): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    let body: Buffer | string = readFileSync(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (transform && type.startsWith('text/html')) body = transform(body.toString('utf8'));
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A test build (NORMLENS_TEST_HOSTS) grants itself host access at install. */
function grantsHosts(extensionDir: string): boolean {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    host_permissions?: string[];
  };
  return (manifest.host_permissions ?? []).length > 0;
}

/** Launch Chromium with an extension (default: the test build) or none; `device` emulates a touch phone. */
export async function launch(
  extensionDir: string | null = TEST_EXTENSION,
  device?: { viewport: { width: number; height: number }; hasTouch: boolean; isMobile: boolean },
): Promise<ExtensionBrowser> {
  if (extensionDir && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`no built extension at ${extensionDir}: run npm run build:test first`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'normlens-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // --headless=new is passed below: the mode that runs extensions
    viewport: { width: 1200, height: 800 },
    ...device,
    args: [
      ...CHROMIUM_ARGS,
      ...(extensionDir
        ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
        : []),
    ],
  });
  let worker = context.serviceWorkers()[0];
  if (extensionDir) worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = worker ? new URL(worker.url()).host : '';
  if (worker && extensionDir && grantsHosts(extensionDir)) {
    // A test build switches 127.0.0.1 on at install; wait until its content script is registered.
    await worker.evaluate(async () => {
      const deadline = Date.now() + 10_000;
      while ((await chrome.scripting.getRegisteredContentScripts()).length === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
    });
  }
  return {
    context,
    extensionId,
    worker: worker!,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The test build's hooks in the service worker (src/background/test-hooks.ts): the real code paths behind a
 * keyboard command, the options page's settings writes, and messages to a tab's content script.
 */
interface WorkerHooks {
  normlensTest: {
    command(name: string): Promise<string | undefined>;
    setSettings(change: object): Promise<void>;
    getSettings(): Promise<Record<string, unknown>>;
    toTab(tabId: number, type: string, data?: unknown): Promise<unknown>;
  };
}

/** The keyboard command's handler, called in the service worker (a headless browser gets no global shortcut). */
export async function runCommand(browser: ExtensionBrowser, name: string): Promise<string | undefined> {
  return browser.worker.evaluate((n) => (globalThis as unknown as WorkerHooks).normlensTest.command(n), name);
}

/** Change the reader's settings as the options page does (the settings storage item). */
export async function setSettings(browser: ExtensionBrowser, change: object): Promise<void> {
  await browser.worker.evaluate(
    (c) => (globalThis as unknown as WorkerHooks).normlensTest.setSettings(c),
    change,
  );
}

export async function getSettings(browser: ExtensionBrowser): Promise<Record<string, unknown>> {
  return browser.worker.evaluate(() => (globalThis as unknown as WorkerHooks).normlensTest.getSettings());
}

/** The id of the tab showing `url`. */
export async function tabIdOf(browser: ExtensionBrowser, url: string): Promise<number> {
  const id = await browser.worker.evaluate(
    async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id,
    url,
  );
  if (id === undefined) throw new Error(`no tab at ${url}`);
  return id;
}

/** Send a message to the content script of a tab, as the background or the popup does. */
export async function toTab(
  browser: ExtensionBrowser,
  tabId: number,
  type: string,
  data?: unknown,
): Promise<unknown> {
  return browser.worker.evaluate(
    ([id, t, d]) => (globalThis as unknown as WorkerHooks).normlensTest.toTab(id as number, t as string, d),
    [tabId, type, data] as const,
  );
}

/**
 * Send a message to the background from an extension page (popup, options) with the extension's own typed
 * sendMessage (test builds expose it): it resolves with the answer or rejects with the background's refusal.
 */
export async function sendFromPage(
  page: Page,
  type: string,
  data?: unknown,
): Promise<{ res?: unknown; err?: string }> {
  return page.evaluate(
    async ([t, d]) => {
      const send = (globalThis as unknown as { normlensTestSend(t: string, d: unknown): Promise<unknown> })
        .normlensTestSend;
      try {
        return { res: await send(t as string, d) };
      } catch (error) {
        return { err: String(error) };
      }
    },
    [type, data] as const,
  );
}

/** Wait until NormLens's first annotation pass on the page has completed. */
export async function waitForReady(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('normlens:ready').length > 0, null, {
    timeout,
  });
}

/**
 * In the page's main world (pass to page.evaluate, from Playwright or Puppeteer): the text of every
 * highlighted range per highlight name.
 */
export function pageHighlightTexts(): Record<string, string[]> {
  // No named inner functions: tsx would wrap them in a helper (__name) the page does not have.
  const out: Record<string, string[]> = {};
  for (const name of [
    'normlens-initiative',
    'normlens-country',
    'normlens-person',
    'normlens-organization',
    'normlens-threat-actor',
    'normlens-incident',
  ]) {
    const texts: string[] = [];
    // NormLens highlights static ranges: a live Range over each gives its text.
    for (const r of (CSS.highlights.get(name) ?? []) as Iterable<AbstractRange>) {
      const live = new Range();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      texts.push(live.toString().replace(/\s+/g, ' '));
    }
    out[name] = texts;
  }
  return out;
}

/** In the page's main world: the text around every highlight that starts inside a form field, editor or code. */
export function pageHighlightsInSkipped(): string[] {
  const bad: string[] = [];
  for (const [, highlight] of CSS.highlights) {
    for (const r of highlight as unknown as Set<AbstractRange>) {
      const el = r.startContainer.parentElement;
      if (el?.closest('textarea, input, pre, code, [contenteditable="true"]')) bad.push(el.textContent ?? '');
    }
  }
  return bad;
}

/** Text of every highlighted range per highlight name, read from the page's main world. */
export async function highlightTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(pageHighlightTexts);
}

/** In the page's main world: the name on the open hover card, or null when no card is open. */
export function pageCardName(): string | null {
  return document.querySelector('normlens-ui')?.shadowRoot?.querySelector('.nl-name')?.textContent ?? null;
}

/** In the page's main world: the body's markup without NormLens's own element. */
export function pageBodyMarkup(): string {
  const clone = document.body.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('normlens-ui').forEach((n) => n.remove());
  return clone.outerHTML;
}

/** The body's markup without NormLens's own element. */
export async function bodyMarkup(page: Page): Promise<string> {
  return page.evaluate(pageBodyMarkup);
}

/**
 * In the page's main world: the viewport rectangle of the first occurrence of `text` inside the element
 * `selector` (throws when there is none).
 */
export function pageTextRect([selector, text]: [string, string]): Box {
  const root = document.querySelector(selector);
  const walker = root && document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker?.nextNode(); n; n = walker!.nextNode()) {
    const i = (n as Text).data.indexOf(text);
    if (i < 0) continue;
    const range = document.createRange();
    range.setStart(n, i);
    range.setEnd(n, i + text.length);
    const r = range.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  }
  throw new Error(`"${text}" not found in ${selector}`);
}

/** A rectangle in viewport coordinates. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** In the page's main world: the open card's rectangle, and the window's size (`w`, `h`). */
export function pageCardBox(): Box & { w: number; h: number } {
  const r = document
    .querySelector('normlens-ui')!
    .shadowRoot!.querySelector('.nl-card')!
    .getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, w: innerWidth, h: innerHeight };
}

/** Whether a rectangle lies wholly inside a window of size w × h. */
export function insideWindow(box: Box & { w: number; h: number }): boolean {
  return box.left >= 0 && box.top >= 0 && box.right <= box.w && box.bottom <= box.h;
}

/** Whether two rectangles share any area. */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Centre of the first client rect of the first occurrence of `text` inside the element `selector`. */
export async function pointOf(page: Page, selector: string, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ([sel, t]) => {
      const root = document.querySelector(sel!);
      if (!root) return null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(t!);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + t!.length);
        const rect = r.getClientRects()[0]!;
        return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
      }
      return null;
    },
    [selector, text],
  );
  if (!point) throw new Error(`"${text}" not found in ${selector}`);
  return point;
}

/**
 * Positive proof that no NormLens content script listens in the tab showing `page`: a page:summary sent
 * from the background gets "no receiver" (any running instance would answer it).
 */
export async function noContentScriptIn(browser: ExtensionBrowser, page: Page): Promise<boolean> {
  return browser.worker.evaluate(async (url) => {
    const { tabs } = (
      globalThis as unknown as {
        chrome: {
          tabs: {
            query(q: object): Promise<{ id?: number; url?: string }[]>;
            sendMessage(id: number, m: object): Promise<unknown>;
          };
        };
      }
    ).chrome;
    const tab = (await tabs.query({})).find((t) => t.url === url);
    if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
    try {
      await (globalThis as unknown as WorkerHooks).normlensTest.toTab(tab.id, 'page:summary');
      return false;
    } catch {
      return true;
    }
  }, page.url());
}

/**
 * Let the page run `tasks` tasks of its own, one after the other (a MessageChannel ping-pong), and two
 * animation frames: work NormLens still had queued (it yields between chunks) would have run by then.
 */
export async function pageTasks(page: Page, tasks = 50): Promise<void> {
  await page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        let n = 0;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          if (++n < count) channel.port2.postMessage(null);
          else requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
        };
        channel.port2.postMessage(null);
      }),
    tasks,
  );
}

/**
 * Evaluate `expression` in an isolated world of the page's main frame, over the DevTools protocol, and
 * return its value: an existing world found by its name (`{ existing: 'NormLens' }`, the content script's),
 * or a fresh one made for the call (`{ fresh: name }`, the kind of world Chromium gives content scripts).
 */
export async function evaluateInWorld<T>(
  page: Page,
  world: { existing: string } | { fresh: string },
  expression: string,
): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    let contextId: number;
    if ('fresh' in world) {
      const { frameTree } = await cdp.send('Page.getFrameTree');
      ({ executionContextId: contextId } = await cdp.send('Page.createIsolatedWorld', {
        frameId: frameTree.frame.id,
        worldName: world.fresh,
      }));
    } else {
      const worlds: { id: number; name: string; auxData?: { type?: string } }[] = [];
      cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
      await cdp.send('Runtime.enable');
      const found = worlds.find((w) => w.auxData?.type === 'isolated' && w.name === world.existing);
      if (!found) throw new Error(`no world named ${world.existing} in this page`);
      contextId = found.id;
    }
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  } finally {
    await cdp.detach();
  }
}

/**
 * Show or hide the page as NormLens's content script sees it. Headless Chromium reports every tab as
 * visible, whatever is in front, so a background tab cannot be made for real: in NormLens's own isolated
 * world, `document.hidden` is given the value, and the `visibilitychange` the browser would fire is
 * dispatched. The page's own world is left as it is.
 */
export async function setHiddenForNormLens(page: Page, hidden: boolean): Promise<void> {
  await evaluateInWorld(
    page,
    { existing: 'NormLens' },
    `Object.defineProperty(document, 'hidden', { configurable: true, get: () => ${hidden} });
    document.dispatchEvent(new Event('visibilitychange'));`,
  );
}

/** How a card's parts sit: its fixed head, its own scroll, its disclosure (see cardLayoutProblems). */
export interface CardLayout {
  /** Height of the fixed head (px). */
  head: number;
  /** Problems found; empty when the card is laid out as it must be. */
  problems: string[];
}

/**
 * In the page's main world: the open card's layout. The head never scrolls (not a scroll container, nothing
 * cut off, wholly inside the card, at most 320 px); the card itself never scrolls (only its details body
 * does); everything beyond the head, the details and the footer is inside the one `details.nl-details`
 * disclosure, so no card is taller than its head without a disclosure.
 */
export function pageCardLayout(): CardLayout {
  const root = document.querySelector('normlens-ui')?.shadowRoot;
  const card = root?.querySelector<HTMLElement>('.nl-card');
  const problems: string[] = [];
  if (!card) return { head: 0, problems: ['no card'] };
  const head = card.querySelector<HTMLElement>(':scope > .nl-head');
  const body = card.querySelector<HTMLElement>(':scope > .nl-body');
  const details = body?.querySelector<HTMLDetailsElement>(':scope > details.nl-details');
  if (!head) problems.push('no .nl-head');
  if (!body || !details) problems.push('no details disclosure');
  if (head) {
    const style = getComputedStyle(head);
    if (style.overflowY === 'auto' || style.overflowY === 'scroll')
      problems.push('head is a scroll container');
    if (head.scrollHeight > head.clientHeight + 1)
      problems.push(`head cut off (${head.scrollHeight} > ${head.clientHeight})`);
    const h = head.getBoundingClientRect();
    const c = card.getBoundingClientRect();
    if (h.top < c.top - 1 || h.bottom > c.bottom + 1) problems.push('head not wholly inside the card');
    if (h.height > 320) problems.push(`head ${Math.round(h.height)} px tall`);
  }
  if (card.scrollHeight > card.clientHeight + 1) problems.push('the card itself scrolls');
  for (const child of card.children) {
    if (!child.matches('.nl-head, .nl-close, .nl-body, .nl-footer'))
      problems.push(`outside the disclosure: ${child.className}`);
  }
  if (body && details) {
    for (const child of body.children)
      if (child !== details) problems.push(`outside the disclosure: ${child.className}`);
  }
  return { head: head?.getBoundingClientRect().height ?? 0, problems };
}
