/** Where the reader's settings live: one row of the settings table, read over the defaults. */
import type { NormLensDB } from '../db/database';
import { withDefaults, type ReaderSettings } from './reader';

const KEY = 'reader';

export async function getReaderSettings(db: NormLensDB): Promise<ReaderSettings> {
  const row = await db.settings.get(KEY);
  return withDefaults(row?.value as Partial<ReaderSettings> | undefined);
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
