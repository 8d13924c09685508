/**
 * The one message protocol between content scripts, the background and the extension's pages. Each message
 * the background answers is declared once here: who may send it, the zod schema of its payload (the payload's
 * type is inferred from it, and the background validates every payload with it) and the type of its answer.
 * Messages a content script answers come from the background or the extension's pages only, and are declared
 * as types. Names are namespaced by owner (`page:`, `card:`, `site:`, `update:`). Only the background loads
 * this module at run time; every other context imports its types (see ./messaging.ts), so no schema library
 * ships in a page's content script.
 */
import { z } from 'zod';
import type { AliasIndexWire } from './index-wire';
import type { CardData } from './card-data';
import type { ReaderSettings } from './settings';
import { SCHEDULES, type UpdateStatus } from './feed';
import type { EntityKind } from './vocabulary';
import { entityId } from './model';

/** Who sends a message: a tab's content script, or one of the extension's own pages. */
export type Sender = 'content' | 'page';

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
  /** The page's first full scan has finished: until then an empty list means "not read yet", not "none". */
  ready: boolean;
  /** The article's publication date (YYYY-MM-DD) when the page declares one: the digest's then-and-now. */
  published?: string;
  entities: {
    id: string;
    name: string;
    kind: EntityKind;
    /** Mentions on the page, marked or not. */
    count: number;
    /** The entity's first mention as the page writes it ("GRU", "Macron"). */
    written: string;
  }[];
}

/** An entity as the popup's search indexes it. */
export interface SearchEntity {
  id: string;
  name: string;
  kind: EntityKind;
  type: string;
  /** Every alias text, in any language. */
  aliases: { text: string; lang?: string }[];
}

/** The answer type of a message, carried by its declaration without a runtime value. */
interface Answer<T> {
  readonly __answer?: T;
}
const answer = <T>(): Answer<T> => ({});

interface Declaration {
  from: readonly Sender[];
  data: z.ZodType;
  answer: Answer<unknown>;
}

const url = z.string().url().max(4096);

/** Every message the background answers. */
export const BACKGROUND_MESSAGES = {
  /** What a page needs to start annotating (undefined: not enabled there). */
  'page:init': {
    from: ['content'],
    data: z.object({ url }).strict(),
    answer: answer<PageInit | undefined>(),
  },
  /** The card of one entity. */
  'card:get': {
    from: ['content', 'page'],
    data: z.object({ id: entityId.max(120) }).strict(),
    answer: answer<CardData | undefined>(),
  },
  /**
   * Keep a "wrong match" report locally, for the sender's own tab (the background takes the page's address
   * from the tab, never from the message).
   */
  'report:wrong-match': {
    from: ['content'],
    data: z.object({ entityId: entityId.max(120), matchedText: z.string().min(1).max(200) }).strict(),
    answer: answer<{ id: string }>(),
  },
  /** Annotation state of a site. */
  'site:get': { from: ['page'], data: z.object({ url }).strict(), answer: answer<SiteState>() },
  /** Switch annotation for a site (the page has asked for the host permission first). */
  'site:set': {
    from: ['page'],
    data: z.object({ url, enabled: z.boolean() }).strict(),
    answer: answer<SiteState>(),
  },
  /** Every entity, for the popup's search. */
  'search:entities': { from: ['page'], data: z.undefined(), answer: answer<SearchEntity[]>() },
  /** Dataset update status in plain data (the page words it). */
  'update:status': { from: ['page'], data: z.undefined(), answer: answer<UpdateStatus>() },
  /** Check the feed now (ignores the backoff); answers when the check ends. */
  'update:check': { from: ['page'], data: z.undefined(), answer: answer<UpdateStatus>() },
  /** How often to check automatically. */
  'update:set-schedule': {
    from: ['page'],
    data: z.object({ schedule: z.enum(SCHEDULES) }).strict(),
    answer: answer<UpdateStatus>(),
  },
  /** The feed folder URL ('' = the build's default feed). */
  'update:set-feed': {
    from: ['page'],
    data: z.object({ feedUrl: z.union([z.literal(''), z.url().max(2048)]) }).strict(),
    answer: answer<UpdateStatus>(),
  },
} as const satisfies Record<string, Declaration>;

export type BackgroundMessage = keyof typeof BACKGROUND_MESSAGES;
export type MessageData<K extends BackgroundMessage> = z.output<(typeof BACKGROUND_MESSAGES)[K]['data']>;
export type MessageAnswer<K extends BackgroundMessage> =
  (typeof BACKGROUND_MESSAGES)[K]['answer'] extends Answer<infer T> ? T : never;

type BackgroundMap = {
  [K in BackgroundMessage]: (data: z.input<(typeof BACKGROUND_MESSAGES)[K]['data']>) => MessageAnswer<K>;
};

/** Messages a content script answers: sent by the background, or by the popup for its tab. */
interface ContentMap {
  /** Remove every highlight, listener and observer now. */
  'page:teardown'(): void;
  /** The settings changed; apply them without a reload. */
  'page:settings'(data: ReaderSettings): void;
  /** A new dataset was applied; match with this index from now on. */
  'page:index'(data: AliasIndexWire): void;
  /** A keyboard command: open the next/previous mention's card; its entity id. */
  'page:navigate'(data: { direction: 'next' | 'previous' }): string | undefined;
  /** What NormLens found on this page (the popup's digest). */
  'page:summary'(): PageSummary;
  /** Scroll to the first mention of an entity and open its card (from the popup). */
  'page:reveal'(data: { id: string }): boolean;
}

export type ProtocolMap = BackgroundMap & ContentMap;

/**
 * A background message's payload, validated; throws an Error naming the message and the failing field, so the
 * sender's promise rejects instead of resolving with nothing.
 */
export function parseMessageData<K extends BackgroundMessage>(type: K, data: unknown): MessageData<K> {
  const parsed = BACKGROUND_MESSAGES[type].data.safeParse(data);
  if (parsed.success) return parsed.data as MessageData<K>;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(payload)';
  throw new Error(`invalid ${type} message: ${field}: ${issue?.message ?? 'invalid'}`);
}
