/**
 * Test builds only (NORMLENS_TEST_HOSTS): what end-to-end tests call in the service worker to drive the real
 * code paths a headless browser cannot reach by hand (a global shortcut, the options page's writes), instead
 * of hand-crafting the messaging library's wire format. Never part of a shipping build's behaviour: the
 * background installs it only in test builds.
 */
import { sendMessage } from '../shared/messaging';
import type { ProtocolMap } from '../shared/protocol';
import { getReaderSettings, readerSettingsItem } from '../shared/storage';
import { applySettingsChange, type ReaderSettingsChange } from '../shared/settings';
import { onNavigationCommand } from './commands';

type ContentMessage = 'page:teardown' | 'page:summary' | 'page:navigate' | 'page:reveal';

interface TestHooks {
  command(name: string): Promise<string | undefined>;
  setSettings(change: ReaderSettingsChange): Promise<void>;
  getSettings: typeof getReaderSettings;
  /** Send a message to a tab's content script, as the background or the popup would. */
  toTab<K extends ContentMessage>(
    tabId: number,
    type: K,
    data: Parameters<ProtocolMap[K]>[0],
  ): Promise<ReturnType<ProtocolMap[K]>>;
}

export function exposeTestHooks(): void {
  const hooks: TestHooks = {
    command: onNavigationCommand,
    setSettings: async (change) =>
      readerSettingsItem.setValue(applySettingsChange(await getReaderSettings(), change)),
    getSettings: getReaderSettings,
    toTab: (tabId, type, data) => sendMessage(type, data as never, tabId) as never,
  };
  (globalThis as { normlensTest?: TestHooks }).normlensTest = hooks;
}
