/**
 * The background worker: seeds the bundled dataset, answers content scripts and extension pages
 * (./handlers.ts), keeps the content-script registration in step with the enabled sites, pushes the reader's
 * settings to open tabs when they change, and keeps the dataset current (./updates.ts).
 */
import { browser } from 'wxt/browser';
import { getDb } from '../db/database';
import { getAliasIndex } from '../db/dataset';
import { sendMessage } from '../shared/messaging';
import { restrictStorageToExtension, watchReaderSettings } from '../shared/storage';
import type { ReaderSettings } from '../shared/settings';
import { syncRegistration } from './registration';
import { enableTestHosts, enabledPatterns, onAccessRemoved } from './sites';
import { startUpdates } from './updates';
import { listenForCommands } from './commands';
import { ReadyGate } from './ready-gate';
import { PagePolicies, watchPagePolicies } from './page-policies';
import { seedBundledDataset } from './dataset';
import { handlers } from './handlers';
import { listen } from './route';
import { exposeTestHooks } from './test-hooks';

const db = getDb();
const pagePolicies = new PagePolicies();

/** Everything the handlers need before they answer: the dataset, seeded if the database has none. */
const gate = new ReadyGate(async () => {
  if ((await getAliasIndex(db)) === undefined) await seedBundledDataset(db);
});
const whenReady = (): Promise<void> => gate.whenReady();

async function onInstalled(): Promise<void> {
  await seedBundledDataset(db);
  if (__NORMLENS_TEST_HOSTS__.length > 0) await enableTestHosts(__NORMLENS_TEST_HOSTS__);
  else await syncRegistration(await enabledPatterns());
  if (__NORMLENS_TEST_HOSTS__.length === 0) {
    await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  }
}

/** Tell every tab's content script (where one runs) about new settings; tabs without one do not answer. */
async function pushSettings(settings: ReaderSettings): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : sendMessage('page:settings', settings, tab.id).catch(() => undefined),
    ),
  );
}

export function startBackground(): void {
  void restrictStorageToExtension();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') {
      gate.replace(onInstalled().catch((e: unknown) => console.error('[normlens] install failed', e)));
    }
  });
  browser.runtime.onStartup.addListener(() => {
    void enabledPatterns().then(syncRegistration);
  });
  // Access taken away in the browser's own settings ends annotation there too.
  browser.permissions.onRemoved.addListener(({ origins }) => void onAccessRemoved(origins ?? []));
  const updates = startUpdates(db, whenReady);
  watchPagePolicies(pagePolicies);
  // The options page writes the settings item; open tabs follow through page:settings.
  watchReaderSettings((settings) => void pushSettings(settings));
  listen(handlers({ db, pagePolicies, updates }), whenReady);
  listenForCommands();
  if (__NORMLENS_TEST_HOSTS__.length > 0) exposeTestHooks();
}
