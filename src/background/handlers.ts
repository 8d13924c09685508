/**
 * Every message the background answers, in one place. Each handler gets a payload already validated against
 * its declaration in src/shared/protocol.ts and a caller the declaration allows (see ./route.ts).
 */
import type { NormLensDB } from '../db/database';
import { getAliasIndex, getCardData, searchEntities } from '../db/dataset';
import { isEnabled, siteForUrl } from '../shared/site';
import { getReaderSettings } from '../shared/storage';
import type { Handlers } from './route';
import type { PagePolicies } from './page-policies';
import { enabledPatterns, onAccessRemoved, siteState, switchSite } from './sites';
import { addWrongMatch, reportUrl } from './reports';
import type { Updates } from './updates';
import { browser } from 'wxt/browser';

export interface Services {
  db: NormLensDB;
  pagePolicies: PagePolicies;
  updates: Updates;
}

/** The URL of a content script's tab, as the browser knows it (never as the page or the message says). */
async function tabUrl(tabId: number | undefined): Promise<string | undefined> {
  if (tabId === undefined) return undefined;
  return (await browser.tabs.get(tabId).catch(() => undefined))?.url;
}

export function handlers({ db, pagePolicies, updates }: Services): Handlers {
  return {
    'page:init': async ({ url }, caller) => {
      if (!isEnabled(url, await enabledPatterns())) return undefined;
      // Access withdrawn in the browser without an event reaching us (e.g. while the worker slept): off.
      const site = siteForUrl(url);
      if (site && !(await browser.permissions.contains({ origins: [site.pattern] }))) {
        await onAccessRemoved([site.pattern]);
        return undefined;
      }
      const index = await getAliasIndex(db);
      if (!index) return undefined;
      const wasm = pagePolicies.wasmAllowed(caller.tabId, url);
      return { index, settings: await getReaderSettings(), wasm };
    },
    'card:get': async ({ id }) => getCardData(db, id),
    'report:wrong-match': async ({ entityId, matchedText }, caller) => {
      const pageUrl = reportUrl((await tabUrl(caller.tabId)) ?? '');
      if (!pageUrl) throw new Error('report:wrong-match needs a content script in a web page');
      return { id: (await addWrongMatch({ entityId, matchedText, pageUrl }, new Date(), caller.tabId)).id };
    },
    'site:get': async ({ url }) => siteState(url),
    'site:set': async ({ url, enabled }) => switchSite(url, enabled),
    'search:entities': async () => searchEntities(db),
    'update:status': () => updates.status(),
    'update:check': () => updates.check(),
    'update:set-schedule': ({ schedule }) => updates.setSchedule(schedule),
    'update:set-feed': ({ feedUrl }) => updates.setFeed(feedUrl),
  };
}
