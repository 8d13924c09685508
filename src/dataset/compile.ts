/**
 * The dataset compiler: validated source entities and relations in, one checked, versioned dataset out.
 * Pure (no file system); scripts/dataset.ts and the build feed it. Every rule that must fail CI lives here.
 */
import {
  MEMBERSHIP_TYPES,
  type CompiledRole,
  type Dataset,
  type Entity,
  type Relation,
  type SourceEntity,
  type countsFile,
  type sourceRelation,
} from './schema';
import type { z } from 'zod';
import { fold } from '../text/fold';
import { nameAsAlias } from './name-alias';

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

/** a < b for dates of any precision, compared on the precision both have. */
export function isBefore(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
}

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
    for (const d of e.dates) checkAsOf(file, `${e.id} date ${d.type}`, d.asOf);
    for (const r of roles) {
      checkAsOf(file, `${e.id} role "${r.title}"`, r.asOf);
      if (r.at === undefined) {
        // Nothing to point at: the role stays a fact on the person (a relation to itself would show the
        // person as their own employer).
        const { at: _, ...fact } = r;
        entity.roles = [...(entity.roles ?? []), withoutUndefined(fact) as CompiledRole];
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
          source: r.source,
          asOf: r.asOf,
        }),
      );
    }
    for (const r of inline) {
      checkAsOf(file, `relation ${r.type}`, r.asOf);
      relations.push(
        withoutUndefined({ id: '', ...r, subject: r.subject ?? e.id, object: r.object ?? e.id }),
      );
      where.set(`relation:${relations.length - 1}`, file);
    }
  }
  for (const { file, value } of input.relations) {
    checkAsOf(file, `relation ${value.subject} ${value.type} ${value.object}`, value.asOf);
    relations.push(withoutUndefined({ id: '', ...value }));
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

  // The same relation may be stated from both ends (an organisation runs an initiative, written in either
  // file): keep the first statement.
  const seenRelation = new Set<string>();
  const unique: Relation[] = [];
  relations.forEach((r, i) => {
    const file = where.get(`relation:${i}`) ?? where.get(r.subject) ?? 'relations';
    r.id = `${r.subject}|${r.type}|${r.object}|${r.role ?? ''}|${r.from ?? ''}`;
    if (seenRelation.has(r.id)) return;
    seenRelation.add(r.id);
    unique.push(r);
    for (const end of [r.subject, r.object]) {
      if (!byId.has(end)) errors.push(`${file}: relation ${r.type} refers to unknown entity "${end}"`);
    }
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

/**
 * An alias two entities claim is an error unless a rule tells them apart: at most one claimant may use it
 * without a rule. Case-sensitive aliases are distinct from case-insensitive ones of other spelling.
 */
export function aliasConflicts(entities: readonly Entity[], where: Map<string, string>): string[] {
  const claims = new Map<string, Set<string>>();
  for (const e of entities) {
    for (const a of [nameAsAlias(e), ...e.aliases]) {
      if (a.rule) continue;
      const key = a.caseSensitive ? `=${a.text}` : fold(a.text);
      const set = claims.get(key) ?? new Set<string>();
      set.add(e.id);
      claims.set(key, set);
    }
  }
  const errors: string[] = [];
  for (const [key, ids] of claims) {
    if (ids.size < 2) continue;
    const list = [...ids];
    errors.push(
      `${where.get(list[0]!) ?? list[0]}: alias "${key.replace(/^=/, '')}" is claimed by ${list.join(', ')} without a rule that tells them apart`,
    );
  }
  return errors;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
