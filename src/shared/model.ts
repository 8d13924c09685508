/**
 * The dataset model as it ships in the extension, travels in feeds and is exported: zod schemas, the one
 * source of truth, with the TypeScript types inferred from them. The authoring schema (src/dataset/schema.ts)
 * builds on the same pieces, so a record that passes here passes the same rules as one written in data/.
 * Only the background and tools load this module at run time; other contexts import its types.
 */
import { z } from 'zod';
import { isRealPartialDate } from './dates';
import { ALIAS_RULES, DATE_TYPES, ENTITY_KINDS, RELATION_TYPES, RESPONSE_ACTIONS } from './vocabulary';

/** A calendar date with only the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD. */
export const partialDate = z.preprocess(
  // YAML reads a bare year (2013) as a number.
  (v) => (typeof v === 'number' ? String(v) : v),
  z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
    .refine(isRealPartialDate, 'not a real calendar date'),
);

/** A full calendar date, YYYY-MM-DD. */
export const fullDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(isRealPartialDate, 'not a real calendar date');

/** Sources and official links are https: a reader checking a fact must get the page the author read. */
export const httpsUrl = z.url({
  protocol: /^https$/,
  error: (issue) =>
    typeof issue.input === 'string' && issue.input.startsWith('http://')
      ? `sources and links must use https, not http (${issue.input}); use the https address of the same page`
      : 'expected an https URL',
});

export const entityId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are kebab-case ascii');

/** Every fact carries where it can be checked and when that source said so. */
export const sourced = {
  source: httpsUrl,
  asOf: fullDate,
};

export const entityKind = z.enum(ENTITY_KINDS);
export const aliasRule = z.enum(ALIAS_RULES);
export const relationType = z.enum(RELATION_TYPES);

export const alias = z
  .object({
    text: z.string().trim().min(2).max(200),
    lang: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/)
      .optional(),
    caseSensitive: z.boolean().optional(),
    demonym: z.boolean().optional(),
    rule: aliasRule.optional(),
    /**
     * Who uses this name (organisation ids): the vendors that name a threat actor so ("Fancy Bear" by
     * CrowdStrike). Shown on the card as "which name is which".
     */
    by: z.array(entityId).max(20).optional(),
    /**
     * `rule: in-context` only: the alias counts once one of these was mentioned earlier on the page: an entity
     * id, or `kind:<kind>` for any entity of that kind (`kind:threat-actor`).
     */
    context: z
      .array(z.union([entityId, z.string().regex(/^kind:[a-z-]+$/)]))
      .max(50)
      .optional(),
  })
  .strict()
  .refine((a) => (a.rule === 'in-context') === (a.context !== undefined && a.context.length > 0), {
    message: 'rule in-context needs a non-empty context list, and context is only for that rule',
  });
export type Alias = z.infer<typeof alias>;

export const keyDate = z.object({ type: z.enum(DATE_TYPES), date: partialDate, ...sourced }).strict();

/** The latest dated source that says a role or membership still held: its own date, and where it is. */
export const confirmation = z
  .object({
    /** The date the confirming source carries (published or "as of"), not the day it was read. */
    date: fullDate,
    source: httpsUrl,
  })
  .strict();

export const datasetVersion = z
  .string()
  .regex(/^\d{4}\.\d{1,2}\.\d{1,2}(\.\d+)?$/, 'dataset versions look like 2026.11.27.1');

/** Counts of members by category, as a source gives them. */
const memberCounts = z
  .object({
    label: z.string().max(200).optional(),
    counts: z.record(z.string().max(60), z.number().int().nonnegative()),
    total: z.number().int().nonnegative().optional(),
    ...sourced,
  })
  .strict();

/** A role held without an organisation or country to point at: a fact on the person, not a relation. */
const compiledRole = z
  .object({
    title: z.string().min(2).max(160),
    from: partialDate.optional(),
    to: partialDate.optional(),
    confirmed: confirmation.optional(),
    heldThrough: confirmation.optional(),
    ...sourced,
  })
  .strict();
export type CompiledRole = z.infer<typeof compiledRole>;

/** A membership list's claim, with the number of distinct members the dataset lists. */
const compiledList = z
  .object({
    types: z.array(relationType).min(1),
    members: z.enum(['states', 'all']),
    complete: z.boolean(),
    listed: z.number().int().nonnegative(),
    officialCount: z.number().int().nonnegative().optional(),
    ...sourced,
  })
  .strict();
export type CompiledList = z.infer<typeof compiledList>;

export const compiledEntity = z
  .object({
    id: entityId,
    kind: entityKind,
    type: z.string().max(40),
    name: z.string().min(1).max(200),
    /** Optional (absent = the name always counts, in any case). */
    nameRule: aliasRule.optional(),
    nameCaseSensitive: z.boolean().optional(),
    aliases: z.array(alias).max(300),
    summary: z.string().max(1000),
    official: httpsUrl.optional(),
    codes: z.record(z.string().max(40), z.string().max(40)).optional(),
    names: z.record(z.string().max(40), z.string().max(300)).optional(),
    ...sourced,
    dates: z.array(keyDate).max(50),
    counts: z.array(memberCounts).max(20).optional(),
    /** Membership lists of this entity and how complete each is. */
    lists: z.array(compiledList).max(20).optional(),
    /** People only, optional: roles with no `at` (roles with one are holds-role relations). */
    roles: z.array(compiledRole).max(100).optional(),
  })
  .strict();
export type Entity = z.infer<typeof compiledEntity>;

export const compiledRelation = z
  .object({
    id: z.string().max(400),
    subject: entityId,
    type: relationType,
    object: entityId,
    role: z.string().max(160).optional(),
    from: partialDate.optional(),
    /**
     * The source only shows the relation held BY `from` (a list published that day, a site that went online
     * later than the start): the real start may be earlier, so before `from` the relation is unknown, not absent.
     */
    startedBy: z.literal(true).optional(),
    to: partialDate.optional(),
    note: z.string().max(200).optional(),
    /** attributed-to: who made the attribution (states, agencies, companies). */
    by: z.array(entityId).max(40).optional(),
    /** responded-to: what the responder did. */
    action: z.enum(RESPONSE_ACTIONS).optional(),
    /** While current (no `to`): the latest dated source that says so. */
    confirmed: confirmation.optional(),
    /**
     * Known to hold on this date (the source that says so), and not claimed current: what came after is not
     * recorded (a data snapshot that ends there, news that stops). Instead of `to` or `confirmed`.
     */
    heldThrough: confirmation.optional(),
    ...sourced,
  })
  .strict();
export type Relation = z.infer<typeof compiledRelation>;

/** Caps on a dataset's size, far above the real one, so a feed cannot freeze every page with a huge index. */
const DATASET_LIMITS = { entities: 100_000, relations: 300_000, aliases: 300_000 } as const;

/**
 * What makes a dataset unusable as a whole, whichever way it arrived (bundled, feed snapshot, patched):
 * nothing in it, an id used twice, a relation pointing at an entity that is not there, or more than the caps.
 * Undefined when it is whole.
 */
export function datasetProblem(d: {
  entities: readonly { id: string; aliases: readonly unknown[] }[];
  relations: readonly { id: string; subject: string; object: string; by?: readonly string[] | undefined }[];
}): string | undefined {
  if (d.entities.length === 0) return 'no entities';
  if (d.entities.length > DATASET_LIMITS.entities) return `more than ${DATASET_LIMITS.entities} entities`;
  if (d.relations.length > DATASET_LIMITS.relations) return `more than ${DATASET_LIMITS.relations} relations`;
  let aliases = 0;
  const ids = new Set<string>();
  for (const e of d.entities) {
    if (ids.has(e.id)) return `entity id ${e.id} used twice`;
    ids.add(e.id);
    aliases += e.aliases.length;
  }
  if (aliases > DATASET_LIMITS.aliases) return `more than ${DATASET_LIMITS.aliases} aliases`;
  const relationIds = new Set<string>();
  for (const r of d.relations) {
    if (relationIds.has(r.id)) return `relation id ${r.id} used twice`;
    relationIds.add(r.id);
    for (const end of [r.subject, r.object, ...(r.by ?? [])]) {
      if (!ids.has(end)) return `relation ${r.id} points at ${end}, which is not in the dataset`;
    }
  }
  return undefined;
}

export const dataset = z
  .object({
    format: z.literal(1),
    version: datasetVersion,
    generatedAt: z.iso.datetime(),
    entities: z.array(compiledEntity),
    relations: z.array(compiledRelation),
  })
  .strict()
  .superRefine((d, ctx) => {
    const problem = datasetProblem(d);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
export type Dataset = z.infer<typeof dataset>;

/** Parse and validate untrusted JSON as a dataset; throws an Error saying what is wrong. */
export function parseDataset(json: unknown): Dataset {
  const result = dataset.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`invalid dataset: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'unknown error'}`);
  }
  return result.data;
}
