/**
 * The dataset's shape, in one place: the source files under data/ (authored YAML) and the compiled dataset
 * that ships in the extension and travels in feeds. zod schemas are the single source of truth; the
 * TypeScript types are inferred from them.
 */
import { z } from 'zod';
import { ALIAS_RULES, ENTITY_KINDS, type EntityKind } from './kinds';
import { isRealPartialDate } from './dates';

export { ALIAS_RULES, ENTITY_KINDS, type AliasRule, type EntityKind } from './kinds';
export { EARLIEST_YEAR, LATEST_YEAR, isRealPartialDate } from './dates';

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
const httpsUrl = z.url({
  protocol: /^https$/,
  error: (issue) =>
    typeof issue.input === 'string' && issue.input.startsWith('http://')
      ? `sources and links must use https, not http (${issue.input}); use the https address of the same page`
      : 'expected an https URL',
});

/** Every fact carries where it can be checked and when that source said so. */
const sourced = {
  source: httpsUrl,
  asOf: fullDate,
};

export const entityKind = z.enum(ENTITY_KINDS);

export const ENTITY_TYPES = {
  initiative: [
    'declaration',
    'treaty',
    'protocol',
    'un-process',
    'report',
    'norms',
    'multistakeholder',
    'national-strategy',
    'coalition',
    'forum',
    'manual',
    'framework',
    'legislation',
    /** A law of the EU that applies directly (the Cyber Resilience Act). */
    'regulation',
    /** A law of the EU that states write into their own law (NIS2). */
    'directive',
    /** A bill before a legislature, not (yet) law. */
    'bill',
    /** A process in several parts over the years (the GGEs as one series). */
    'process',
    /** A summit, conference or recurring meeting. */
    'meeting',
    'programme',
    'sanctions-regime',
    /** A resolution of the UN General Assembly or another body (A/RES/75/240). */
    'resolution',
    /** A list kept by a government (the US Entity List). */
    'list',
  ],
  organization: [
    'agency',
    'company',
    'think-tank',
    'ngo',
    'international-body',
    'industry-body',
    'academic',
    'ministry',
    'government-body',
    'legislature',
    'committee',
    'intelligence-service',
    'military',
    'law-enforcement',
    'court',
    'political-party',
  ],
  country: ['state', 'observer-state', 'bloc'],
  person: ['person'],
  'threat-actor': [
    /** Tied by governments or researchers to a state or one of its agencies. */
    'state-linked',
    'criminal',
    'ransomware',
    'hacktivist',
    /** A front or persona used to publish or claim (Guccifer 2.0, DCLeaks). */
    'persona',
    /** Tracked by researchers, not tied to a state or a criminal trade in the sources read. */
    'unattributed',
  ],
  incident: [
    'intrusion',
    'attack',
    'ransomware',
    'leak',
    'campaign',
    'supply-chain',
    'espionage',
    'influence-operation',
    /** A takedown, arrest or seizure by law enforcement (Operation Cronos). */
    'law-enforcement',
  ],
} as const satisfies Record<EntityKind, readonly string[]>;

export const aliasRule = z.enum(ALIAS_RULES);

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
    by: z.array(z.string()).optional(),
    /**
     * `rule: in-context` only: the alias counts once one of these was mentioned earlier on the page: an entity
     * id, or `kind:<kind>` for any entity of that kind (`kind:threat-actor`).
     */
    context: z.array(z.string()).optional(),
  })
  .strict()
  .refine((a) => (a.rule === 'in-context') === (a.context !== undefined && a.context.length > 0), {
    message: 'rule in-context needs a non-empty context list, and context is only for that rule',
  });
export type Alias = z.infer<typeof alias>;

export const DATE_TYPES = [
  'launched',
  'adopted',
  'signed',
  'opened-for-signature',
  'entered-into-force',
  'founded',
  'started',
  'ended',
  'published',
  'born',
  'un-admission',
  /** Threat actors: first and last activity the source reports. */
  'first-seen',
  'last-seen',
  /** Incidents: when the incident was made public. */
  'disclosed',
  'died',
] as const;

export const keyDate = z.object({ type: z.enum(DATE_TYPES), date: partialDate, ...sourced }).strict();
export type KeyDate = z.infer<typeof keyDate>;

export const MEMBERSHIP_TYPES = ['supports', 'signed', 'ratified', 'party', 'member', 'withdrew'] as const;
/** Attribution and response: who did it, to whom, who said so, what was done about it. */
export const ATTRIBUTION_TYPES = ['attributed-to', 'responded-to', 'targeted'] as const;
export const RELATION_TYPES = [
  ...MEMBERSHIP_TYPES,
  'runs',
  'hosts',
  'holds-role',
  ...ATTRIBUTION_TYPES,
  /** A part of a larger whole: one GGE of the series, one operation of a campaign, a unit of an agency. */
  'part-of',
  /** A threat actor and the agency, unit or company it is tied to; a person and a threat actor. */
  'affiliated-with',
] as const;
export const relationType = z.enum(RELATION_TYPES);
export type RelationType = z.infer<typeof relationType>;

/** What a `responded-to` relation records the responder doing. */
export const RESPONSE_ACTIONS = [
  'sanctions',
  'indictment',
  'arrest',
  'expulsion',
  'takedown',
  'advisory',
  'statement',
  'reward',
] as const;

/**
 * Relations that describe a state of affairs that can end without a dated act the dataset would record (a
 * role, a membership of a group, an affiliation): while current, each needs a recent dated confirmation.
 * Treaty acts (signed, ratified, party) and endorsements (supports) are dated acts that end only by another
 * recorded act (withdrew).
 */
export const CURRENT_STATE_TYPES = ['holds-role', 'member', 'affiliated-with'] as const;

/** The latest dated source that says a role or membership still held: its own date, and where it is. */
export const confirmation = z
  .object({
    /** The date the confirming source carries (published or "as of"), not the day it was read. */
    date: fullDate,
    source: httpsUrl,
  })
  .strict();
export type Confirmation = z.infer<typeof confirmation>;

const entityId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are kebab-case ascii');

const relationFields = {
  type: relationType,
  from: partialDate.optional(),
  /**
   * The source only shows the relation held BY `from` (a list published that day, a site that went online
   * later than the start): the real start may be earlier, so before `from` the relation is unknown, not absent.
   */
  startedBy: z.literal(true).optional(),
  to: partialDate.optional(),
  note: z.string().max(200).optional(),
  /** attributed-to: who made the attribution (states, agencies, companies). */
  by: z.array(entityId).optional(),
  /** responded-to: what the responder did. */
  action: z.enum(RESPONSE_ACTIONS).optional(),
  /** While current (no `to`): the latest dated source that says so. */
  confirmed: confirmation.optional(),
  /**
   * Known to hold on this date, and not claimed current: what came after is not recorded (a data snapshot
   * that ends there). Instead of `to` or `confirmed`, never with them.
   */
  heldThrough: fullDate.optional(),
  ...sourced,
};

/** A relation written in a relations file: both ends explicit. */
export const sourceRelation = z
  .object({ subject: entityId, object: entityId, role: z.string().optional(), ...relationFields })
  .strict();

/** A relation written inside an entity file: the entity is the missing end. */
export const inlineRelation = z
  .object({ subject: entityId.optional(), object: entityId.optional(), ...relationFields })
  .strict()
  .refine((r) => (r.subject === undefined) !== (r.object === undefined), {
    message: 'give exactly one of subject or object; the entity itself is the other end',
  });

export const role = z
  .object({
    title: z.string().min(2).max(160),
    at: entityId.optional(),
    from: partialDate.optional(),
    to: partialDate.optional(),
    /** While held (no `to`): the latest dated source that says so. */
    confirmed: confirmation.optional(),
    /** Known to be held on this date, not claimed current (see relationFields.heldThrough). */
    heldThrough: fullDate.optional(),
    ...sourced,
  })
  .strict();

const summary = z
  .string()
  .trim()
  .min(10)
  .refine((s) => countWords(s) <= 60, { message: 'summary is over 60 words' });

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export const sourceEntity = z
  .object({
    id: entityId,
    kind: entityKind,
    type: z.string(),
    name: z.string().trim().min(2).max(200),
    /** The name is an ordinary phrase too ("Access Now"): the rule it must meet before it counts. */
    nameRule: aliasRule.optional(),
    /** The name counts only written with this exact case. */
    nameCaseSensitive: z.boolean().optional(),
    aliases: z.array(alias).default([]),
    summary,
    official: httpsUrl.optional(),
    codes: z.record(z.string(), z.string()).optional(),
    names: z.record(z.string(), z.string()).optional(),
    ...sourced,
    dates: z.array(keyDate).default([]),
    roles: z.array(role).default([]),
    relations: z.array(inlineRelation).default([]),
  })
  .strict()
  .superRefine((e, ctx) => {
    const allowed: readonly string[] = ENTITY_TYPES[e.kind];
    if (!allowed.includes(e.type)) {
      ctx.addIssue({
        code: 'custom',
        path: ['type'],
        message: `type "${e.type}" is not one of ${allowed.join(', ')} for kind ${e.kind}`,
      });
    }
    if (e.roles.length > 0 && e.kind !== 'person') {
      ctx.addIssue({ code: 'custom', path: ['roles'], message: 'only people have roles' });
    }
  });
export type SourceEntity = z.infer<typeof sourceEntity>;

/**
 * What a membership list claims to be: whose members, of which relation types, whether it is complete and
 * against which official count. The compiler counts the list and checks a "complete" claim against it.
 */
export const listClaim = z
  .object({
    object: entityId,
    types: z.array(relationType).min(1),
    /** What is counted: states only, or every member of any kind. */
    members: z.enum(['states', 'all']),
    complete: z.boolean(),
    /** The official count of such members, when the source gives one. */
    officialCount: z.number().int().nonnegative().optional(),
    ...sourced,
  })
  .strict();

export const relationsFile = z
  .object({ list: listClaim.optional(), relations: z.array(sourceRelation) })
  .strict();

export const countsFile = z
  .object({
    initiative: entityId,
    label: z.string().optional(),
    counts: z.record(z.string(), z.number().int().nonnegative()),
    total: z.number().int().nonnegative().optional(),
    ...sourced,
  })
  .strict();

// ---------------------------------------------------------------------------------------------------------
// The compiled dataset: what ships in the extension, what feeds carry and what `--export` writes.

export const datasetVersion = z
  .string()
  .regex(/^\d{4}\.\d{1,2}\.\d{1,2}(\.\d+)?$/, 'dataset versions look like 2026.11.27.1');

/** A role held without an organisation or country to point at: a fact on the person, not a relation. */
export const compiledRole = z
  .object({
    title: z.string(),
    from: partialDate.optional(),
    to: partialDate.optional(),
    confirmed: confirmation.optional(),
    heldThrough: fullDate.optional(),
    source: z.string(),
    asOf: fullDate,
  })
  .strict();
export type CompiledRole = z.infer<typeof compiledRole>;

/** A membership list's claim, with the number of distinct members the dataset lists. */
export const compiledList = z
  .object({
    types: z.array(relationType),
    members: z.enum(['states', 'all']),
    complete: z.boolean(),
    listed: z.number().int().nonnegative(),
    officialCount: z.number().int().nonnegative().optional(),
    source: z.string(),
    asOf: fullDate,
  })
  .strict();
export type CompiledList = z.infer<typeof compiledList>;

export const compiledEntity = z
  .object({
    id: entityId,
    kind: entityKind,
    type: z.string(),
    name: z.string(),
    /** Optional (absent = the name always counts, in any case). */
    nameRule: aliasRule.optional(),
    nameCaseSensitive: z.boolean().optional(),
    aliases: z.array(alias),
    summary: z.string(),
    official: z.string().optional(),
    codes: z.record(z.string(), z.string()).optional(),
    names: z.record(z.string(), z.string()).optional(),
    source: z.string(),
    asOf: fullDate,
    dates: z.array(keyDate),
    counts: z.array(countsFile.omit({ initiative: true })).optional(),
    /** Membership lists of this entity and how complete each is. */
    lists: z.array(compiledList).optional(),
    /** People only, optional: roles with no `at` (roles with one are holds-role relations). */
    roles: z.array(compiledRole).optional(),
  })
  .strict();
export type Entity = z.infer<typeof compiledEntity>;

export const compiledRelation = z
  .object({
    id: z.string(),
    subject: entityId,
    type: relationType,
    object: entityId,
    role: z.string().optional(),
    from: partialDate.optional(),
    startedBy: z.literal(true).optional(),
    to: partialDate.optional(),
    note: z.string().optional(),
    by: z.array(entityId).optional(),
    action: z.enum(RESPONSE_ACTIONS).optional(),
    confirmed: confirmation.optional(),
    heldThrough: fullDate.optional(),
    source: z.string(),
    asOf: fullDate,
  })
  .strict();
export type Relation = z.infer<typeof compiledRelation>;

export const dataset = z
  .object({
    format: z.literal(1),
    version: datasetVersion,
    generatedAt: z.iso.datetime(),
    entities: z.array(compiledEntity),
    relations: z.array(compiledRelation),
  })
  .strict();
export type Dataset = z.infer<typeof dataset>;

/** Compare two dataset versions part by part; negative when a is older than b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
