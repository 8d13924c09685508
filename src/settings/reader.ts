/**
 * The reader's choices about what NormLens marks and how: one plain object, stored in the settings table,
 * sent to every content script with page:init and again (page:settings) whenever it changes, so open tabs
 * follow without a reload. Pure: no browser or database here.
 */
import { ENTITY_KINDS, type EntityKind } from '../shared/vocabulary';
import type { MatchOptions } from '../annotate/find-mentions';

export const UNDERLINE_STYLES = ['dotted', 'solid', 'wavy', 'background'] as const;
export type UnderlineStyle = (typeof UNDERLINE_STYLES)[number];

export const SCAN_SCOPES = ['article', 'page'] as const;
/** `article`: only the main article region (falls back to the whole page when none is found). */
export type ScanScope = (typeof SCAN_SCOPES)[number];

export interface ReaderSettings {
  /** Which kinds of entity are annotated. */
  kinds: Record<EntityKind, boolean>;
  /** Demonyms ("French", "Estonian") count as mentions of their country. */
  demonyms: boolean;
  /** Annotate only the first mention of each entity on a page. */
  firstMentionOnly: boolean;
  scope: ScanScope;
  underline: UnderlineStyle;
  /** Pointer rest time before a card opens. */
  hoverDelayMs: number;
}

export const DEFAULT_READER_SETTINGS: ReaderSettings = {
  kinds: {
    initiative: true,
    country: true,
    person: true,
    organization: true,
    'threat-actor': true,
    incident: true,
  },
  demonyms: true,
  firstMentionOnly: false,
  scope: 'article',
  underline: 'dotted',
  hoverDelayMs: 250,
};

export const HOVER_DELAY_RANGE = { min: 0, max: 2000 } as const;

/** Stored settings over the defaults: a setting added in a later version gets its default. */
export function withDefaults(stored: Partial<ReaderSettings> | undefined): ReaderSettings {
  return {
    ...DEFAULT_READER_SETTINGS,
    ...stored,
    kinds: { ...DEFAULT_READER_SETTINGS.kinds, ...stored?.kinds },
  };
}

export function matchOptionsOf(settings: ReaderSettings): MatchOptions {
  return { demonyms: settings.demonyms, firstMentionOnly: settings.firstMentionOnly };
}

export function enabledKinds(settings: ReaderSettings): EntityKind[] {
  return ENTITY_KINDS.filter((k) => settings.kinds[k]);
}
