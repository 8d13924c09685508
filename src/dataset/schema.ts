/**
 * The authoring schema: the source files under data/ (YAML), validated with the file's path in every message.
 * It builds on the model's pieces (src/shared/model.ts), so data written here and data arriving in a feed pass
 * the same rules for every field they share.
 */
import { z } from 'zod';
import {
  alias,
  confirmation,
  entityId,
  entityKind,
  fullDate,
  keyDate,
  partialDate,
  relationType,
  sourced,
  aliasRule,
  httpsUrl,
} from '../shared/model';
import { ENTITY_TYPES, RESPONSE_ACTIONS } from '../shared/vocabulary';

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
  heldThrough: z.union([fullDate, confirmation]).optional(),
  ...sourced,
};

/** A relation written in a relations file: both ends explicit. */
export const sourceRelation = z
  .object({ subject: entityId, object: entityId, role: z.string().optional(), ...relationFields })
  .strict();

/** A relation written inside an entity file: the entity is the missing end. */
const inlineRelation = z
  .object({ subject: entityId.optional(), object: entityId.optional(), ...relationFields })
  .strict()
  .refine((r) => (r.subject === undefined) !== (r.object === undefined), {
    message: 'give exactly one of subject or object; the entity itself is the other end',
  });

const role = z
  .object({
    title: z.string().min(2).max(160),
    at: entityId.optional(),
    from: partialDate.optional(),
    to: partialDate.optional(),
    /** While held (no `to`): the latest dated source that says so. */
    confirmed: confirmation.optional(),
    /** Known to be held on this date, not claimed current (see relationFields.heldThrough). */
    heldThrough: z.union([fullDate, confirmation]).optional(),
    ...sourced,
  })
  .strict();

const summary = z
  .string()
  .trim()
  .min(10)
  .refine((s) => countWords(s) <= 60, { message: 'summary is over 60 words' });

function countWords(text: string): number {
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
