/**
 * The alias index: every name and alias in the dataset, folded, in a compact JSON-safe form that the
 * background builds once per dataset version and hands to each content script. The content script turns it
 * into a MatchIndex (automaton + alias table) without ever opening the database.
 */
import type { AliasRule, EntityKind } from '../shared/vocabulary';
import type { Entity } from '../shared/model';
import type { AliasIndexWire } from '../shared/index-wire';
import { ALIAS_RULES, ENTITY_KINDS } from '../shared/vocabulary';
import { nameAsAlias } from '../shared/name-alias';
import { fold, isUnspacedScript } from '../text/fold';
import { Automaton } from './automaton';
import { buildCharTable } from './char-table';
import { JsScanner, WasmScanner, type TextScanner } from './scanner';

export const FLAG_CASE_SENSITIVE = 1;
export const FLAG_DEMONYM = 2;
/** The alias rule occupies bits 2–4: 0 = none, else 1 + index in ALIAS_RULES. */
const RULE_SHIFT = 2;

const OBJECT_HEADER = 16;
const SLOT = 8;

function encodeFlags(alias: { caseSensitive?: boolean; demonym?: boolean; rule?: AliasRule }): number {
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
  const wire: AliasIndexWire = { version, ids: [], names: [], kinds: [], aliases: [], chars: [] };
  const numberOf = new Map(entities.map((e, n) => [e.id, n]));
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
      const original = flags & FLAG_CASE_SENSITIVE ? alias.text : '';
      const context = (alias as { context?: readonly string[] }).context;
      wire.aliases.push(
        context
          ? [
              folded,
              n,
              flags,
              original,
              context.map((id) => contextNumber(id, numberOf)).filter((c) => c !== undefined),
            ]
          : [folded, n, flags, original],
      );
    }
  });
  // Sorted once here, so each content script (cold code, on every page) skips sorting and merging.
  wire.aliases.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  wire.chars = buildCharTable();
  return wire;
}

/** A context entry as a number: an entity's number, or -(k + 1) for `kind:<k-th kind>` (any entity of it). */
function contextNumber(id: string, numberOf: ReadonlyMap<string, number>): number | undefined {
  if (id.startsWith('kind:')) {
    const k = (ENTITY_KINDS as readonly string[]).indexOf(id.slice(5));
    return k < 0 ? undefined : -(k + 1);
  }
  return numberOf.get(id);
}

export interface AliasEntry {
  entity: number;
  flags: number;
  /** The alias as written, for case-sensitive comparison. */
  original: string;
  /** in-context aliases: the entities whose earlier mention lets it count. */
  context?: number[];
}

/** What the content script matches with: the automaton and, per pattern, the aliases that share it. */
export class MatchIndex {
  readonly automaton: Automaton;
  /** patterns[i] lists the aliases whose folded text is pattern i. */
  readonly patterns: AliasEntry[][];
  /**
   * Per pattern: bit 0 when it starts, bit 1 when it ends, with a character of a script written without
   * spaces (no word boundary needed on that side).
   */
  readonly unspaced: Uint8Array;
  /** Folds and scans a root's whole text: WebAssembly where it runs, else JavaScript. */
  readonly scanner: TextScanner;

  constructor(
    readonly wire: AliasIndexWire,
    engine: 'auto' | 'js' = 'auto',
  ) {
    const texts: string[] = [];
    this.patterns = [];
    // Plain indexed loops: this runs cold on every page load. Aliases come sorted by folded text (see
    // buildAliasIndex), so aliases sharing a text are adjacent.
    const { aliases } = wire;
    for (let i = 0; i < aliases.length; i++) {
      const row = aliases[i]!;
      const [folded, entity, flags, original] = row;
      let p = texts[texts.length - 1] === folded ? texts.length - 1 : undefined;
      if (p === undefined) {
        p = texts.length;
        texts.push(folded);
        this.patterns.push([]);
      }
      this.patterns[p]!.push(
        row.length === 5 ? { entity, flags, original, context: row[4] } : { entity, flags, original },
      );
    }
    this.automaton = Automaton.build(texts, true);
    const unspaced = new Uint8Array(texts.length);
    for (let p = 0; p < texts.length; p++) {
      const t = texts[p]!;
      unspaced[p] =
        (isUnspacedScript(t.charCodeAt(0)) ? 1 : 0) | (isUnspacedScript(t.charCodeAt(t.length - 1)) ? 2 : 0);
    }
    this.unspaced = unspaced;
    this.scanner =
      (engine === 'auto' ? WasmScanner.create(this.automaton, unspaced, wire.chars) : undefined) ??
      new JsScanner(this.automaton, unspaced);
  }

  /**
   * Estimated bytes this index keeps alive in the content script: typed arrays exactly, JavaScript strings,
   * arrays and objects by a conservative V8 estimate (2 bytes a character, 16 a header, 8 a slot).
   */
  byteSize(): number {
    const str = (s: string): number => OBJECT_HEADER + 2 * s.length;
    const array = (n: number): number => OBJECT_HEADER + SLOT * n;
    let bytes = this.automaton.byteSize() + this.unspaced.byteLength + this.scanner.byteSize();
    // Indexed loops without destructuring: this runs once per page, with cold code.
    const { patterns } = this;
    bytes += array(patterns.length);
    for (let p = 0; p < patterns.length; p++) {
      const list = patterns[p]!;
      bytes += array(list.length) + list.length * (OBJECT_HEADER + 3 * SLOT);
    }
    const { ids, names, kinds, aliases } = this.wire;
    bytes += array(ids.length) + array(names.length) + array(kinds.length) + array(aliases.length);
    for (let i = 0; i < ids.length; i++) bytes += str(ids[i]!) + str(names[i]!);
    for (let i = 0; i < aliases.length; i++) {
      const row = aliases[i]!;
      // The original text is shared with the pattern entry that keeps it: count it once, here.
      bytes += array(4) + str(row[0]) + str(row[3]);
    }
    return bytes;
  }

  kindOf(entity: number): EntityKind {
    return ENTITY_KINDS[this.wire.kinds[entity]!]!;
  }

  kindNumberOf(entity: number): number {
    return this.wire.kinds[entity]!;
  }

  idOf(entity: number): string {
    return this.wire.ids[entity]!;
  }
}
