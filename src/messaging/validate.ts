/** Validators for every message the background accepts (background only). */
import { z } from 'zod';
import type { ProtocolMap } from './protocol';

const url = z.string().url().max(4096);

/** Validators for every message the background accepts. */
export const backgroundSchemas = {
  'page:init': z.object({ url }).strict(),
  'card:get': z.object({ id: z.string().regex(/^[a-z0-9-]{1,120}$/) }).strict(),
  'site:get': z.object({ url }).strict(),
  'site:set': z.object({ url, enabled: z.boolean() }).strict(),
} satisfies Partial<Record<keyof ProtocolMap, z.ZodType>>;

export type BackgroundMessage = keyof typeof backgroundSchemas;
