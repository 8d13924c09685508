/**
 * The reader's own state, in WXT storage items (versioned, watchable from every extension context): reader
 * settings, the sites switched on, the feed choices and the last check's outcome, and the wrong-match
 * reports. Every read goes through the item's schema, so a damaged or older value falls back field by field
 * instead of breaking a page. The dataset itself is in the background's IndexedDB (src/db/).
 * In Chromium the background restricts this storage area to the extension's own contexts (see
 * restrictStorageToExtension), so a page's content script can neither read nor write it.
 */
import { storage } from 'wxt/utils/storage';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { DEFAULT_READER_SETTINGS, settingsFromStored, type ReaderSettings } from './settings';
import {
  DEFAULT_FEED_CONFIG,
  INITIAL_FEED_STATE,
  feedConfigSchema,
  feedStateSchema,
  type FeedConfig,
  type FeedState,
} from './feed';
import { entityId } from './model';

export const readerSettingsItem = storage.defineItem<ReaderSettings>('local:readerSettings', {
  fallback: DEFAULT_READER_SETTINGS,
  version: 1,
});

export async function getReaderSettings(): Promise<ReaderSettings> {
  return settingsFromStored(await readerSettingsItem.getValue());
}

/** Call back with the checked settings whenever they change; returns the unwatch function. */
export function watchReaderSettings(callback: (settings: ReaderSettings) => void): () => void {
  return readerSettingsItem.watch((value) => callback(settingsFromStored(value)));
}

const siteRow = z
  .object({
    /** Match pattern, e.g. https://www.lemonde.fr/* */
    pattern: z.string().max(300),
    hostname: z.string().max(260),
    addedAt: z.string().max(40),
  })
  .strict();
export type SiteRow = z.infer<typeof siteRow>;

export const sitesItem = storage.defineItem<SiteRow[]>('local:sites', { fallback: [], version: 1 });

/** The sites switched on, each checked (a damaged row is dropped, the rest kept). */
export async function getSites(): Promise<SiteRow[]> {
  return checkedList(siteRow, await sitesItem.getValue());
}

export const feedConfigItem = storage.defineItem<FeedConfig>('local:feedConfig', {
  fallback: DEFAULT_FEED_CONFIG,
  version: 1,
});

export async function getFeedConfig(): Promise<FeedConfig> {
  const parsed = feedConfigSchema.safeParse(await feedConfigItem.getValue());
  return parsed.success ? parsed.data : DEFAULT_FEED_CONFIG;
}

export const feedStateItem = storage.defineItem<FeedState>('local:feedState', {
  fallback: INITIAL_FEED_STATE,
  version: 1,
});

export async function getFeedState(): Promise<FeedState> {
  const parsed = feedStateSchema.safeParse(await feedStateItem.getValue());
  return parsed.success ? parsed.data : INITIAL_FEED_STATE;
}

const wrongMatchReport = z
  .object({
    /** Unique (a random UUID), for deleting one report. */
    id: z.string().min(8).max(64),
    entityId: entityId.max(120),
    matchedText: z.string().min(1).max(200),
    /** The page's origin and path only: no query or fragment (tokens, tracking ids). */
    pageUrl: z.string().max(2048),
    /** ISO date-time of the report. */
    reportedAt: z.string().max(40),
  })
  .strict();
export type WrongMatchReport = z.infer<typeof wrongMatchReport>;

/** Oldest reports go first beyond this, so the item stays small. */
export const MAX_WRONG_MATCHES = 500;

export const wrongMatchesItem = storage.defineItem<WrongMatchReport[]>('local:wrongMatches', {
  fallback: [],
  version: 1,
});

export async function getWrongMatches(): Promise<WrongMatchReport[]> {
  return checkedList(wrongMatchReport, await wrongMatchesItem.getValue());
}

function checkedList<T>(schema: z.ZodType<T>, value: unknown): T[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((row) => {
    const parsed = schema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Chromium lets an extension close its local storage to content scripts; Firefox has no such switch yet (its
 * content scripts run in the page's process either way), so there the background re-checks everything it reads.
 */
export async function restrictStorageToExtension(): Promise<void> {
  const local = browser.storage.local as typeof browser.storage.local & {
    setAccessLevel?: (options: { accessLevel: string }) => Promise<void>;
  };
  await local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
}
