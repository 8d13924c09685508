/**
 * Reading and replacing the dataset. Every replacement is one transaction over entities, relations and meta:
 * readers see the old dataset or the new one, never a mix. Nothing here knows how an index is built or a
 * patch applied: callers (src/background/) bring those.
 */
import type { Dataset, Entity, Relation } from '../shared/model';
import type { AliasIndexWire } from '../shared/index-wire';
import {
  MAIN_INSTRUMENTS,
  lifespan,
  shortName,
  type CardData,
  type CardEntityRef,
  type CardRelation,
} from '../shared/card-data';
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
    const wholes = await partOfNames(db, others, all);
    const parts = await partsOf(
      db,
      all.filter(([r, outgoing]) => !outgoing && r.type === 'part-of').map(([r]) => r.subject),
    );
    const relations: CardRelation[] = [];
    all.forEach(([r, outgoing], i) => {
      const other = others[i];
      if (!other) return;
      const { start, end } = lifespan(other);
      const partOf = wholes.get(other.id);
      const ownParts = !outgoing && r.type === 'part-of' ? parts.get(other.id) : undefined;
      relations.push({
        ...r,
        otherId: other.id,
        otherName: other.name,
        otherShort: shortName(other),
        otherKind: other.kind,
        otherType: other.type,
        ...(start ? { otherStart: start } : {}),
        ...(end ? { otherEnd: end } : {}),
        ...(partOf ? { otherPartOf: partOf } : {}),
        ...(ownParts?.length ? { otherParts: ownParts } : {}),
        outgoing,
      });
    });
    relations.push(...ownRoles(entity));
    const card: CardData = {
      entity,
      relations,
      names: await namesOf(db, entity, relations),
      dataset: { version: meta.version, generatedAt: meta.generatedAt },
    };
    if (entity.kind === 'country') {
      const instruments = await db.entities.bulkGet([...MAIN_INSTRUMENTS]);
      card.instruments = instruments
        .filter((e): e is Entity => e !== undefined)
        .map((e) => ({ ...ref(e), ...(e.lists ? { lists: e.lists } : {}) }));
      card.agencies = (await agenciesByCountry(db, meta.version)).get(entity.id) ?? [];
    }
    return card;
  });
}

function ref(e: Entity): CardEntityRef {
  return { id: e.id, name: e.name, short: shortName(e), kind: e.kind, type: e.type, ...lifespan(e) };
}

/** Relations whose far end may be a unit of something (a GRU unit an attribution names). */
const UNIT_RELATIONS: ReadonlySet<string> = new Set([
  'attributed-to',
  'affiliated-with',
  'responded-to',
  'targeted',
]);

/** For organisations at the far end of an attribution or response: the whole each is part of. */
async function partOfNames(
  db: NormLensDB,
  others: (Entity | undefined)[],
  all: (readonly [Relation, boolean])[],
): Promise<Map<string, string>> {
  const ids = new Set<string>();
  all.forEach(([r], i) => {
    const other = others[i];
    if (other?.kind === 'organization' && UNIT_RELATIONS.has(r.type)) ids.add(other.id);
  });
  const out = new Map<string, string>();
  if (ids.size === 0) return out;
  const links = (
    await db.relations
      .where('subject')
      .anyOf([...ids])
      .toArray()
  ).filter((r) => r.type === 'part-of');
  const wholes = await db.entities.bulkGet(links.map((r) => r.object));
  links.forEach((r, i) => {
    const whole = wholes[i];
    if (whole && !out.has(r.subject)) out.set(r.subject, shortName(whole));
  });
  return out;
}

/** The parts of each given entity (a group's report), for a series' card. */
async function partsOf(db: NormLensDB, ids: string[]): Promise<Map<string, CardEntityRef[]>> {
  const out = new Map<string, CardEntityRef[]>();
  if (ids.length === 0) return out;
  const links = (await db.relations.where('object').anyOf(ids).toArray()).filter((r) => r.type === 'part-of');
  const subs = await db.entities.bulkGet(links.map((r) => r.subject));
  links.forEach((r, i) => {
    const sub = subs[i];
    if (!sub) return;
    const list = out.get(r.object) ?? [];
    list.push(ref(sub));
    out.set(r.object, list);
  });
  return out;
}

/** Names of who attributed (`by`) and who uses an alias (vendors), by short name. */
async function namesOf(
  db: NormLensDB,
  entity: Entity,
  relations: Relation[],
): Promise<Record<string, string>> {
  const ids = new Set<string>();
  for (const r of relations) for (const b of r.by ?? []) ids.add(b);
  for (const a of entity.aliases) for (const b of a.by ?? []) ids.add(b);
  const list = [...ids];
  const found = await db.entities.bulkGet(list);
  const names: Record<string, string> = {};
  found.forEach((e, i) => {
    if (e) names[list[i]!] = shortName(e);
  });
  return names;
}

/** Organisation types that are a state's own agencies. */
const AGENCY_TYPES: ReadonlySet<string> = new Set([
  'agency',
  'intelligence-service',
  'military',
  'law-enforcement',
]);

/** Words that make an agency part of a state's cyber apparatus (not its investment or health agencies). */
const CYBER = /cyber|secur|intelligen|signals|crime|defen[cs]e|military|CERT|CSIRT|diploma/i;

let agencyCache: { version: string; map: Map<string, CardEntityRef[]> } | undefined;

/**
 * Each state's agencies: organisations of an agency type whose summary's first sentence names the state
 * before any other (its name or an alias, never a demonym: "France's national cybersecurity authority", "US
 * federal agency"), and the units part of those. Computed once per dataset version.
 */
async function agenciesByCountry(db: NormLensDB, version: string): Promise<Map<string, CardEntityRef[]>> {
  if (agencyCache?.version === version) return agencyCache.map;
  const [countries, orgs, partOf] = await Promise.all([
    db.entities.where('kind').equals('country').toArray(),
    db.entities.where('kind').equals('organization').toArray(),
    db.relations.where('type').equals('part-of').toArray(),
  ]);
  const byName = new Map<string, string>();
  for (const c of countries) {
    for (const text of [c.name, ...c.aliases.filter((a) => !a.demonym && !a.lang).map((a) => a.text)]) {
      if (text.length >= 2 && !byName.has(text)) byName.set(text, c.id);
    }
  }
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${names.join('|')})(?![\\p{L}\\p{N}])`, 'u');
  const map = new Map<string, CardEntityRef[]>();
  const owner = new Map<string, string>();
  const add = (country: string, e: Entity): void => {
    const list = map.get(country) ?? [];
    list.push(ref(e));
    map.set(country, list);
    owner.set(e.id, country);
  };
  const wholeOf = new Map(partOf.map((r) => [r.subject, r.object]));
  const agencies = orgs.filter(
    (o) =>
      AGENCY_TYPES.has(o.type) &&
      CYBER.test(`${o.name} ${o.summary}`) &&
      !/listed as a supporter/i.test(o.summary),
  );
  // Units first take their whole's state (a GRU unit is Russia's even when its summary names the US first).
  for (const org of agencies) {
    if (wholeOf.has(org.id)) continue;
    const first = org.summary.split(/(?<=[.!?])\s+(?=[A-Z])/)[0] ?? '';
    const m = pattern.exec(first);
    const country = m ? byName.get(m[1]!) : undefined;
    if (country) add(country, org);
  }
  for (const unit of agencies) {
    const whole = wholeOf.get(unit.id);
    const country = whole ? owner.get(whole) : undefined;
    if (country) add(country, unit);
  }
  agencyCache = { version, map };
  return map;
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
    otherShort: shortName(entity),
    otherKind: entity.kind,
    otherType: entity.type,
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
