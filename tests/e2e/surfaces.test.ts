/**
 * How marks look and behave, the popup, the options and the welcome page, in Chromium with the built test
 * extension: marks that stay apart under Chromium's own colour-vision emulation (measured on screenshots),
 * quiet defaults (first mentions marked, later ones still open their card), a tap that opens a card (a
 * bottom sheet on a phone) and a tap on a linked name that follows the link, a popup that fits 600 px on a
 * rich article with the site switch at the top and no "no names" before the page is read, the key to the
 * marks on every extension page, the new kinds in options and digest, and search quality.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import {
  ROOT,
  highlightTexts,
  launch,
  pageCardBox,
  pageCardName,
  pageTextRect,
  pointOf,
  serveFolder,
  tabIdOf,
  toTab,
  waitForReady,
  type Box,
  type ExtensionBrowser,
  type StaticServer,
} from './harness';
import { ENTITY_KINDS, type EntityKind } from '../../src/shared/vocabulary';
import { MARK_LINES } from '../../src/ui/marks';
import { DEFICIENCIES, deltaE2000, rgbToLab, type Rgb } from '../support/colour-vision';

const ARTIFACTS = join(ROOT, '.output/test-artifacts');

let server: StaticServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serveFolder(`${ROOT}/tests/fixtures/site`);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, context = browser): Promise<Page> {
  const page = await context.context.newPage();
  await page.goto(`${server.url}/${path}`);
  await waitForReady(page);
  return page;
}

async function waitForCard(page: Page, shown: boolean): Promise<void> {
  await page.waitForFunction(
    (want) => !!document.querySelector('normlens-ui')?.shadowRoot?.querySelector('.nl-card') === want,
    shown,
  );
}

/** Wait until the page's first full scan has finished (what the popup asks before it shows a list). */
async function waitForScanned(context: ExtensionBrowser, page: Page): Promise<void> {
  const tab = await tabIdOf(context, page.url());
  await expect
    .poll(async () => ((await toTab(context, tab, 'page:summary')) as { ready: boolean }).ready)
    .toBe(true);
}

/** A PNG's pixels, decoded by the browser in a page of its own (no emulation there). */
async function decodePng(decoder: Page, png: Buffer): Promise<{ width: number; data: number[] }> {
  return decoder.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    return { width: img.width, data: [...ctx.getImageData(0, 0, img.width, img.height).data] };
  }, png.toString('base64'));
}

interface LineSample {
  /** The mark's colour as drawn: the mean of the line's most saturated pixels. */
  colour: Rgb;
  /** Share of the columns under the name that the line touches (1: solid; about half: dotted). */
  coverage: number;
  /** Rows the line spans, and separate bands of rows (2: double). */
  rows: number;
  bands: number;
}

/**
 * The underline under one mention, read from two screenshots of the strip below its text: with the marks,
 * and with NormLens's highlights taken out of the page's registry for a moment (from the page's own world,
 * which shares the registry). The pixels that differ are the mark's.
 */
async function sampleLine(page: Page, decoder: Page, id: string, text: string): Promise<LineSample> {
  const rect: Box = await page.evaluate(pageTextRect, [`#${id}`, text] as [string, string]);
  const clip = { x: rect.left + 2, y: rect.bottom - 8, width: rect.right - rect.left - 4, height: 20 };
  const marked = await decodePng(decoder, await page.screenshot({ clip }));
  await page.evaluate(() => {
    const saved: [string, Highlight][] = [];
    for (const [name, h] of CSS.highlights) if (name.startsWith('normlens-')) saved.push([name, h]);
    for (const [name] of saved) CSS.highlights.delete(name);
    (window as unknown as { saved: typeof saved }).saved = saved;
  });
  const bare = await decodePng(decoder, await page.screenshot({ clip }));
  await page.evaluate(() => {
    for (const [name, h] of (window as unknown as { saved: [string, Highlight][] }).saved)
      CSS.highlights.set(name, h);
  });
  const { width } = marked;
  const height = marked.data.length / 4 / width;
  const px = (data: number[], x: number, y: number): Rgb => {
    const i = (y * width + x) * 4;
    return [data[i]!, data[i + 1]!, data[i + 2]!];
  };
  const line: { x: number; y: number; far: number; rgb: Rgb }[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = px(marked.data, x, y);
      const far = deltaE2000(rgbToLab(c), rgbToLab(px(bare.data, x, y)));
      if (far > 4) line.push({ x, y, far, rgb: c });
    }
  }
  if (line.length === 0) throw new Error(`no line drawn under ${text}`);
  const strongest = [...line].sort((a, b) => b.far - a.far).slice(0, Math.max(3, line.length >> 2));
  const mean = [0, 1, 2].map((k) => strongest.reduce((n, p) => n + p.rgb[k]!, 0) / strongest.length);
  const rowsWith = [...new Set(line.filter((p) => p.far > 12).map((p) => p.y))].sort((a, b) => a - b);
  const bands = rowsWith.filter((y, i) => i === 0 || y - rowsWith[i - 1]! > 1).length;
  return {
    colour: mean as unknown as Rgb,
    coverage: new Set(line.filter((p) => p.far > 12).map((p) => p.x)).size / width,
    rows: rowsWith.length,
    bands,
  };
}

const KIND_TEXT: Record<EntityKind, string> = {
  initiative: 'Paris Call',
  country: 'Germany',
  person: 'Emmanuel Macron',
  organization: 'Microsoft',
  'threat-actor': 'APT28',
  incident: 'NotPetya',
};

/** The least CIEDE2000 difference kept between two kinds' marks as drawn, under every emulated vision. */
const MIN_RENDERED_DIFFERENCE = 15;

describe('marks', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme} page: every pair of kinds stays apart in colour under Chromium's colour-vision emulation, and in line style`, async () => {
      const page = await open(`marks.html${scheme === 'dark' ? '#dark' : ''}`);
      const decoder = await browser.context.newPage();
      const cdp: CDPSession = await browser.context.newCDPSession(page);
      const close: string[] = [];
      let normal: Record<string, LineSample> = {};
      try {
        for (const vision of ['none', ...DEFICIENCIES] as const) {
          await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: vision });
          const samples: Record<string, LineSample> = {};
          for (const kind of ENTITY_KINDS)
            samples[kind] = await sampleLine(page, decoder, `k-${kind}`, KIND_TEXT[kind]);
          if (vision === 'none') normal = samples;
          await page.screenshot({ path: join(ARTIFACTS, `marks-${scheme}-${vision}.png`) });
          ENTITY_KINDS.forEach((a, i) => {
            for (const b of ENTITY_KINDS.slice(i + 1)) {
              const d = deltaE2000(rgbToLab(samples[a]!.colour), rgbToLab(samples[b]!.colour));
              if (d < MIN_RENDERED_DIFFERENCE) close.push(`${vision}: ${a}/${b} ${d.toFixed(1)}`);
            }
          });
        }
      } finally {
        await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: 'none' });
        await cdp.detach();
        await decoder.close();
      }
      expect(close).toEqual([]);
      // Kind is carried by more than hue: the drawn lines differ in shape too.
      const shape = (kind: EntityKind): LineSample => normal[kind]!;
      expect(shape('initiative').bands, 'double').toBe(2);
      expect(shape('country').coverage, 'dotted').toBeLessThan(0.75);
      expect(shape('organization').coverage, 'dashed').toBeLessThan(0.9);
      expect(shape('organization').coverage).toBeGreaterThan(shape('country').coverage);
      expect(shape('person').coverage, 'solid').toBeGreaterThan(0.9);
      expect(shape('threat-actor').rows, 'wavy').toBeGreaterThan(shape('person').rows + 1);
      expect(shape('incident').rows, 'thick').toBeGreaterThan(shape('person').rows);
      expect(MARK_LINES.incident.thickness).toBeGreaterThan(MARK_LINES.person.thickness);
      await page.close();
    });
  }
});

describe('quiet defaults', () => {
  it('marks only the first mention, no demonyms; later mentions still open their card and are in the keyboard walk', async () => {
    const page = await open('article.html');
    const persons = (await highlightTexts(page))['normlens-person'];
    expect(persons).toContain('Emmanuel Macron');
    expect(persons).not.toContain('Macron');
    // "Macron's original coalition" (a later mention, unmarked) opens the same card.
    const p = await pointOf(page, '#p2', "Macron's");
    await page.mouse.move(p.x, p.y);
    // The card heads with the name as the article wrote it, the official name beneath.
    await expect.poll(() => page.evaluate(pageCardName), { timeout: 10_000 }).toBe('Macron');
    expect(
      await page.evaluate(
        () =>
          document.querySelector('normlens-ui')?.shadowRoot?.querySelector('.nl-official')?.textContent ??
          null,
      ),
    ).toBe('Emmanuel Macron');
    await page.keyboard.press('Escape');
    await waitForCard(page, false);
    // The digest counts both mentions.
    await waitForScanned(browser, page);
    const summary = (await toTab(browser, await tabIdOf(browser, page.url()), 'page:summary')) as {
      entities: { id: string; count: number; written: string }[];
    };
    expect(summary.entities.find((e) => e.id === 'emmanuel-macron')).toMatchObject({
      count: 2,
      written: 'Emmanuel Macron',
    });
    await page.close();

    const regions = await open('regions.html');
    expect((await highlightTexts(regions))['normlens-country']).not.toContain('French');
    await regions.close();
  });
});

describe('touch', () => {
  let phone: ExtensionBrowser;

  beforeAll(async () => {
    phone = await launch(undefined, {
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
  });

  afterAll(async () => {
    await phone?.close();
  });

  const taps = (page: Page): Promise<string[]> =>
    page.evaluate(() =>
      performance.getEntriesByName('normlens:tap').map((e) => String((e as PerformanceMark).detail)),
    );

  it('a tap on a name opens its card as a bottom sheet; a tap elsewhere closes it; later mentions too', async () => {
    const page = await open('touch.html', phone);
    await page.emulateMedia({ reducedMotion: 'reduce' }); // measure the sheet where it rests, not sliding in
    const at = await pointOf(page, '#plain', 'Germany');
    await page.touchscreen.tap(at.x, at.y);
    await expect.poll(() => page.evaluate(pageCardName), { timeout: 10_000 }).toBe('Germany');
    const box = await page.evaluate(pageCardBox);
    expect(box.left).toBe(0);
    expect(Math.round(box.right)).toBe(box.w);
    expect(Math.round(box.bottom)).toBe(box.h);
    expect(box.bottom - box.top).toBeLessThanOrEqual(box.h * 0.7 + 1);
    await page.screenshot({ path: join(ARTIFACTS, 'touch-sheet.png') });

    const off = await pointOf(page, 'h1', 'Tapping');
    await page.touchscreen.tap(off.x, off.y);
    await waitForCard(page, false);
    expect((await taps(page)).slice(-1)).toEqual(['none']);

    // The later "Germany" carries no mark and opens the card all the same.
    expect((await highlightTexts(page))['normlens-country']).toEqual(['Germany', 'France']);
    const later = await pointOf(page, '#later', 'Germany');
    await page.touchscreen.tap(later.x, later.y);
    await expect.poll(() => page.evaluate(pageCardName)).toBe('Germany');
    await page.close();
  });

  it('a tap on a name inside a link follows the link and opens no card', async () => {
    const page = await open('touch.html', phone);
    const before = (await taps(page)).length;
    const france = await pointOf(page, '#to-notes', 'France');
    await page.touchscreen.tap(france.x, france.y);
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#notes');
    expect((await taps(page)).slice(before)).toEqual(['page']);
    expect(await page.evaluate(pageCardName)).toBeNull();

    await page.evaluate(() => scrollTo(0, 0));
    const microsoft = await pointOf(page, '#to-article', 'Microsoft');
    await Promise.all([page.waitForURL(/\/article\.html$/), page.touchscreen.tap(microsoft.x, microsoft.y)]);
    await page.close();
  });

  it('the popup takes a narrow screen’s width without scrolling sideways', async () => {
    const page = await open('touch.html', phone);
    const popup = await phone.context.newPage();
    await popup.goto(
      `chrome-extension://${phone.extensionId}/popup.html?tab=${await tabIdOf(phone, page.url())}`,
    );
    await popup.locator('.nl-kind-group').first().waitFor();
    const size = await popup.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      width: innerWidth,
      popup: document.querySelector('.nl-popup')!.getBoundingClientRect().width,
    }));
    expect(size.scroll).toBeLessThanOrEqual(size.width);
    expect(size.popup).toBeLessThanOrEqual(size.width);
    await popup.close();
    await page.close();
  });
});

describe('popup', () => {
  async function popupFor(page: Page, size = { width: 400, height: 600 }): Promise<Page> {
    const popup = await browser.context.newPage();
    await popup.setViewportSize(size);
    await popup.goto(
      `chrome-extension://${browser.extensionId}/popup.html?tab=${await tabIdOf(browser, page.url())}`,
    );
    return popup;
  }

  it('fits 600 px on a rich article: the switch at the top, one scrolling list, short names, gists and then-and-now badges', async () => {
    const page = await open('rich.html');
    const popup = await popupFor(page);
    await popup.locator('.nl-gist').first().waitFor();
    const layout = await popup.evaluate(() => {
      const body = document.querySelector('.nl-popup-body')!;
      const sw = document.querySelector('[role="switch"]')!.getBoundingClientRect();
      const legend = document.querySelector('.nl-legend')!.getBoundingClientRect();
      return {
        docHeight: document.documentElement.scrollHeight,
        docWidth: document.documentElement.scrollWidth,
        listScrolls: body.scrollHeight > body.clientHeight,
        switchTop: sw.top,
        switchBottom: sw.bottom,
        legendBottom: legend.bottom,
        rows: document.querySelectorAll('.nl-digest-row').length,
      };
    });
    expect(layout.docHeight).toBeLessThanOrEqual(600);
    expect(layout.docWidth).toBeLessThanOrEqual(400);
    expect(layout.listScrolls).toBe(true); // more than fits: the list scrolls inside, the popup does not
    expect(layout.switchTop).toBeGreaterThanOrEqual(0);
    expect(layout.switchBottom).toBeLessThan(60);
    expect(layout.legendBottom).toBeLessThanOrEqual(600);
    expect(layout.rows).toBeGreaterThan(30);
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-rich.png') });

    // Short names as the page writes them; the full name stays for screen readers.
    const row = (name: string) =>
      popup.locator('.nl-digest-row', {
        has: popup.locator('.nl-row-name', { hasText: new RegExp(`^${name}$`) }),
      });
    expect(await row('GRU').count()).toBe(1);
    expect(await row('GRU').textContent()).toContain('Main Directorate of the General Staff');
    expect(await row('Paris Call').textContent()).toContain(
      'Paris Call for Trust and Security in Cyberspace',
    );
    const us = row('United States');
    await expect.poll(() => us.locator('.nl-gist').textContent()).toMatch(/\w+/);
    // On an article of November 2018, the United States has since joined the Paris Call.
    await expect.poll(() => us.locator('[data-badge="changed"]').textContent()).toBe('changed since 2018');
    // The new kinds have their groups.
    const headings = (await popup.locator('.nl-kind-group h3').allTextContents()).map((h) =>
      h.replace(/\s*\d+$/, ''),
    );
    expect(headings).toEqual([
      'Initiatives',
      'Countries',
      'People',
      'Organisations',
      'Threat actors',
      'Incidents',
    ]);
    await popup.close();
    await page.close();
  });

  it('shows "reading" until the page is read, never "no names" before the scan has run', async () => {
    const page = await open('rich.html');
    const popup = await popupFor(page);
    await popup.locator('.nl-digest-row').first().waitFor();
    // Record every empty-state text the popup shows from here on.
    await popup.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('.nl-empty')) seen.push(el.textContent ?? '');
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const toggle = popup.getByRole('switch');
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await popup.locator('.nl-digest-row').first().waitFor();
    const seen = await popup.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen).toContain('Reading the page…');
    expect(seen).not.toContain('No names found on this page.');
    await popup.close();
    await page.close();
  });

  it('search: "Macorn" finds Macron; "GRU" brings up no German alias; the new kinds are found', async () => {
    const page = await open('article.html');
    const popup = await popupFor(page);
    const search = popup.getByRole('searchbox');
    const results = async (q: string): Promise<string[]> => {
      await search.fill(q);
      await popup.locator('.nl-results .nl-row-name').first().waitFor();
      return popup.locator('.nl-results .nl-row-name').allTextContents();
    };
    expect((await results('Macorn'))[0]).toBe('Emmanuel Macron');
    const gru = await results('GRU');
    expect(gru[0]).toBe(
      'Main Directorate of the General Staff of the Armed Forces of the Russian Federation',
    );
    expect(gru).not.toContain('Group of Seven');
    expect(await results('ASEAN')).not.toContain('Sean Cairncross');
    expect((await results('Fancy Bear'))[0]).toBe('APT28');
    expect((await results('NotPetya'))[0]).toBe('NotPetya');
    await popup.close();
    await page.close();
  });
});

describe('the key to the marks, and the options', () => {
  /** Each kind's legend item: its kind and the line style its mark is drawn with. */
  const legend = (page: Page, selector: string): Promise<[string, string][]> =>
    page.evaluate(
      (sel) =>
        [...document.querySelectorAll(sel)].map((el) => [
          (el as HTMLElement).dataset['kind'] ?? '',
          getComputedStyle(el.querySelector('.nl-legend-mark')!).textDecorationStyle,
        ]),
      selector,
    );
  const expected = ENTITY_KINDS.map((k) => [k, MARK_LINES[k].style]);

  it('the popup, the options and the welcome page show each kind with its mark', async () => {
    const page = await open('article.html');
    const popup = await browser.context.newPage();
    await popup.goto(
      `chrome-extension://${browser.extensionId}/popup.html?tab=${await tabIdOf(browser, page.url())}`,
    );
    await popup.locator('.nl-legend li').first().waitFor();
    expect(await legend(popup, '.nl-legend li')).toEqual(expected);

    const welcome = await browser.context.newPage();
    await welcome.goto(`chrome-extension://${browser.extensionId}/welcome.html`);
    await welcome.locator('.nl-legend li').first().waitFor();
    expect(await legend(welcome, '.nl-legend li')).toEqual(expected);
    expect(await welcome.locator('.nl-legend').textContent()).toContain('Threat actorwavy line');

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('.nl-kind-option').first().waitFor();
    expect(await legend(options, '.nl-kind-option')).toEqual(expected);
    // Every kind can be switched off, the new ones too, each labelled.
    const labels = await options.locator('.nl-kind-option .nl-legend-mark').allTextContents();
    expect(labels).toEqual([
      'Initiatives',
      'Countries',
      'People',
      'Organisations',
      'Threat actors',
      'Incidents',
    ]);
    await Promise.all([popup.close(), welcome.close(), page.close()]);

    // Switching threat actors off takes APT28's mark off an open page, and on brings it back.
    const marks = await open('marks.html');
    const actors = async (): Promise<string[]> =>
      (await highlightTexts(marks))['normlens-threat-actor'] ?? [];
    expect(await actors()).toEqual(['APT28']);
    await options.locator('input[name="kind-threat-actor"]').uncheck();
    await expect.poll(actors).toEqual([]);
    expect((await highlightTexts(marks))['normlens-incident']).toEqual(['NotPetya']);
    await options.locator('input[name="kind-threat-actor"]').check();
    await expect.poll(actors).toEqual(['APT28']);
    await Promise.all([options.close(), marks.close()]);
  });

  it('a fresh install’s options page keeps the feed under a closed "Advanced"', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const advanced = options.locator('details.nl-advanced');
    await advanced.waitFor();
    expect(await advanced.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    // Nothing about the feed in the main flow: no alert and no feed control visible.
    await options.locator('.nl-kind-option').first().waitFor();
    expect(await options.locator('[role="alert"]:visible').count()).toBe(0);
    expect(await options.locator('[data-feed]:visible').count()).toBe(0);
    await advanced.locator('summary').click();
    await options.locator('[data-feed="check"]').waitFor();
    await options.close();
  });
});
