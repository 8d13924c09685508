/**
 * The background worker: seeds the bundled dataset, answers content scripts and extension pages, and keeps
 * the content-script registration in step with the enabled sites.
 */
import { browser } from 'wxt/browser';
import type { z } from 'zod';
import { getDb } from '../db/database';
import { getAliasIndex, getCardData } from '../db/queries';
import { parseDataset, seedDataset } from '../db/seed';
import { onMessage, sendMessage, type ProtocolMap } from '../messaging/protocol';
import {
  parseBackgroundMessage,
  type backgroundSchemas,
  type BackgroundMessage,
} from '../messaging/validate';
import { getReaderSettings, setReaderSettings } from '../settings/options';
import { isEnabled, siteForUrl } from '../settings/sites';
import type { ReaderSettings } from '../settings/reader';
import { injectIntoOpenTabs, syncRegistration, teardownOpenTabs } from './registration';
import { enabledPatterns, setSite } from './sites-store';
import { startUpdater } from './updater';
import { listenForCommands } from './commands';
import { addWrongMatch } from '../db/wrong-matches';
import { ReadyGate } from './ready-gate';
import { PagePolicies, watchPagePolicies } from './page-policies';

const db = getDb();
const pagePolicies = new PagePolicies();

/** Seed the dataset that ships with this version of the extension, if it is newer than the installed one. */
async function seedBundledDataset(): Promise<void> {
  const response = await fetch(browser.runtime.getURL('/dataset.json' as '/popup.html'));
  const dataset = parseDataset(await response.json());
  const applied = await seedDataset(db, dataset);
  console.info(`[normlens] bundled dataset ${dataset.version} ${applied ? 'installed' : 'already current'}`);
}

/** Everything the handlers need before they answer: the dataset, seeded if the database has none. */
const gate = new ReadyGate(async () => {
  if ((await getAliasIndex(db)) === undefined) await seedBundledDataset();
});
const whenReady = (): Promise<void> => gate.whenReady();

async function onInstalled(): Promise<void> {
  await seedBundledDataset();
  for (const pattern of __NORMLENS_TEST_HOSTS__) await setSite(db, pattern, true);
  await syncRegistration(await enabledPatterns(db));
  if (__NORMLENS_TEST_HOSTS__.length === 0) {
    await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  }
}

type Handler<K extends BackgroundMessage> = (
  data: z.infer<(typeof backgroundSchemas)[K]>,
  sender: { tab?: { id?: number; url?: string } },
) => Promise<ReturnType<ProtocolMap[K]>>;

/**
 * Register a handler whose payload is validated first; an invalid message is logged and answered with an
 * Error naming the failing field, so the sender's promise rejects (it must not think it succeeded).
 */
function handle<K extends BackgroundMessage>(type: K, handler: Handler<K>): void {
  onMessage(type, async (message) => {
    let data: z.infer<(typeof backgroundSchemas)[K]>;
    try {
      data = parseBackgroundMessage(type, message.data);
    } catch (error) {
      console.warn('[normlens] refused a message', error);
      throw error;
    }
    await whenReady();
    return handler(data, message.sender) as never;
  });
}

/** Tell every tab's content script (where one runs) about new settings; tabs without one do not answer. */
async function broadcastSettings(settings: ReaderSettings): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : sendMessage('page:settings', settings, tab.id).catch(() => undefined),
    ),
  );
}

async function siteState(
  url: string,
): Promise<ProtocolMap['site:get'] extends (d: never) => infer R ? R : never> {
  const site = siteForUrl(url);
  if (!site) return { enabled: false };
  return { ...site, enabled: isEnabled(url, await enabledPatterns(db)) };
}

export function startBackground(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') {
      gate.replace(onInstalled().catch((e: unknown) => console.error('[normlens] install failed', e)));
    }
  });
  browser.runtime.onStartup.addListener(() => {
    void enabledPatterns(db).then(syncRegistration);
  });
  startUpdater(db, handle, whenReady);
  watchPagePolicies(pagePolicies);

  handle('page:init', async ({ url }, sender) => {
    if (!isEnabled(url, await enabledPatterns(db))) return undefined;
    const index = await getAliasIndex(db);
    if (!index) return undefined;
    const wasm = pagePolicies.wasmAllowed(sender.tab?.id, url);
    return { index, settings: await getReaderSettings(db), wasm };
  });
  handle('settings:get', async () => getReaderSettings(db));
  handle('settings:set', async (change) => {
    const settings = await setReaderSettings(db, change as Partial<ReaderSettings>);
    await broadcastSettings(settings);
    return settings;
  });
  handle('card:get', async ({ id }) => getCardData(db, id));
  handle('report:wrong-match', async (report) => ({ id: (await addWrongMatch(db, report)).id }));
  listenForCommands();
  handle('site:get', async ({ url }) => siteState(url));
  handle('site:set', async ({ url, enabled }) => {
    const site = siteForUrl(url);
    if (!site) return { enabled: false };
    if (enabled) {
      const granted = await browser.permissions.contains({ origins: [site.pattern] });
      if (!granted) return { ...site, enabled: false };
    }
    await setSite(db, site.pattern, enabled);
    await syncRegistration(await enabledPatterns(db));
    if (enabled) {
      await injectIntoOpenTabs(site.pattern);
    } else {
      await teardownOpenTabs(site.pattern, (tabId) => sendMessage('page:teardown', undefined, tabId));
      // Least privilege: give the host permission back (a build-time test host cannot be removed).
      await browser.permissions.remove({ origins: [site.pattern] }).catch(() => false);
    }
    return siteState(url);
  });
}
