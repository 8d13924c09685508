/**
 * From folded text to mentions: run the automaton, keep matches on word boundaries, check case-sensitive
 * aliases and the dataset's disambiguation rules, and pick the longest-leftmost match where matches overlap.
 * Pure: works on a block of text, knows nothing of the DOM.
 */
import { FLAG_CASE_SENSITIVE, FLAG_DEMONYM, ruleOf, type MatchIndex } from './alias-index';
import { isWordCode, type FoldBuffer } from '../text/fold';

export interface MatchOptions {
  demonyms: boolean;
  firstMentionOnly: boolean;
}

export const DEFAULT_MATCH_OPTIONS: MatchOptions = { demonyms: true, firstMentionOnly: false };

/** What a page has seen so far, in reading order; rules like "after the full name" read it. */
export interface PageMatchState {
  /** Entities already named by an alias without a rule. */
  named: Set<number>;
  /** Entities already reported as a mention. */
  mentioned: Set<number>;
}

export function newPageMatchState(): PageMatchState {
  return { named: new Set(), mentioned: new Set() };
}

/** A mention in raw block coordinates (end exclusive). */
export interface Mention {
  entity: number;
  start: number;
  end: number;
}

interface Candidate {
  pattern: number;
  start: number; // folded
  end: number;
}

const SENTENCE_END = /[.!?:"“”»]\s*$/;

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Does the raw text match the alias exactly in letter case? Whitespace variants are tolerated. */
function sameCase(raw: string, original: string): boolean {
  const a = raw.replace(/\s+/g, ' ');
  if (a.length !== original.length) return a.normalize('NFC') === original.normalize('NFC');
  return a === original;
}

export function findMentions(
  index: MatchIndex,
  raw: string,
  folded: FoldBuffer,
  state: PageMatchState,
  options: MatchOptions = DEFAULT_MATCH_OPTIONS,
): Mention[] {
  const { codes, origin, length } = folded;
  const candidates: Candidate[] = [];
  index.automaton.scan(codes, length, (pattern, start, end) => {
    if (!index.unspacedStart[pattern] && start > 0 && isWordCode(codes[start - 1]!)) return;
    if (!index.unspacedEnd[pattern] && end < length && isWordCode(codes[end]!)) return;
    candidates.push({ pattern, start, end });
  });
  if (candidates.length === 0) return [];

  // Longest-leftmost: earliest start wins, then the longest; overlapping later candidates are dropped.
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const mentions: Mention[] = [];
  let covered = 0;
  for (const c of candidates) {
    if (c.start < covered) continue;
    const rawStart = origin[c.start]!;
    const rawEnd = origin[c.end - 1]! + 1;
    const entity = pickAlias(index, raw, rawStart, rawEnd, c.pattern, state, options);
    if (entity === undefined) continue;
    covered = c.end;
    if (options.firstMentionOnly && state.mentioned.has(entity)) continue;
    state.mentioned.add(entity);
    mentions.push({ entity, start: rawStart, end: rawEnd });
  }
  return mentions;
}

/** Of the aliases sharing a pattern, the first whose checks pass; rule-free aliases are preferred. */
function pickAlias(
  index: MatchIndex,
  raw: string,
  start: number,
  end: number,
  pattern: number,
  state: PageMatchState,
  options: MatchOptions,
): number | undefined {
  let chosen: number | undefined;
  let chosenHasRule = true;
  for (const alias of index.patterns[pattern]!) {
    if (alias.flags & FLAG_DEMONYM && !options.demonyms) continue;
    if (alias.flags & FLAG_CASE_SENSITIVE && !sameCase(raw.slice(start, end), alias.original)) continue;
    const rule = ruleOf(alias.flags);
    if (rule !== undefined && !ruleHolds(rule, raw, start, alias.entity, state)) continue;
    if (rule === undefined) {
      state.named.add(alias.entity);
      if (chosenHasRule) {
        chosen = alias.entity;
        chosenHasRule = false;
      }
    } else if (chosen === undefined) {
      chosen = alias.entity;
    }
  }
  return chosen;
}

function ruleHolds(
  rule: NonNullable<ReturnType<typeof ruleOf>>,
  raw: string,
  start: number,
  entity: number,
  state: PageMatchState,
): boolean {
  switch (rule) {
    case 'never-alone':
      return false;
    case 'after-full-name':
      return state.named.has(entity);
    case 'capitalised':
      return isUpper(raw.charAt(start));
    case 'capitalised-not-sentence-start': {
      if (!isUpper(raw.charAt(start))) return false;
      const before = raw.slice(Math.max(0, start - 4), start);
      return before.trim().length > 0 && !SENTENCE_END.test(before);
    }
  }
}
