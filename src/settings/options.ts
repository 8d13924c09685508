/** Where the reader's settings live: one row of the settings table, read over the defaults. */
import type { NormLensDB } from '../db/database';
import { ENTITY_KINDS } from '../shared/vocabulary';
import {
  HOVER_DELAY_RANGE,
  SCAN_SCOPES,
  UNDERLINE_STYLES,
  withDefaults,
  type ReaderSettings,
} from './reader';

const KEY = 'reader';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The stored row checked field by field: a field that is missing or not valid (an older version's shape, a
 * damaged row) is left out, so it falls back to its default while every valid field is kept.
 */
export function validStoredSettings(stored: unknown): Partial<ReaderSettings> {
  if (!isRecord(stored)) return {};
  const out: Partial<ReaderSettings> = {};
  if (typeof stored.demonyms === 'boolean') out.demonyms = stored.demonyms;
  if (typeof stored.firstMentionOnly === 'boolean') out.firstMentionOnly = stored.firstMentionOnly;
  const { scope, underline, hoverDelayMs, kinds } = stored;
  if (SCAN_SCOPES.some((s) => s === scope)) out.scope = scope as ReaderSettings['scope'];
  if (UNDERLINE_STYLES.some((s) => s === underline)) out.underline = underline as ReaderSettings['underline'];
  if (
    typeof hoverDelayMs === 'number' &&
    Number.isInteger(hoverDelayMs) &&
    hoverDelayMs >= HOVER_DELAY_RANGE.min &&
    hoverDelayMs <= HOVER_DELAY_RANGE.max
  ) {
    out.hoverDelayMs = hoverDelayMs;
  }
  if (isRecord(kinds)) {
    const valid = ENTITY_KINDS.filter((k) => typeof kinds[k] === 'boolean').map((k) => [k, kinds[k]]);
    out.kinds = Object.fromEntries(valid) as ReaderSettings['kinds'];
  }
  return out;
}

export async function getReaderSettings(db: NormLensDB): Promise<ReaderSettings> {
  const row = await db.settings.get(KEY);
  return withDefaults(validStoredSettings(row?.value));
}

/** Merge a change into the stored settings and return the result. */
export async function setReaderSettings(
  db: NormLensDB,
  change: Partial<ReaderSettings>,
): Promise<ReaderSettings> {
  return db.transaction('rw', db.settings, async () => {
    const current = await getReaderSettings(db);
    const next = withDefaults({ ...current, ...change, kinds: { ...current.kinds, ...change.kinds } });
    await db.settings.put({ key: KEY, value: next });
    return next;
  });
}
