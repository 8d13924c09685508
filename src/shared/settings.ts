/**
 * The reader's choices about what NormLens marks and how: one plain object in a storage item
 * (src/shared/storage.ts), sent to every content script with page:init and again (page:settings) whenever it
 * changes, so open tabs follow without a reload. The zod schema is the one source of the type and of every
 * check (stored values, changes from the options page). Content scripts import only the type.
 */
import { z } from 'zod';
import { ENTITY_KINDS } from './vocabulary';

/**
 * How mentions are marked: `lines`, an underline in the kind's colour and line style (src/ui/marks.ts);
 * `tint`, the same line over a background tint of that colour.
 */
export const UNDERLINE_STYLES = ['lines', 'tint'] as const;
export const SCAN_SCOPES = ['article', 'page'] as const;
export const HOVER_DELAY_RANGE = { min: 0, max: 2000 } as const;

const readerSettingsSchema = z
  .object({
    /** Which kinds of entity are annotated. */
    kinds: z.record(z.enum(ENTITY_KINDS), z.boolean()),
    /** Demonyms ("French", "Estonian") count as mentions of their country. */
    demonyms: z.boolean(),
    /**
     * Mark only the first mention of each entity on a page; later mentions are still found (their card opens
     * on hover, tap and the keyboard walk) but carry no mark.
     */
    firstMentionOnly: z.boolean(),
    /** `article`: only the main article region (falls back to the whole page when none is found). */
    scope: z.enum(SCAN_SCOPES),
    underline: z.enum(UNDERLINE_STYLES),
    /** Pointer rest time before a card opens. */
    hoverDelayMs: z.number().int().min(HOVER_DELAY_RANGE.min).max(HOVER_DELAY_RANGE.max),
  })
  .strict();
export type ReaderSettings = z.infer<typeof readerSettingsSchema>;
export type UnderlineStyle = ReaderSettings['underline'];
export type ScanScope = ReaderSettings['scope'];

/** A change to some settings (kinds may name only some kinds). */
export const readerSettingsChange = readerSettingsSchema
  .extend({ kinds: z.partialRecord(z.enum(ENTITY_KINDS), z.boolean()) })
  .partial()
  .strict();
export type ReaderSettingsChange = z.infer<typeof readerSettingsChange>;

export const DEFAULT_READER_SETTINGS: ReaderSettings = {
  kinds: {
    initiative: true,
    country: true,
    person: true,
    organization: true,
    'threat-actor': true,
    incident: true,
  },
  // Quiet by default: the article's first mention of each name, no demonyms ("French" is not France).
  demonyms: false,
  firstMentionOnly: true,
  scope: 'article',
  underline: 'lines',
  hoverDelayMs: 250,
};

/**
 * A stored value checked field by field: a field that is missing or not valid (an older version's shape, a
 * damaged value) gets its default while every valid field is kept; kinds added later get their default.
 */
export function settingsFromStored(stored: unknown): ReaderSettings {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const shape = readerSettingsSchema.shape;
  const pick = <K extends keyof ReaderSettings>(key: K): ReaderSettings[K] => {
    const parsed = shape[key].safeParse(record[key]);
    return parsed.success ? (parsed.data as ReaderSettings[K]) : DEFAULT_READER_SETTINGS[key];
  };
  const kinds = { ...DEFAULT_READER_SETTINGS.kinds };
  const storedKinds = record['kinds'];
  if (typeof storedKinds === 'object' && storedKinds !== null) {
    for (const k of ENTITY_KINDS) {
      const v = (storedKinds as Record<string, unknown>)[k];
      if (typeof v === 'boolean') kinds[k] = v;
    }
  }
  return {
    kinds,
    demonyms: pick('demonyms'),
    firstMentionOnly: pick('firstMentionOnly'),
    scope: pick('scope'),
    underline: pick('underline'),
    hoverDelayMs: pick('hoverDelayMs'),
  };
}

/** A change applied to settings. */
export function applySettingsChange(current: ReaderSettings, change: ReaderSettingsChange): ReaderSettings {
  return settingsFromStored({ ...current, ...change, kinds: { ...current.kinds, ...change.kinds } });
}
