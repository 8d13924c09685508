/**
 * An entity's name as the annotator should treat it. The name is normally an alias that always counts, but
 * a name that is also an ordinary phrase ("Access Now", "Georgia") carries `nameRule` and/or
 * `nameCaseSensitive` in the dataset; every consumer that turns names into aliases goes through here so the
 * compiler's conflict check and the content script's index agree. No schema library: runtime code imports it.
 */
import type { AliasRule } from './vocabulary';

export interface NamedEntity {
  name: string;
  nameRule?: AliasRule | undefined;
  nameCaseSensitive?: boolean | undefined;
}

export interface NameAlias {
  text: string;
  rule?: AliasRule;
  caseSensitive?: boolean;
}

export function nameAsAlias(entity: NamedEntity): NameAlias {
  return {
    text: entity.name,
    ...(entity.nameRule ? { rule: entity.nameRule } : {}),
    ...(entity.nameCaseSensitive ? { caseSensitive: true } : {}),
  };
}
