/** Constants of the dataset model that runtime code needs without loading the schema library. */

export const ENTITY_KINDS = [
  'initiative',
  'country',
  'person',
  'organization',
  'threat-actor',
  'incident',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const ALIAS_RULES = [
  'after-full-name',
  'capitalised',
  'capitalised-not-sentence-start',
  'never-alone',
  /** Counts only once one of the alias's `context` entities has been mentioned earlier on the page. */
  'in-context',
] as const;
export type AliasRule = (typeof ALIAS_RULES)[number];
