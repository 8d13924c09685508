/**
 * Reading and replacing the dataset. Every replacement is one transaction over entities, relations and meta:
 * readers see the old dataset or the new one, never a mix. Nothing here knows how an index is built or a
 * patch applied: callers (src/background/) bring those.
 */
import type { Dataset, Entity } from '../shared/model';
import type { AliasIndexWire } from '../shared/index-wire';
import type { CardData, CardRelation } from '../shared/card-data';
import type { SearchEntity } from '../shared/protocol';
import type { MetaRow, MetaRows, NormLensDB } from './database';

export async function installedDataset(db: NormLensDB): Promise<MetaRows['dataset'] | undefined> {
  const row = (await db.meta.get('dataset')) as MetaRow<'dataset'> | undefined;
  return row?.value;
}

export async function getAliasIndex(db: NormLensDB): Promise<AliasIndexWire | undefined> {
  const row = (await db.meta.get('aliasIndex')) as MetaRow<'aliasIndex'> | undefined;
  return row?.value;
}

/** The installed dataset as a whole (the base a patch applies to). */
export async function readDataset(db: NormLensDB): Promise<Dataset | undefined> {
  const meta = await installedDataset(db);
  if (!meta) return undefined;
  return {
    format: 1,
    version: meta.version,
    generatedAt: meta.generatedAt,
    entities: await db.entities.toArray(),
    relations: await db.relations.toArray(),
  };
}

/**
 * Swap the whole dataset (entities, relations, version row and alias index). Call inside a rw transaction
 * over entities, relations and meta, so the swap is one atomic step.
 */
export async function replaceDataset(
  db: NormLensDB,
  incoming: Dataset,
  index: AliasIndexWire,
  now: Date,
): Promise<void> {
  await db.entities.clear();
  await db.relations.clear();
  await db.entities.bulkPut(incoming.entities);
  await db.relations.bulkPut(incoming.relations);
  await db.meta.bulkPut([
    {
      key: 'dataset',
      value: { version: incoming.version, generatedAt: incoming.generatedAt, installedAt: now.toISOString() },
    },
    { key: 'aliasIndex', value: index },
  ]);
}

export async function getCardData(db: NormLensDB, id: string): Promise<CardData | undefined> {
  return db.transaction('r', db.entities, db.relations, db.meta, async () => {
    const entity = await db.entities.get(id);
    const meta = await installedDataset(db);
    if (!entity || !meta) return undefined;
    const [out, inc] = await Promise.all([
      db.relations.where('subject').equals(id).toArray(),
      db.relations.where('object').equals(id).toArray(),
    ]);
    const all = [
      ...out.map((r) => [r, true] as const),
      ...inc.filter((r) => r.subject !== id).map((r) => [r, false] as const),
    ];
    const others = await db.entities.bulkGet(all.map(([r, outgoing]) => (outgoing ? r.object : r.subject)));
    const relations: CardRelation[] = [];
    all.forEach(([r, outgoing], i) => {
      const other = others[i];
      if (!other) return;
      relations.push({ ...r, otherId: other.id, otherName: other.name, otherKind: other.kind, outgoing });
    });
    relations.push(...ownRoles(entity));
    return { entity, relations, dataset: { version: meta.version, generatedAt: meta.generatedAt } };
  });
}

/**
 * A person's roles held at no entity in the dataset (e.g. "Chief Minister of Gujarat") as card rows: the
 * card shows a role whose far end is the person themself as the bare title, dated and sourced like any other.
 */
function ownRoles(entity: Entity): CardRelation[] {
  return (entity.roles ?? []).map((role, i) => ({
    id: `${entity.id}:own-role:${i}`,
    subject: entity.id,
    type: 'holds-role',
    object: entity.id,
    role: role.title,
    ...(role.from ? { from: role.from } : {}),
    ...(role.to ? { to: role.to } : {}),
    ...(role.confirmed ? { confirmed: role.confirmed } : {}),
    ...(role.heldThrough ? { heldThrough: role.heldThrough } : {}),
    source: role.source,
    asOf: role.asOf,
    otherId: entity.id,
    otherName: entity.name,
    otherKind: entity.kind,
    outgoing: true,
  }));
}

/** Every entity as the popup's search needs it. */
export async function searchEntities(db: NormLensDB): Promise<SearchEntity[]> {
  const entities = await db.entities.toArray();
  return entities.map((e) => ({
    id: e.id,
    name: e.name,
    kind: e.kind,
    type: e.type,
    aliases: e.aliases.map((a) => (a.lang ? { text: a.text, lang: a.lang } : { text: a.text })),
  }));
}
