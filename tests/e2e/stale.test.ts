/**
 * A reader must see when the data behind a card is old: with the installed dataset compiled 200 days ago
 * (rewritten in the extension's IndexedDB from the service worker), every card carries the stale mark; with
 * a fresh dataset it does not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ROOT,
  launch,
  pointOf,
  serveFolder,
  waitForReady,
  type ExtensionBrowser,
  type StaticServer,
} from './harness';

let server: StaticServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await serveFolder(`${ROOT}/tests/fixtures/site`);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Open the demo article, hover "Emmanuel Macron" and return the card's stale mark text, if any. */
async function staleMark(): Promise<string | null> {
  const page: Page = await browser.context.newPage();
  await page.goto(`${server.url}/article.html`);
  await waitForReady(page);
  const p = await pointOf(page, 'body', 'Emmanuel Macron');
  await page.mouse.move(p.x, p.y);
  await page.waitForFunction(
    () => !!document.querySelector('normlens-ui')?.shadowRoot?.querySelector('.nl-card .nl-name'),
  );
  const text = await page.evaluate(
    () => document.querySelector('normlens-ui')?.shadowRoot?.querySelector('.nl-stale')?.textContent ?? null,
  );
  await page.close();
  return text;
}

describe('dataset age on cards', () => {
  it('marks every card when the installed data is older than 90 days, and not before', async () => {
    expect(await staleMark()).toBeNull();

    // The card dates the data by its version (YYYY.MM.DD.n) and falls back to generatedAt: age both.
    const generatedAt = new Date(Date.now() - 200 * 86_400_000).toISOString();
    const version = `${generatedAt.slice(0, 10).replaceAll('-', '.')}.1`;
    await browser.worker.evaluate(
      async ({ generatedAt, version }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('normlens');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('meta', 'readwrite');
          const store = tx.objectStore('meta');
          const get = store.get('dataset');
          get.onsuccess = () => {
            const row = get.result as { key: string; value: { generatedAt: string; version: string } };
            store.put({ ...row, value: { ...row.value, generatedAt, version } });
          };
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      { generatedAt, version },
    );

    const mark = await staleMark();
    expect(mark).not.toBeNull();
    expect(mark).toMatch(/\S/);
  });
});
