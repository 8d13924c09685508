/**
 * The dataset compiler: validated source entities and relations in, one checked, versioned dataset out.
 * Pure (no file system); scripts/dataset.ts and the build feed it. Every rule that must fail CI lives here.
 */
import { ENTITY_KINDS, MEMBERSHIP_TYPES, type EntityKind, type RelationType } from '../shared/vocabulary';
import {
  type CompiledList,
  type CompiledRole,
  type Dataset,
  type Entity,
  type Relation,
} from '../shared/model';
import { type SourceEntity, type countsFile, type listClaim, type sourceRelation } from './schema';
import type { z } from 'zod';
import { fold } from '../text/fold';
import { isBefore } from '../shared/dates';
import { nameAsAlias } from '../shared/name-alias';

export interface Located<T> {
  file: string;
  value: T;
}

export interface CompileInput {
  version: string;
  generatedAt: string;
  entities: Located<SourceEntity>[];
  relations: Located<z.infer<typeof sourceRelation>>[];
  counts: Located<z.infer<typeof countsFile>>[];
  /** Membership lists' claims (from the `list:` head of relations files). */
  lists?: Located<z.infer<typeof listClaim>>[];
}

export interface CompileResult {
  dataset: Dataset;
  errors: string[];
}

/** Dates an initiative can be said to exist from. */
const EXISTENCE_DATES = new Set([
  'launched',
  'adopted',
  'opened-for-signature',
  'signed',
  'founded',
  'started',
  'published',
]);

/**
 * Which kinds each relation type may join (subject, object). Types not listed join any kinds. A relation
 * outside these is a typo or a modelling error (a country attributed to an incident).
 */
const RELATION_ENDS: Partial<Record<RelationType, [readonly EntityKind[], readonly EntityKind[]]>> = {
  'attributed-to': [
    ['incident', 'threat-actor'],
    ['threat-actor', 'country', 'organization', 'person'],
  ],
  'responded-to': [
    ['country', 'organization'],
    ['incident', 'threat-actor', 'person', 'organization'],
  ],
  targeted: [
    ['incident', 'threat-actor'],
    ['country', 'organization', 'person', 'initiative'],
  ],
  'affiliated-with': [
    ['threat-actor', 'person', 'organization'],
    ['organization', 'threat-actor', 'country'],
  ],
  'holds-role': [['person'], ['organization', 'country', 'initiative']],
  runs: [
    ['organization', 'country', 'person'],
    ['initiative', 'organization'],
  ],
};

export function compile(input: CompileInput): CompileResult {
  const errors: string[] = [];
  const entities: Entity[] = [];
  const relations: Relation[] = [];
  const where = new Map<string, string>();
  // An as-of date says when a source was checked: it cannot be later than the day the dataset is generated.
  const today = input.generatedAt.slice(0, 10);
  const checkAsOf = (file: string, what: string, asOf: string): void => {
    if (asOf > today) errors.push(`${file}: ${what}: asOf ${asOf} is in the future (generated ${today})`);
  };

  for (const { file, value: e } of input.entities) {
    const previous = where.get(e.id);
    if (previous) {
      errors.push(`${file}: duplicate id "${e.id}" (also in ${previous})`);
      continue;
    }
    where.set(e.id, file);
    const { roles, relations: inline, ...rest } = e;
    const entity = withoutUndefined({ ...rest }) as Entity;
    entities.push(entity);
    checkAsOf(file, e.id, e.asOf);
    for (const d of e.dates) {
      checkAsOf(file, `${e.id} date ${d.type}`, d.asOf);
      // A source read on asOf cannot have stated something that happened later.
      if (d.type !== 'born' && isBefore(d.asOf, d.date))
        errors.push(
          `${file}: ${e.id} date ${d.type} ${d.date}: asOf ${d.asOf} is before the fact it confirms`,
        );
    }
    for (const r of roles) {
      checkAsOf(file, `${e.id} role "${r.title}"`, r.asOf);
      errors.push(...periodErrors(file, `${e.id} role "${r.title}"`, r, today));
      if (r.at === undefined) {
        // Nothing to point at: the role stays a fact on the person (a relation to itself would show the
        // person as their own employer).
        const { at: _, ...fact } = r;
        entity.roles = [
          ...(entity.roles ?? []),
          withoutUndefined({ ...fact, heldThrough: heldThroughOf(r) }) as CompiledRole,
        ];
        continue;
      }
      relations.push(
        withoutUndefined({
          id: '',
          subject: e.id,
          type: 'holds-role' as const,
          object: r.at,
          role: r.title,
          from: r.from,
          to: r.to,
          confirmed: r.confirmed,
          heldThrough: heldThroughOf(r),
          source: r.source,
          asOf: r.asOf,
        }),
      );
    }
    for (const r of inline) {
      checkAsOf(file, `relation ${r.type}`, r.asOf);
      errors.push(...periodErrors(file, `${e.id} relation ${r.type}`, r, today));
      relations.push(
        withoutUndefined({
          id: '',
          ...r,
          subject: r.subject ?? e.id,
          object: r.object ?? e.id,
          heldThrough: heldThroughOf(r),
        }),
      );
      where.set(`relation:${relations.length - 1}`, file);
    }
  }
  for (const { file, value } of input.relations) {
    checkAsOf(file, `relation ${value.subject} ${value.type} ${value.object}`, value.asOf);
    errors.push(
      ...periodErrors(file, `relation ${value.subject} ${value.type} ${value.object}`, value, today),
    );
    relations.push(withoutUndefined({ id: '', ...value, heldThrough: heldThroughOf(value) }));
    where.set(`relation:${relations.length - 1}`, file);
  }

  const byId = new Map(entities.map((e) => [e.id, e]));

  for (const { file, value } of input.counts) {
    const entity = byId.get(value.initiative);
    if (!entity) {
      errors.push(`${file}: counts for unknown entity "${value.initiative}"`);
      continue;
    }
    checkAsOf(file, `counts for ${value.initiative}`, value.asOf);
    const { initiative: _, ...counts } = value;
    entity.counts = [...(entity.counts ?? []), counts];
  }

  // A relation stated twice (from both ends, or twice in a list) is an error: the copies drift apart.
  const seenRelation = new Map<string, string>();
  // The same relation with other dates must be another period of it, not an overlapping restatement.
  const periods = new Map<string, { r: Relation; file: string }[]>();
  const unique: Relation[] = [];
  relations.forEach((r, i) => {
    const file = where.get(`relation:${i}`) ?? where.get(r.subject) ?? 'relations';
    r.id = relationId(r);
    const first = seenRelation.get(r.id);
    if (first !== undefined) {
      errors.push(`${file}: relation ${r.id} is stated twice (also in ${first})`);
      return;
    }
    seenRelation.set(r.id, file);
    unique.push(r);
    for (const end of [r.subject, r.object, ...(r.by ?? [])]) {
      if (!byId.has(end)) errors.push(`${file}: relation ${r.type} refers to unknown entity "${end}"`);
    }
    errors.push(...relationShapeErrors(file, r, byId));
    const key = relationId({ ...r, from: undefined });
    for (const other of periods.get(key) ?? []) {
      if (overlaps(r, other.r))
        errors.push(
          `${file}: relation ${r.id} overlaps ${other.r.id} (in ${other.file}): one fact stated twice`,
        );
    }
    periods.set(key, [...(periods.get(key) ?? []), { r, file }]);
    if (r.from && r.to && isBefore(r.to, r.from))
      errors.push(`${file}: relation ${r.id} ends before it starts`);
    if ((MEMBERSHIP_TYPES as readonly string[]).includes(r.type) && r.from) {
      const initiative = byId.get(r.object);
      const born = initiative?.dates
        .filter((d) => EXISTENCE_DATES.has(d.type))
        .map((d) => d.date)
        .sort()[0];
      if (born && isBefore(r.from, born)) {
        errors.push(
          `${file}: ${r.subject} ${r.type} ${r.object} from ${r.from}, before it existed (${born})`,
        );
      }
    }
  });

  errors.push(...aliasConflicts(entities, where));
  errors.push(...aliasReferenceErrors(entities, byId, where));
  errors.push(...attachLists(input.lists ?? [], unique, byId, checkAsOf));

  return {
    dataset: {
      format: 1,
      version: input.version,
      generatedAt: input.generatedAt,
      entities: entities.sort((a, b) => a.id.localeCompare(b.id)),
      relations: unique.sort((a, b) => a.id.localeCompare(b.id)),
    },
    errors,
  };
}

/** The stable id of a relation: what it joins, how, and the facts that make two statements different. */
function relationId(r: Omit<Relation, 'id'>): string {
  let id = `${r.subject}|${r.type}|${r.object}|${r.role ?? ''}|${r.from ?? ''}`;
  if (r.by?.length) id += `|by:${[...r.by].sort().join(',')}`;
  if (r.action) id += `|${r.action}`;
  return id;
}

/** Do two periods share a day? A missing start is "always before", a missing end "still going". */
function overlaps(a: { from?: string; to?: string }, b: { from?: string; to?: string }): boolean {
  const startsBeforeEnd = (x: { from?: string }, y: { to?: string }): boolean =>
    !x.from || !y.to || !isBefore(y.to, x.from);
  return startsBeforeEnd(a, b) && startsBeforeEnd(b, a);
}

interface Period {
  from?: string | undefined;
  to?: string | undefined;
  asOf: string;
  source: string;
  confirmed?: { date: string; source: string } | undefined;
  heldThrough?: string | { date: string; source: string } | undefined;
}

/** A last sighting as the model keeps it: with its source (the fact's own, when the author gave a date only). */
function heldThroughOf(p: Period): { date: string; source: string } | undefined {
  const h = p.heldThrough;
  if (h === undefined) return undefined;
  return typeof h === 'string' ? { date: h, source: p.source } : h;
}

/** A role's or relation's dates against each other and against when its sources were read. */
function periodErrors(file: string, what: string, p: Period, today: string): string[] {
  const errors: string[] = [];
  if (p.from && p.to && isBefore(p.to, p.from)) errors.push(`${file}: ${what} ends before it starts`);
  if (p.from && isBefore(p.asOf, p.from))
    errors.push(`${file}: ${what} from ${p.from}: asOf ${p.asOf} is before the fact it confirms`);
  const held = heldThroughOf(p)?.date;
  if (held) {
    if (p.to || p.confirmed)
      errors.push(`${file}: ${what}: heldThrough is for a role neither ended (to) nor confirmed current`);
    if (held > today)
      errors.push(`${file}: ${what}: heldThrough ${held} is in the future (generated ${today})`);
    if (p.from && isBefore(held, p.from))
      errors.push(`${file}: ${what}: heldThrough ${held} is before it started (${p.from})`);
  }
  if (p.confirmed) {
    if (p.to)
      errors.push(`${file}: ${what} has ended (to ${p.to}): "confirmed" is only for what is still held`);
    if (p.confirmed.date > today)
      errors.push(`${file}: ${what}: confirmed ${p.confirmed.date} is in the future (generated ${today})`);
    if (p.from && isBefore(p.confirmed.date, p.from))
      errors.push(`${file}: ${what}: confirmed ${p.confirmed.date} is before it started (${p.from})`);
  }
  return errors;
}

/** The kinds a relation joins, and the fields its type needs. */
function relationShapeErrors(file: string, r: Relation, byId: ReadonlyMap<string, Entity>): string[] {
  const errors: string[] = [];
  const ends = RELATION_ENDS[r.type];
  const subject = byId.get(r.subject);
  const object = byId.get(r.object);
  if (ends && subject && !ends[0].includes(subject.kind))
    errors.push(
      `${file}: ${r.type}: subject ${r.subject} is a ${subject.kind}, not one of ${ends[0].join(', ')}`,
    );
  if (ends && object && !ends[1].includes(object.kind))
    errors.push(
      `${file}: ${r.type}: object ${r.object} is a ${object.kind}, not one of ${ends[1].join(', ')}`,
    );
  if (r.type === 'attributed-to' && !r.by?.length)
    errors.push(`${file}: attributed-to ${r.subject} -> ${r.object}: "by" must say who made the attribution`);
  if (r.type !== 'attributed-to' && r.by)
    errors.push(`${file}: ${r.type}: "by" is only for attributed-to relations`);
  if (r.type === 'responded-to' && !r.action)
    errors.push(`${file}: responded-to ${r.subject} -> ${r.object}: "action" must say what was done`);
  if (r.type !== 'responded-to' && r.action)
    errors.push(`${file}: ${r.type}: "action" is only for responded-to relations`);
  if (r.subject === r.object) errors.push(`${file}: ${r.type}: ${r.subject} is related to itself`);
  return errors;
}

/** How strongly a claimant's rule picks it out once it holds; the annotator prefers the higher class. */
function ruleClass(rule: string | undefined): number {
  if (rule === 'after-full-name' || rule === 'in-context') return 2;
  if (rule === undefined) return 1;
  return 0; // capitalised, capitalised-not-sentence-start (never-alone never counts)
}

/**
 * An alias two entities claim is an error unless a rule tells them apart. The annotator ranks claimants
 * whose rule picks them out from what the page said before (after the full name; in context) above those
 * without a rule, and those above the ones whose rule is only about letter case, so two claimants of the
 * same class are a conflict. Two after-full-name claimants are told apart by which full name came last; two
 * in-context claimants by disjoint context lists. Case-sensitive and case-insensitive spellings that fold
 * alike are the same alias.
 */
export function aliasConflicts(entities: readonly Entity[], where: Map<string, string>): string[] {
  interface Claim {
    id: string;
    rule: string | undefined;
    context: readonly string[];
    caseSensitive: boolean;
    text: string;
  }
  const claims = new Map<string, Claim[]>();
  for (const e of entities) {
    for (const a of [nameAsAlias(e), ...e.aliases]) {
      if (a.rule === 'never-alone') continue;
      const key = fold(a.text);
      const list = claims.get(key) ?? [];
      if (list.some((c) => c.id === e.id)) continue;
      list.push({
        id: e.id,
        rule: a.rule,
        context: (a as { context?: readonly string[] }).context ?? [],
        caseSensitive: a.caseSensitive === true,
        text: a.text,
      });
      claims.set(key, list);
    }
  }
  const errors: string[] = [];
  for (const [key, list] of claims) {
    if (list.length < 2) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        // Two case-sensitive spellings that differ in case never meet ("US" and "Us").
        if (a.caseSensitive && b.caseSensitive && a.text !== b.text) continue;
        const ca = ruleClass(a.rule);
        const cb = ruleClass(b.rule);
        if (ca !== cb) continue;
        // Two rules that look back at different evidence (the full name, a context) pick one claimant each;
        // where both hold, the full name named last wins (see pickAlias).
        if (a.rule === 'after-full-name' || b.rule === 'after-full-name') continue;
        if (
          a.rule === 'in-context' &&
          b.rule === 'in-context' &&
          !a.context.some((c) => b.context.includes(c))
        )
          continue;
        errors.push(
          `${where.get(a.id) ?? a.id}: alias "${key}" is claimed by ${a.id} and ${b.id} without a rule that tells them apart`,
        );
      }
    }
  }
  return errors;
}

/** Ids an alias names (its users, its context) must exist; users must be organisations or states. */
function aliasReferenceErrors(
  entities: readonly Entity[],
  byId: ReadonlyMap<string, Entity>,
  where: Map<string, string>,
): string[] {
  const errors: string[] = [];
  for (const e of entities) {
    for (const a of e.aliases) {
      for (const id of a.by ?? []) {
        const user = byId.get(id);
        if (!user) errors.push(`${where.get(e.id)}: alias "${a.text}": "by" names unknown entity "${id}"`);
        else if (user.kind !== 'organization' && user.kind !== 'country')
          errors.push(`${where.get(e.id)}: alias "${a.text}": "by" names ${id}, a ${user.kind}`);
      }
      for (const id of a.context ?? []) {
        if (id.startsWith('kind:')) {
          if (!(ENTITY_KINDS as readonly string[]).includes(id.slice(5)))
            errors.push(
              `${where.get(e.id)}: alias "${a.text}": "context" names unknown kind "${id.slice(5)}"`,
            );
          continue;
        }
        if (!byId.has(id))
          errors.push(`${where.get(e.id)}: alias "${a.text}": "context" names unknown entity "${id}"`);
      }
    }
  }
  return errors;
}

/** A state as official counts of members count them: not a bloc such as the EU. */
function isState(entity: Entity | undefined): boolean {
  return entity?.kind === 'country' && entity.type !== 'bloc';
}

/**
 * Each membership list's claim, counted: how many distinct members the dataset lists for it. A list that
 * says it is complete must list exactly the official count.
 */
function attachLists(
  lists: readonly Located<z.infer<typeof listClaim>>[],
  relations: readonly Relation[],
  byId: ReadonlyMap<string, Entity>,
  checkAsOf: (file: string, what: string, asOf: string) => void,
): string[] {
  const errors: string[] = [];
  for (const { file, value } of lists) {
    const entity = byId.get(value.object);
    if (!entity) {
      errors.push(`${file}: list of unknown entity "${value.object}"`);
      continue;
    }
    checkAsOf(file, `list of ${value.object}`, value.asOf);
    const members = new Set(
      relations
        .filter((r) => r.object === value.object && (value.types as string[]).includes(r.type) && !r.to)
        .filter((r) => value.members === 'all' || isState(byId.get(r.subject)))
        .map((r) => r.subject),
    );
    const list: CompiledList = {
      types: value.types,
      members: value.members,
      complete: value.complete,
      listed: members.size,
      source: value.source,
      asOf: value.asOf,
      ...(value.officialCount !== undefined ? { officialCount: value.officialCount } : {}),
    };
    if (value.complete && value.officialCount !== undefined && members.size !== value.officialCount)
      errors.push(
        `${file}: the list of ${value.object} says it is complete, but lists ${members.size} of the official ${value.officialCount}`,
      );
    if (!value.complete && value.officialCount !== undefined && members.size >= value.officialCount)
      errors.push(
        `${file}: the list of ${value.object} lists ${members.size} of ${value.officialCount}: mark it complete`,
      );
    entity.lists = [...(entity.lists ?? []), list];
  }
  return errors;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
