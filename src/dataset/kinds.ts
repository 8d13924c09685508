/** Constants of the dataset model that runtime code needs without loading the schema library. */

export const ENTITY_KINDS = ['initiative', 'country', 'person', 'organization'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const ALIAS_RULES = [
  'after-full-name',
  'capitalised',
  'capitalised-not-sentence-start',
  'never-alone',
] as const;
export type AliasRule = (typeof ALIAS_RULES)[number];
