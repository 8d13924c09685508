/**
 * Keeps the one runtime-registered content script in step with the enabled sites, and reaches the tabs
 * already open on a site when it is switched on or off.
 */
import { browser } from 'wxt/browser';
import { patternMatches } from '../shared/site';

const CONTENT_SCRIPT_ID = 'normlens';
const CONTENT_SCRIPT_FILE = '/content-scripts/content.js' as const;

/** Register (or update, or remove) the content script so it runs on exactly these patterns. */
export async function syncRegistration(patterns: readonly string[]): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] });
  if (patterns.length === 0) {
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
    return;
  }
  const script = {
    id: CONTENT_SCRIPT_ID,
    matches: [...patterns],
    js: [CONTENT_SCRIPT_FILE],
    runAt: 'document_idle' as const,
    allFrames: false,
  };
  if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
}

async function tabsOn(pattern: string): Promise<{ id: number; url: string }[]> {
  const tabs = await browser.tabs.query({});
  return tabs.flatMap((t) =>
    t.id !== undefined && t.url && patternMatches(pattern, t.url) ? [{ id: t.id, url: t.url }] : [],
  );
}

/** Start NormLens in tabs already open on a site that was just switched on. */
export async function injectIntoOpenTabs(pattern: string): Promise<void> {
  for (const tab of await tabsOn(pattern)) {
    await browser.scripting
      .executeScript({ target: { tabId: tab.id }, files: [CONTENT_SCRIPT_FILE] })
      .catch(() => undefined); // a tab that cannot be scripted (error page, closing) is skipped
  }
}

/** Ask every tab open on a site to remove NormLens from the page now. */
export async function teardownOpenTabs(
  pattern: string,
  send: (tabId: number) => Promise<void>,
): Promise<void> {
  await Promise.all((await tabsOn(pattern)).map((tab) => send(tab.id).catch(() => undefined)));
}
