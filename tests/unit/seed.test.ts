import { beforeEach, describe, expect, it } from 'vitest';
import { NormLensDB } from '../../src/db/database';
import { getCardData, installedDataset, replaceDataset } from '../../src/db/dataset';
import { seedDataset } from '../../src/background/dataset';
import { buildAliasIndex } from '../../src/annotate/alias-index';
import { parseDataset, type Dataset } from '../../src/shared/model';
import { getSites, sitesItem } from '../../src/shared/storage';

const installedDatasetVersion = async (db: NormLensDB) => (await installedDataset(db))?.version;

const dataset = (version: string, name = 'France'): Dataset => ({
  format: 1,
  version,
  generatedAt: '2026-11-27T00:00:00.000Z',
  entities: [
    {
      id: 'country-fra',
      kind: 'country',
      type: 'state',
      name,
      aliases: [],
      summary: 'A state.',
      source: 'https://un.org',
      asOf: '2026-01-01',
      dates: [],
    },
    {
      id: 'paris-call',
      kind: 'initiative',
      type: 'declaration',
      name: 'Paris Call',
      aliases: [],
      summary: 'A call.',
      source: 'https://x.org',
      asOf: '2026-01-01',
      dates: [],
    },
  ],
  relations: [
    {
      id: 'r1',
      subject: 'country-fra',
      type: 'supports',
      object: 'paris-call',
      from: '2018-11-12',
      source: 'https://x.org',
      asOf: '2026-01-01',
    },
  ],
});

let db: NormLensDB;
beforeEach(async () => {
  db = new NormLensDB(`test-${Math.random()}`);
  await db.open();
});

describe('seedDataset', () => {
  it('never writes the bundled copy over a newer dataset committed while it was deciding', async () => {
    const seeding = seedDataset(db, dataset('2026.1.1', 'Bundled'));
    // A feed update, as the updater applies it, racing with the seed.
    const feed = db.transaction('rw', db.entities, db.relations, db.meta, () =>
      replaceDataset(db, dataset('2026.3.1', 'Feed'), buildAliasIndex('2026.3.1', []), new Date()),
    );
    await Promise.all([seeding, feed]);
    expect(await installedDatasetVersion(db)).toBe('2026.3.1');
    expect((await getCardData(db, 'country-fra'))?.entity.name).toBe('Feed');
  });

  it('installs a dataset and answers card queries with resolved relations', async () => {
    expect(await seedDataset(db, dataset('2026.1.1'))).toBe(true);
    const card = await getCardData(db, 'country-fra');
    expect(card?.relations).toHaveLength(1);
    expect(card?.relations[0]).toMatchObject({ otherName: 'Paris Call', outgoing: true });
  });

  it('replaces a version that could not exist yet (a mistaken release) with the bundled copy', async () => {
    await seedDataset(db, dataset('9999.12.31', 'Stuck'));
    expect(await seedDataset(db, dataset('2026.1.1'))).toBe(true);
    expect(await installedDatasetVersion(db)).toBe('2026.1.1');
  });

  it("never downgrades, and leaves the reader's sites alone", async () => {
    await sitesItem.setValue([{ pattern: 'https://a.org/*', hostname: 'a.org', addedAt: 'x' }]);
    await seedDataset(db, dataset('2026.2.1'));
    expect(await seedDataset(db, dataset('2026.1.1', 'Old'))).toBe(false);
    expect((await db.entities.get('country-fra'))?.name).toBe('France');
    expect(await installedDatasetVersion(db)).toBe('2026.2.1');
    expect(await getSites()).toHaveLength(1);
  });

  it("shows a person's roles held at no entity as dated, sourced card rows", async () => {
    const data = dataset('2026.1.1');
    data.entities.push({
      id: 'a-person',
      kind: 'person',
      type: 'person',
      name: 'A Person',
      aliases: [],
      summary: 'Someone.',
      source: 'https://x.org',
      asOf: '2026-01-01',
      dates: [],
      roles: [
        { title: 'Chief Minister', from: '2001', to: '2014-05', source: 'https://y.org', asOf: '2026-01-02' },
      ],
    });
    await seedDataset(db, data);
    const card = await getCardData(db, 'a-person');
    expect(card?.relations).toEqual([
      expect.objectContaining({
        type: 'holds-role',
        role: 'Chief Minister',
        from: '2001',
        to: '2014-05',
        source: 'https://y.org',
        otherId: 'a-person',
        outgoing: true,
      }),
    ]);
  });

  it('rejects invalid input with a clear message', () => {
    expect(() => parseDataset({ format: 1, version: 'x' })).toThrow(/invalid dataset/);
  });

  it('holds data from anywhere to the authoring rules: https sources, whole datasets, sizes capped', () => {
    const good = dataset('2026.1.1');
    expect(() => parseDataset(good)).not.toThrow();
    const js = structuredClone(good);
    js.entities[0]!.source = 'javascript:alert(1)';
    expect(() => parseDataset(js)).toThrow(/https/);
    const twice = structuredClone(good);
    twice.entities.push(structuredClone(twice.entities[0]!));
    expect(() => parseDataset(twice)).toThrow(/country-fra used twice/);
    const dangling = structuredClone(good);
    dangling.relations[0]!.object = 'nowhere';
    expect(() => parseDataset(dangling)).toThrow(/points at nowhere/);
    expect(() => parseDataset({ ...good, entities: [], relations: [] })).toThrow(/no entities/);
    const huge = structuredClone(good);
    huge.entities[0]!.aliases = Array.from({ length: 301 }, (_, i) => ({ text: `Alias ${i}` }));
    expect(() => parseDataset(huge)).toThrow(/aliases/);
  });
});
