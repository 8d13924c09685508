/**
 * NormLens in Firefox, the other browser README offers it for: Debian's firefox-esr, driven by
 * puppeteer-core over WebDriver BiDi, with the Firefox test build (annotation on for 127.0.0.1 without a
 * prompt) installed as a temporary add-on. The checks readers would notice first: mentions of each kind
 * found by the WebAssembly scanner, across an inline element, never in forms, editors or code; the hover
 * card beside its mention, closed by Esc; and a body identical to a load without NormLens.
 *
 * Skipped, with the reason printed, where no Firefox is installed (CI installs firefox-esr).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import {
  ROOT,
  insideWindow,
  overlaps,
  pageBodyMarkup,
  pageCardBox,
  pageCardName,
  pageHighlightTexts,
  pageHighlightsInSkipped,
  pageTextRect,
  serveFolder,
  type StaticServer,
} from './harness';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const FIREFOX_EXTENSION = join(ROOT, '.output/test/firefox-mv2');
const hasFirefox = existsSync(FIREFOX);
if (!hasFirefox) {
  console.warn(
    `Firefox tests skipped: no Firefox at ${FIREFOX} (apt-get install -y firefox-esr, or set FIREFOX_PATH)`,
  );
}

let server: StaticServer;
let browser: Browser;
let profile: string;

beforeAll(async () => {
  if (!hasFirefox) return;
  if (!existsSync(join(FIREFOX_EXTENSION, 'manifest.json'))) {
    throw new Error(`no Firefox test build at ${FIREFOX_EXTENSION}: run npm run build:test first`);
  }
  server = await serveFolder(`${ROOT}/tests/fixtures/site`);
  profile = mkdtempSync(join(tmpdir(), 'normlens-firefox-'));
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    defaultViewport: { width: 1200, height: 800 },
  });
  await browser.installExtension(FIREFOX_EXTENSION);
  // The add-on registers its content script for 127.0.0.1 once its background has started: a page loaded
  // before that is never annotated. Reload until one is (the tests below then start from a running add-on).
  const page = await browser.newPage();
  const deadline = Date.now() + 30_000;
  for (;;) {
    await page.goto(`${server.url}/article.html`, { waitUntil: 'load' });
    const ready = await page
      .waitForFunction(() => performance.getEntriesByName('normlens:ready').length > 0, { timeout: 2_000 })
      .then(() => true)
      .catch(() => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error('NormLens never annotated a page in Firefox within 30 s');
  }
  await page.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Open a fixture page; with NormLens, wait for its first pass. */
async function open(url: string, withNormLens: boolean): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  if (withNormLens) {
    await page.waitForFunction(() => performance.getEntriesByName('normlens:ready').length > 0, {
      timeout: 10_000,
    });
  }
  return page;
}

describe.skipIf(!hasFirefox)('in Firefox', () => {
  it('highlights mentions of each kind with the WebAssembly scanner, and nothing in forms, editors or code', async () => {
    const page = await open(`${server.url}/article.html`, true);
    const h = await page.evaluate(pageHighlightTexts);
    expect(h['normlens-initiative']).toEqual(
      expect.arrayContaining(['Paris Call', 'Cybersecurity Tech Accord', 'Budapest Convention']),
    );
    expect(h['normlens-country']).toEqual(expect.arrayContaining(['France', 'Germany']));
    // First mentions only (the default): "Macron" after "Emmanuel Macron" is found but not marked.
    expect(h['normlens-person']).toEqual(expect.arrayContaining(['Emmanuel Macron', 'Brad Smith']));
    expect(h['normlens-person']).not.toContain('Macron');
    expect(h['normlens-organization']).toEqual(expect.arrayContaining(['Microsoft', 'Council of Europe']));

    const insideForbidden = await page.evaluate(pageHighlightsInSkipped);
    expect(insideForbidden).toEqual([]);
    const engine = await page.evaluate(
      () =>
        (performance.getEntriesByName('normlens:index')[0] as PerformanceMark | undefined)?.detail?.engine,
    );
    expect(engine).toBe('wasm');
    await page.close();
  });

  it('hovering a mention opens its card beside it, inside the window; Esc closes it', async () => {
    const page = await open(`${server.url}/article.html`, true);
    const mention = await page.evaluate(pageTextRect, ['#p2', 'Emmanuel Macron'] as [string, string]);
    await page.mouse.move(mention.left + 10, (mention.top + mention.bottom) / 2);
    await expect.poll(() => page.evaluate(pageCardName), { timeout: 10_000 }).toBe('Emmanuel Macron');
    const box = await page.evaluate(pageCardBox);
    expect(insideWindow(box), JSON.stringify(box)).toBe(true);
    expect(overlaps(box, mention)).toBe(false);

    await page.keyboard.press('Escape');
    await page.waitForFunction(
      () => !document.querySelector('normlens-ui')?.shadowRoot?.querySelector('.nl-card'),
      { timeout: 5_000 },
    );
    // A later, unmarked mention across an inline element boundary (<a>Paris Call</a> for Trust and
    // Security...) opens its card from the part outside the link.
    const later = await page.evaluate(pageTextRect, ['#p1', 'Security'] as [string, string]);
    await page.mouse.move(later.left + 10, (later.top + later.bottom) / 2);
    await expect
      .poll(() => page.evaluate(pageCardName), { timeout: 10_000 })
      .toBe('Paris Call for Trust and Security in Cyberspace');
    await page.close();
  });

  it('draws the marks with their line styles (Firefox draws decorations on highlights from 146)', async () => {
    const page = await open(`${server.url}/marks.html`, true);
    const css = await page.evaluate(() =>
      [
        ...document.adoptedStyleSheets,
        ...[...document.querySelectorAll('normlens-ui style')].map((s) => (s as HTMLStyleElement).sheet!),
      ]
        .flatMap((s) => [...s.cssRules].map((r) => r.cssText))
        .filter((t) => t.includes('::highlight(normlens-'))
        .join('\n'),
    );
    const version = Number(/Firefox\/(\d+)/.exec(await browser.userAgent())?.[1]);
    if (version >= 146) {
      // Serialized as the text-decoration shorthand: "underline 1.5px wavy rgb(...)".
      expect(css).toMatch(/wavy/);
      expect(css).toMatch(/double/);
      expect(css).toMatch(/dashed/);
      expect(css).not.toContain('background-color');
    } else {
      expect(css).not.toContain('text-decoration');
      expect(css).toContain('background-color');
    }
    await page.close();
  });

  it('leaves the body exactly as a load without NormLens has it', async () => {
    const withNormLens = await open(`${server.url}/article.html`, true);
    // localhost is not switched on in the test build: the same page, untouched.
    const clean = await open(`${server.url.replace('127.0.0.1', 'localhost')}/article.html`, false);
    expect(await clean.evaluate(() => performance.getEntriesByName('normlens:ready').length)).toBe(0);
    const markup = await withNormLens.evaluate(pageBodyMarkup);
    expect(markup.length).toBeGreaterThan(1000);
    expect(markup).toBe(await clean.evaluate(pageBodyMarkup));
    await withNormLens.close();
    await clean.close();
  });
});
