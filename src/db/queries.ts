/** Read-side queries shared by the background and extension pages. */
import type { Entity, Relation } from '../shared/model';
import type { EntityKind } from '../shared/vocabulary';
import type { MetaRow, NormLensDB } from './database';
import { buildCharTable } from '../annotate/char-table';
import type { AliasIndexWire } from '../annotate/alias-index';

/** A relation as a card shows it: the other end's name and kind resolved. */
export interface CardRelation extends Relation {
  otherId: string;
  otherName: string;
  otherKind: EntityKind;
  /** True when the card's entity is the relation's subject. */
  outgoing: boolean;
}

export interface CardData {
  entity: Entity;
  relations: CardRelation[];
  dataset: { version: string; generatedAt: string };
}

export async function getAliasIndex(db: NormLensDB): Promise<AliasIndexWire | undefined> {
  const row = (await db.meta.get('aliasIndex')) as MetaRow<'aliasIndex'> | undefined;
  // An index stored by an older version of NormLens lacks the character table: add it.
  if (row && !row.value.chars) row.value.chars = buildCharTable();
  return row?.value;
}

export async function getCardData(db: NormLensDB, id: string): Promise<CardData | undefined> {
  return db.transaction('r', db.entities, db.relations, db.meta, async () => {
    const entity = await db.entities.get(id);
    const meta = (await db.meta.get('dataset')) as MetaRow<'dataset'> | undefined;
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
    return {
      entity,
      relations,
      dataset: { version: meta.value.version, generatedAt: meta.value.generatedAt },
    };
  });
}

/**
 * A person's roles held at no entity in the dataset (e.g. "Chief Minister of Gujarat") as card rows: the
 * card shows a role whose far end is the person themself as the bare title, dated and sourced like any other.
 */
export function ownRoles(entity: Entity): CardRelation[] {
  return (entity.roles ?? []).map((role, i) => ({
    id: `${entity.id}:own-role:${i}`,
    subject: entity.id,
    type: 'holds-role',
    object: entity.id,
    role: role.title,
    ...(role.from ? { from: role.from } : {}),
    ...(role.to ? { to: role.to } : {}),
    source: role.source,
    asOf: role.asOf,
    otherId: entity.id,
    otherName: entity.name,
    otherKind: entity.kind,
    outgoing: true,
  }));
}

export async function getAllEntities(db: NormLensDB): Promise<Entity[]> {
  return db.entities.toArray();
}
