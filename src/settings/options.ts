/** The reader's annotation options, stored in the settings table, with defaults. */
import type { NormLensDB } from '../db/database';
import { DEFAULT_MATCH_OPTIONS, type MatchOptions } from '../annotate/find-mentions';

export async function getMatchOptions(db: NormLensDB): Promise<MatchOptions> {
  const row = await db.settings.get('matchOptions');
  return { ...DEFAULT_MATCH_OPTIONS, ...((row?.value as Partial<MatchOptions> | undefined) ?? {}) };
}

export async function setMatchOptions(db: NormLensDB, options: Partial<MatchOptions>): Promise<void> {
  const current = await getMatchOptions(db);
  await db.settings.put({ key: 'matchOptions', value: { ...current, ...options } });
}
