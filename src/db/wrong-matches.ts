/**
 * "Wrong match" reports: the reader's own list of matches NormLens got wrong, kept in one row of the
 * settings table (no schema change), shown and exported as JSON in the options, never sent anywhere.
 */
import type { NormLensDB } from './database';

export interface WrongMatchReport {
  /** Unique within the list (time-based), for deleting one report. */
  id: string;
  entityId: string;
  matchedText: string;
  pageUrl: string;
  /** ISO date-time of the report. */
  reportedAt: string;
}

export const WRONG_MATCHES_KEY = 'wrongMatches';
/** Oldest reports go first beyond this, so the row stays small. */
export const MAX_WRONG_MATCHES = 500;

export async function listWrongMatches(db: NormLensDB): Promise<WrongMatchReport[]> {
  const row = await db.settings.get(WRONG_MATCHES_KEY);
  return Array.isArray(row?.value) ? (row.value as WrongMatchReport[]) : [];
}

export async function addWrongMatch(
  db: NormLensDB,
  report: Omit<WrongMatchReport, 'id' | 'reportedAt'>,
  now = new Date(),
): Promise<WrongMatchReport> {
  return db.transaction('rw', db.settings, async () => {
    const list = await listWrongMatches(db);
    const entry: WrongMatchReport = {
      ...report,
      id: `${now.getTime().toString(36)}-${list.length.toString(36)}`,
      reportedAt: now.toISOString(),
    };
    const next = [...list, entry].slice(-MAX_WRONG_MATCHES);
    await db.settings.put({ key: WRONG_MATCHES_KEY, value: next });
    return entry;
  });
}

/** Delete some reports (by id), or all when ids is undefined. */
export async function deleteWrongMatches(
  db: NormLensDB,
  ids?: readonly string[],
): Promise<WrongMatchReport[]> {
  return db.transaction('rw', db.settings, async () => {
    const keep = ids === undefined ? [] : (await listWrongMatches(db)).filter((r) => !ids.includes(r.id));
    await db.settings.put({ key: WRONG_MATCHES_KEY, value: keep });
    return keep;
  });
}

/** The list as a JSON file the reader can keep or send by hand. */
export function wrongMatchesJson(list: readonly WrongMatchReport[]): string {
  return JSON.stringify({ format: 'normlens-wrong-matches', version: 1, reports: list }, null, 2);
}
