/**
 * The sites the reader switched on: a storage item the extension's pages watch, changed only here, in step
 * with the content-script registration, the open tabs and the host permissions.
 */
import { browser } from 'wxt/browser';
import { getSites, sitesItem } from '../shared/storage';
import { isEnabled, patternMatches, siteForUrl } from '../shared/site';
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

/**
 * The reader took a site's access away in the browser (the extensions page's site access, "on click"): the
 * site is off from now on, as if switched off here: tabs open on it are cleared at once, nothing registers.
 */
export async function onAccessRemoved(origins: readonly string[]): Promise<void> {
  const sites = await getSites();
  const gone = sites.filter((s) => origins.some((o) => o === s.pattern || patternCovers(o, s.pattern)));
  if (gone.length === 0) return;
  await sitesItem.setValue(sites.filter((s) => !gone.includes(s)));
  await syncRegistration(await enabledPatterns());
  for (const site of gone) {
    await teardownOpenTabs(site.pattern, (tabId) => sendMessage('page:teardown', undefined, tabId));
  }
}

/** Does a removed permission's pattern (e.g. https://*\/*) cover a site's pattern? */
function patternCovers(permission: string, site: string): boolean {
  return patternMatches(permission, site.replace(/\*$/, ''));
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
