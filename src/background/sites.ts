/**
 * The sites the reader switched on: a storage item the extension's pages watch, changed only here, in step
 * with the content-script registration, the open tabs and the host permissions.
 */
import { browser } from 'wxt/browser';
import { getSites, sitesItem } from '../shared/storage';
import { isEnabled, siteForUrl } from '../shared/site';
import type { SiteState } from '../shared/protocol';
import { injectIntoOpenTabs, syncRegistration, teardownOpenTabs } from './registration';
import { sendMessage } from '../shared/messaging';

export async function enabledPatterns(): Promise<string[]> {
  return (await getSites()).map((s) => s.pattern);
}

async function storeSite(pattern: string, enabled: boolean, now = new Date()): Promise<void> {
  const rest = (await getSites()).filter((s) => s.pattern !== pattern);
  if (enabled) {
    const hostname = siteForUrl(pattern.replace(/\*$/, ''))?.hostname ?? pattern;
    rest.push({ pattern, hostname, addedAt: now.toISOString() });
  }
  await sitesItem.setValue(rest);
}

export async function siteState(url: string): Promise<SiteState> {
  const site = siteForUrl(url);
  if (!site) return { enabled: false };
  return { ...site, enabled: isEnabled(url, await enabledPatterns()) };
}

/** Test builds: the hosts the build granted, switched on at install. */
export async function enableTestHosts(patterns: readonly string[]): Promise<void> {
  for (const pattern of patterns) await storeSite(pattern, true);
  await syncRegistration(await enabledPatterns());
}

/** Switch a site on (its host permission already granted) or off (the permission is given back). */
export async function switchSite(url: string, enabled: boolean): Promise<SiteState> {
  const site = siteForUrl(url);
  if (!site) return { enabled: false };
  if (enabled) {
    const granted = await browser.permissions.contains({ origins: [site.pattern] });
    if (!granted) return { ...site, enabled: false };
  }
  await storeSite(site.pattern, enabled);
  await syncRegistration(await enabledPatterns());
  if (enabled) {
    await injectIntoOpenTabs(site.pattern);
  } else {
    await teardownOpenTabs(site.pattern, (tabId) => sendMessage('page:teardown', undefined, tabId));
    // Least privilege: give the host permission back (a build-time test host cannot be removed).
    await browser.permissions.remove({ origins: [site.pattern] }).catch(() => false);
  }
  return siteState(url);
}
