/**
 * The alias index: every name and alias in the dataset, folded, in a compact JSON-safe form that the
 * background builds once per dataset version and hands to each content script. The content script turns it
 * into a MatchIndex (automaton + alias table) without ever opening the database.
 */
import type { AliasRule, Entity, EntityKind } from '../dataset/schema';
import { ALIAS_RULES, ENTITY_KINDS } from '../dataset/kinds';
import { nameAsAlias } from '../dataset/name-alias';
import { fold, isUnspacedScript } from '../text/fold';
import { Automaton } from './automaton';

export const FLAG_CASE_SENSITIVE = 1;
export const FLAG_DEMONYM = 2;
/** The alias rule occupies bits 2–4: 0 = none, else 1 + index in ALIAS_RULES. */
const RULE_SHIFT = 2;

/** Wire form: plain arrays and strings, so it survives any message channel. */
export interface AliasIndexWire {
  version: string;
  /** Entity ids; an entity's number is its position here. */
  ids: string[];
  names: string[];
  /** Index into ENTITY_KINDS for each entity. */
  kinds: number[];
  /** One row per alias: [folded text, entity number, flags, original text or '' when not needed]. */
  aliases: [string, number, number, string][];
}

export function encodeFlags(alias: { caseSensitive?: boolean; demonym?: boolean; rule?: AliasRule }): number {
  let flags = 0;
  if (alias.caseSensitive) flags |= FLAG_CASE_SENSITIVE;
  if (alias.demonym) flags |= FLAG_DEMONYM;
  if (alias.rule) flags |= (ALIAS_RULES.indexOf(alias.rule) + 1) << RULE_SHIFT;
  return flags;
}

export function ruleOf(flags: number): AliasRule | undefined {
  const r = (flags >> RULE_SHIFT) & 7;
  return r === 0 ? undefined : ALIAS_RULES[r - 1];
}

export function buildAliasIndex(version: string, entities: readonly Entity[]): AliasIndexWire {
  const wire: AliasIndexWire = { version, ids: [], names: [], kinds: [], aliases: [] };
  entities.forEach((entity, n) => {
    wire.ids.push(entity.id);
    wire.names.push(entity.name);
    wire.kinds.push(ENTITY_KINDS.indexOf(entity.kind));
    const seen = new Set<string>();
    for (const alias of [nameAsAlias(entity), ...entity.aliases]) {
      const folded = fold(alias.text);
      const flags = encodeFlags(alias);
      const key = `${folded}\u0000${flags}`;
      if (folded.length < 2 || seen.has(key)) continue;
      seen.add(key);
      wire.aliases.push([folded, n, flags, flags & FLAG_CASE_SENSITIVE ? alias.text : '']);
    }
  });
  return wire;
}

export interface AliasEntry {
  entity: number;
  flags: number;
  /** The alias as written, for case-sensitive comparison. */
  original: string;
}

/** What the content script matches with: the automaton and, per pattern, the aliases that share it. */
export class MatchIndex {
  readonly automaton: Automaton;
  /** patterns[i] lists the aliases whose folded text is pattern i. */
  readonly patterns: AliasEntry[][];
  /** Whether pattern i starts / ends with a character of a script written without spaces. */
  readonly unspacedStart: Uint8Array;
  readonly unspacedEnd: Uint8Array;

  constructor(readonly wire: AliasIndexWire) {
    const byText = new Map<string, number>();
    const texts: string[] = [];
    this.patterns = [];
    for (const [folded, entity, flags, original] of wire.aliases) {
      let p = byText.get(folded);
      if (p === undefined) {
        p = texts.length;
        byText.set(folded, p);
        texts.push(folded);
        this.patterns.push([]);
      }
      this.patterns[p]!.push({ entity, flags, original });
    }
    this.automaton = Automaton.build(texts);
    this.unspacedStart = Uint8Array.from(texts, (t) => (isUnspacedScript(t.charCodeAt(0)) ? 1 : 0));
    this.unspacedEnd = Uint8Array.from(texts, (t) => (isUnspacedScript(t.charCodeAt(t.length - 1)) ? 1 : 0));
  }

  kindOf(entity: number): EntityKind {
    return ENTITY_KINDS[this.wire.kinds[entity]!]!;
  }

  idOf(entity: number): string {
    return this.wire.ids[entity]!;
  }
}
