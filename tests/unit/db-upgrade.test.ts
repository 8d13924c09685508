/**
 * Each older schema, opened with data and upgraded by opening the current class: nothing may be lost.
 * The v1 declaration is repeated here on purpose, frozen as it shipped.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { NormLensDB } from '../../src/db/database';
import { getAliasIndex, getCardData } from '../../src/db/queries';
import { seedDataset } from '../../src/db/seed';
import { readConfig, readState } from '../../src/feed/updater';
import { dataset } from './feed-helpers';

const V1_STORES = {
  entities: '&id, kind',
  relations: '&id, subject, object, type',
  meta: '&key',
  sites: '&pattern, hostname',
  settings: '&key',
};

async function dump(db: Dexie, tables: string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of tables) out[name] = await db.table(name).toArray();
  return out;
}

describe('database upgrade v1 → v2', () => {
  it('keeps every v1 row and index, and adds the feed tables with the default schedule', async () => {
    const name = `upgrade-${Math.random()}`;
    // Fill a v1 database the way v1 of the extension did (seeding through the current class is not v1).
    const seeded = new NormLensDB(`${name}-source`);
    await seedDataset(seeded, dataset('2026.1.1', ['Paris Call', 'Budapest Convention']));
    const source = await dump(seeded, ['entities', 'relations', 'meta']);
    seeded.close();

    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    await v1.open();
    await v1.table('entities').bulkPut(source.entities!);
    await v1.table('relations').bulkPut(source.relations!);
    await v1.table('meta').bulkPut(source.meta!);
    await v1
      .table('sites')
      .put({ pattern: 'https://www.lemonde.fr/*', hostname: 'www.lemonde.fr', addedAt: 'x' });
    await v1.table('settings').put({ key: 'reader', value: { demonyms: false, hoverDelayMs: 300 } });
    const before = await dump(v1, Object.keys(V1_STORES));
    v1.close();

    const db = new NormLensDB(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await dump(db, Object.keys(V1_STORES))).toEqual(before);
    // Indexes still answer queries.
    expect((await getCardData(db, 'paris-call'))?.relations).toHaveLength(1);
    expect((await getAliasIndex(db))?.version).toBe('2026.1.1');
    expect(await db.sites.where('hostname').equals('www.lemonde.fr').count()).toBe(1);
    // New tables, ready to use.
    expect(await readConfig(db)).toEqual({ schedule: '12h' });
    expect((await db.feed.get('config'))?.value).toEqual({ schedule: '12h' });
    expect(await readState(db)).toEqual({ failures: 0 });
    expect(await db.staging.count()).toBe(0);
    db.close();
  });

  it('opens a fresh database straight at the current version', async () => {
    const db = new NormLensDB(`fresh-${Math.random()}`);
    await db.open();
    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      ['entities', 'feed', 'meta', 'relations', 'settings', 'sites', 'staging'].sort(),
    );
  });
});
