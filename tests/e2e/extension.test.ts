/**
 * The product slice end to end, in Debian's Chromium with the built test extension (annotation on for
 * 127.0.0.1 without a prompt): highlights per kind, the hover card, popup search, the per-site switch, and
 * an untouched page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ROOT,
  bodyMarkup,
  highlightTexts,
  launch,
  noContentScriptIn,
  pageCardBox,
  pageCardName,
  pageHighlightsInSkipped,
  pointOf,
  serveFolder,
  waitForReady,
  type ExtensionBrowser,
  type StaticServer,
} from './harness';

let server: StaticServer;
let browser: ExtensionBrowser;
let articleUrl: string;

beforeAll(async () => {
  server = await serveFolder(`${ROOT}/tests/fixtures/site`);
  articleUrl = `${server.url}/article.html`;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openArticle(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(articleUrl);
  await waitForReady(page);
  return page;
}

/** Wait until the hover card is shown (true) or gone (false). */
async function waitForCard(page: Page, shown: boolean): Promise<void> {
  await page.waitForFunction(
    (want) => !!document.querySelector('normlens-ui')?.shadowRoot?.querySelector('.nl-card') === want,
    shown,
  );
}

async function cardName(page: Page): Promise<string | null> {
  return page.evaluate(pageCardName);
}

async function openPopupFor(page: Page): Promise<Page> {
  const tabId = await browser.worker.evaluate(
    async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id,
    page.url(),
  );
  expect(tabId).toBeTypeOf('number');
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

describe('annotation', () => {
  it('highlights mentions of each kind, and nothing in forms, editors or code', async () => {
    const page = await openArticle();
    const h = await highlightTexts(page);
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
    // Static ranges only: the browser keeps live Ranges up to date on every DOM change the page makes, a cost
    // the page would pay per mention.
    const kinds = await page.evaluate(() =>
      [...CSS.highlights.values()].flatMap((h) =>
        [...(h as unknown as Set<AbstractRange>)].map((r) => r.constructor.name),
      ),
    );
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['StaticRange']));
    const measures = await page.evaluate(() => performance.getEntriesByName('normlens:annotate').length);
    expect(measures).toBeGreaterThan(0);
    await page.close();
  });

  it('a mention across an inline element boundary is one mention: its card opens from either part', async () => {
    // <a>Paris Call</a> for Trust and Security in Cyberspace: a later mention (no mark), hovered outside the link.
    const page = await openArticle();
    const p = await pointOf(page, '#p1', 'Security');
    await page.mouse.move(p.x, p.y);
    await waitForCard(page, true);
    expect(await cardName(page)).toBe('Paris Call for Trust and Security in Cyberspace');
    await page.close();
  });

  it('hovering a mention shows its card, which stays inside the viewport and closes on Esc', async () => {
    const page = await openArticle();
    const p = await pointOf(page, '#p2', 'Emmanuel Macron');
    await page.mouse.move(p.x, p.y);
    await waitForCard(page, true);
    expect(await cardName(page)).toBe('Emmanuel Macron');
    const box = await page.evaluate(pageCardBox);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(box.w);
    expect(box.bottom).toBeLessThanOrEqual(box.h);
    // The card shows sourced facts: at least one link to a source.
    const links = await page.evaluate(
      () => document.querySelector('normlens-ui')!.shadowRoot!.querySelectorAll('.nl-source a').length,
    );
    expect(links).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await waitForCard(page, false);

    // Another kind: a country card.
    const f = await pointOf(page, '#p1', 'Germany');
    await page.mouse.move(f.x, f.y);
    await waitForCard(page, true);
    expect(await cardName(page)).toBe('Germany');
    // Moving away closes it.
    await page.mouse.move(5, 790);
    await waitForCard(page, false);
    await page.close();
  });

  it('leaves the body markup exactly as it was (outside <normlens-ui>)', async () => {
    const page = await openArticle();
    // Hover once so the UI element exists too.
    const p = await pointOf(page, '#p2', 'Brad Smith');
    await page.mouse.move(p.x, p.y);
    await waitForCard(page, true);
    const withNormLens = await bodyMarkup(page);
    await page.close();

    const plain = await launch(null);
    try {
      const bare = await plain.context.newPage();
      await bare.goto(articleUrl);
      expect(withNormLens).toBe(await bodyMarkup(bare));
    } finally {
      await plain.close();
    }
  });
});

describe('popup', () => {
  it('finds an entity by name, alias and acronym, case and diacritics ignored', async () => {
    const page = await openArticle();
    const popup = await openPopupFor(page);
    const search = popup.getByRole('searchbox');
    const firstResult = async (q: string): Promise<string> => {
      await search.fill(q);
      return (await popup.locator('.nl-results .nl-row-name').first().textContent()) ?? '';
    };
    expect(await firstResult('Global Commission on the Stability')).toBe(
      'Global Commission on the Stability of Cyberspace',
    );
    expect(await firstResult('appel de paris')).toBe('Paris Call for Trust and Security in Cyberspace');
    expect(await firstResult('gcsc')).toBe('Global Commission on the Stability of Cyberspace');
    expect(await firstResult('cote d ivoire')).toBe('Ivory Coast'); // via its alias Côte d'Ivoire
    // A result opens the same card as on the page.
    await search.fill('Emmanuel Macron');
    await popup.locator('.nl-results .nl-row').first().click();
    await expect.poll(() => popup.locator('.nl-card .nl-name').textContent()).toBe('Emmanuel Macron');
    await popup.close();
    await page.close();
  });

  it('lists the entities found on the current tab with counts', async () => {
    const page = await openArticle();
    const popup = await openPopupFor(page);
    await popup.locator('.nl-results .nl-row').first().waitFor();
    const rows = await popup.locator('.nl-results .nl-row').allTextContents();
    expect(rows.some((r) => r.includes('Emmanuel Macron') && r.includes('×2'))).toBe(true);
    expect(rows.some((r) => r.includes('Paris Call for Trust and Security in Cyberspace'))).toBe(true);
    await popup.close();
    await page.close();
  });

  it('switching the site off clears the open tab and stays off after reload; on brings it back', async () => {
    const page = await openArticle();
    const popup = await openPopupFor(page);
    const toggle = popup.getByRole('switch');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(false);
    const total = async (): Promise<number> =>
      Object.values(await highlightTexts(page)).reduce((n, list) => n + list.length, 0);
    await expect.poll(total).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('normlens-ui').length)).toBe(0);

    await page.reload();
    // Positive signals first: the content script is no longer registered for this host, and nothing in the
    // reloaded tab answers the background.
    const registered = await browser.worker.evaluate(async () =>
      (
        globalThis as unknown as {
          chrome: { scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> } };
        }
      ).chrome.scripting.getRegisteredContentScripts(),
    );
    const host = new URL(page.url()).hostname;
    expect(registered.flatMap((s) => s.matches ?? []).filter((m) => m.includes(host))).toEqual([]);
    expect(await noContentScriptIn(browser, page)).toBe(true);
    expect(await page.evaluate(() => performance.getEntriesByName('normlens:ready').length)).toBe(0);
    expect(await total()).toBe(0);

    await popup.reload();
    await popup.getByRole('switch').click();
    await expect.poll(() => popup.getByRole('switch').isChecked()).toBe(true);
    await expect.poll(total, { timeout: 10_000 }).toBeGreaterThan(5);

    await page.reload();
    await waitForReady(page);
    expect(await total()).toBeGreaterThan(5);
    await popup.close();
    await page.close();
  });
});
