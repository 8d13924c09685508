/**
 * The alias index as it travels from the background to each content script: plain arrays and strings, so it
 * survives any message channel. Built by src/annotate/alias-index.ts (buildAliasIndex), turned into the
 * matcher there too (MatchIndex); the background stores it and sends it with page:init.
 */

/**
 * One row per alias: [folded text, entity number, flags, original text or '' when not needed, and for an
 * in-context alias the numbers of its context entities (negative: a whole kind)].
 */
type AliasRow = [string, number, number, string] | [string, number, number, string, number[]];

export interface AliasIndexWire {
  version: string;
  /** Entity ids; an entity's number is its position here. */
  ids: string[];
  names: string[];
  /** Index into ENTITY_KINDS for each entity. */
  kinds: number[];
  aliases: AliasRow[];
  /** Common non-ASCII characters folded ahead of time for the WebAssembly scanner (see buildCharTable). */
  chars: number[];
}
