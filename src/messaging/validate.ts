/** Validators for every message the background accepts (background only). */
import { z } from 'zod';
import type { ProtocolMap } from './protocol';
import { ENTITY_KINDS } from '../shared/vocabulary';
import { SCHEDULES } from '../feed/state';
import { HOVER_DELAY_RANGE, SCAN_SCOPES, UNDERLINE_STYLES } from '../settings/reader';

const url = z.string().url().max(4096);

/** An entity id as messages carry it (kebab-case ascii, as the dataset schema requires). */
export const entityIdSchema = z.string().regex(/^[a-z0-9-]{1,120}$/);

/** Validators for every message the background accepts. */
export const backgroundSchemas = {
  'page:init': z.object({ url }).strict(),
  'card:get': z.object({ id: entityIdSchema }).strict(),
  'site:get': z.object({ url }).strict(),
  'site:set': z.object({ url, enabled: z.boolean() }).strict(),
  'settings:get': z.undefined(),
  'settings:set': z
    .object({
      kinds: z.partialRecord(z.enum(ENTITY_KINDS), z.boolean()),
      demonyms: z.boolean(),
      firstMentionOnly: z.boolean(),
      scope: z.enum(SCAN_SCOPES),
      underline: z.enum(UNDERLINE_STYLES),
      hoverDelayMs: z.number().int().min(HOVER_DELAY_RANGE.min).max(HOVER_DELAY_RANGE.max),
    })
    .partial()
    .strict(),
  'update:status': z.undefined(),
  'update:check': z.undefined(),
  'update:set-schedule': z.object({ schedule: z.enum(SCHEDULES) }).strict(),
  'update:set-feed': z.object({ feedUrl: z.union([z.literal(''), z.url().max(2048)]) }).strict(),
  // The reader's experience (issue 6).
  'report:wrong-match': z
    .object({
      entityId: entityIdSchema,
      matchedText: z.string().min(1).max(200),
      pageUrl: url,
    })
    .strict(),
} satisfies Partial<Record<keyof ProtocolMap, z.ZodType>>;

export type BackgroundMessage = keyof typeof backgroundSchemas;

/**
 * The payload of a background message, validated; throws an Error naming the message and the failing field,
 * so the sender's promise rejects instead of resolving with nothing.
 */
export function parseBackgroundMessage<K extends BackgroundMessage>(
  type: K,
  data: unknown,
): z.infer<(typeof backgroundSchemas)[K]> {
  const parsed = backgroundSchemas[type].safeParse(data);
  if (parsed.success) return parsed.data as z.infer<(typeof backgroundSchemas)[K]>;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(payload)';
  throw new Error(`invalid ${type} message: ${field}: ${issue?.message ?? 'invalid'}`);
}
