/**
 * The one message protocol between content scripts, the background and extension pages. Names are
 * namespaced by owner (`index:`, `card:`, `site:`, `page:`). Every payload that enters the background is
 * validated (./validate.ts, kept apart so content scripts do not load the schema library); anything else is dropped.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { AliasIndexWire } from '../annotate/alias-index';
import type { CardData } from '../db/queries';
import type { ReaderSettings } from '../settings/reader';
import type { Schedule, UpdateStatus } from '../feed/state';

export interface SiteState {
  /** The site's match pattern, or undefined for pages NormLens cannot annotate (chrome://, file://...). */
  pattern?: string;
  hostname?: string;
  enabled: boolean;
}

export interface PageInit {
  index: AliasIndexWire;
  settings: ReaderSettings;
  /** Whether the page's headers let the content script compile WebAssembly without a policy violation. */
  wasm: boolean;
}

export interface PageSummary {
  url: string;
  entities: { id: string; name: string; kind: string; count: number }[];
}

export interface ProtocolMap {
  /** content -> background: what the page needs to start annotating (undefined: not enabled here). */
  'page:init'(data: { url: string }): PageInit | undefined;
  /** content -> background: the card for one entity. */
  'card:get'(data: { id: string }): CardData | undefined;
  /** popup/options -> background: annotation state of a site. */
  'site:get'(data: { url: string }): SiteState;
  /** popup/options/welcome -> background: switch annotation for a site (host permission already asked). */
  'site:set'(data: { url: string; enabled: boolean }): SiteState;
  /** background/popup -> content: remove every highlight, listener and observer now. */
  'page:teardown'(): void;
  /** popup -> content: what NormLens found on this page. */
  'page:summary'(): PageSummary;
  /** options/popup -> background: the reader's settings. */
  'settings:get'(): ReaderSettings;
  /** options/popup -> background: change some settings; open tabs get them through page:settings. */
  'settings:set'(data: Partial<ReaderSettings>): ReaderSettings;
  /** background -> content: the settings changed; apply them without a reload. */
  'page:settings'(data: ReaderSettings): void;
  /** options -> background: dataset update status in plain data (the page words it). */
  'update:status'(): UpdateStatus;
  /** options -> background: check the feed now (ignores the backoff); resolves when the check ends. */
  'update:check'(): UpdateStatus;
  /** options -> background: how often to check automatically. */
  'update:set-schedule'(data: { schedule: Schedule }): UpdateStatus;
  /** options -> background: the feed folder URL ('' = the default feed). */
  'update:set-feed'(data: { feedUrl: string }): UpdateStatus;
  /** background -> content: a new dataset was applied; match with this index from now on. */
  'page:index'(data: AliasIndexWire): void;
  // The reader's experience (issue 6): keyboard walk, reveal from the popup, wrong-match reports.
  /** background (keyboard command) -> content: open the next/previous mention's card; its entity id. */
  'page:navigate'(data: { direction: 'next' | 'previous' }): string | undefined;
  /** popup -> content: scroll to the first mention of an entity and open its card. */
  'page:reveal'(data: { id: string }): boolean;
  /** content (card) -> background: keep a "wrong match" report locally. */
  'report:wrong-match'(data: { entityId: string; matchedText: string; pageUrl: string }): { id: string };
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
