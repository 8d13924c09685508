/**
 * The benchmark's only door into NormLens's engine (src/annotate, src/text): the alias list the extension
 * indexes, and the matcher built and run with the same code the content script uses. When the engine's API
 * changes, this is the one file of the benchmark to adapt.
 */
import { buildAliasIndex, MatchIndex } from '../src/annotate/alias-index';
import type { AliasIndexWire } from '../src/shared/index-wire';
import { findMentions, newPageMatchState, DEFAULT_MATCH_OPTIONS } from '../src/annotate/find-mentions';
import type { Entity } from '../src/shared/model';
import { fold } from '../src/text/fold';

/**
 * Every name and alias the extension's index holds, as written in the dataset (the baselines search raw
 * page text, so they need the original spelling, diacritics included). Like the index, aliases folding to
 * fewer than two characters are left out.
 */
export function aliasTexts(entities: readonly Entity[]): string[] {
  const texts: string[] = [];
  for (const entity of entities) {
    for (const text of [entity.name, ...entity.aliases.map((a) => a.text)]) {
      if (fold(text).length >= 2) texts.push(text);
    }
  }
  return texts;
}

export function buildWire(version: string, entities: readonly Entity[]): AliasIndexWire {
  return buildAliasIndex(version, entities);
}

/** Number of aliases in the index built from these entities. */
export function indexedAliasCount(wire: AliasIndexWire): number {
  return wire.aliases.length;
}

export interface Matcher {
  /** Mentions found across the blocks, with a fresh page state (as on a newly loaded page). */
  countMentions(blocks: readonly string[]): number;
}

/** Build the matcher exactly as the content script does from the background's index. */
export function buildMatcher(wire: AliasIndexWire): Matcher {
  const index = new MatchIndex(wire);
  return {
    countMentions(blocks) {
      const state = newPageMatchState();
      let mentions = 0;
      for (const raw of blocks) {
        mentions += findMentions(index, raw, state, DEFAULT_MATCH_OPTIONS).length;
      }
      return mentions;
    },
  };
}

/** A dictionary entry that is not in the dataset: a person known only by one name. */
export function syntheticPerson(n: number, name: string): Entity {
  return {
    id: `bench-person-${n}`,
    kind: 'person',
    type: 'person',
    name,
    aliases: [],
    summary: '',
    source: 'https://example.invalid/normlens-bench',
    asOf: '2026-01-01',
    dates: [],
  };
}
