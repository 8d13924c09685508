/**
 * From a block of text to mentions: the index's scanner finds the aliases on word boundaries, then
 * case-sensitive aliases and the dataset's disambiguation rules are checked and the longest-leftmost match
 * wins where matches overlap. Pure: works on a block of text, knows nothing of the DOM (the annotator does the
 * same over a whole page, its blocks told apart by the DOM).
 */
import { FLAG_CASE_SENSITIVE, FLAG_DEMONYM, ruleOf, type AliasEntry, type MatchIndex } from './alias-index';
import { RECORD } from './scanner';

export interface MatchOptions {
  demonyms: boolean;
  firstMentionOnly: boolean;
}

export const DEFAULT_MATCH_OPTIONS: MatchOptions = { demonyms: true, firstMentionOnly: false };

/** What a page has seen so far, in reading order; rules like "after the full name" read it. */
export interface PageMatchState {
  /**
   * Entities already named by an alias without a rule, each with when it was last named (a counter), so
   * that of two people sharing a surname the one named last is meant.
   */
  named: Map<number, number>;
  /** Entities already reported as a mention. */
  mentioned: Set<number>;
  /** Kinds already mentioned, one bit per index in ENTITY_KINDS (for `kind:` contexts). */
  kindsSeen: number;
  /** The naming counter. */
  clock: number;
}

export function newPageMatchState(): PageMatchState {
  return { named: new Map(), mentioned: new Set(), kindsSeen: 0, clock: 0 };
}

/** Record a mention in the page's state (what later rules read). */
export function noteMention(index: MatchIndex, state: PageMatchState, entity: number): void {
  state.mentioned.add(entity);
  state.kindsSeen |= 1 << index.kindNumberOf(entity);
}

/** A mention in raw block coordinates (end exclusive). */
export interface Mention {
  entity: number;
  start: number;
  end: number;
}

const SENTENCE_END = /[.!?:"“”»]\s*$/;

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Does the raw text match the alias exactly in letter case? Whitespace variants are tolerated. */
function sameCase(raw: string, original: string): boolean {
  if (raw === original) return true;
  // The common miss ("us" for the alias "US"): an alias of one word, as long as the text, has no whitespace
  // variant to tolerate, so the two simply differ. Decided without compiling a regular expression on the page.
  if (raw.length === original.length && !original.includes(' ')) return false;
  const a = raw.replace(/\s+/g, ' ');
  if (a.length !== original.length) return a.normalize('NFC') === original.normalize('NFC');
  return a === original;
}

/**
 * The one decision every match goes through, on a page or in a block of text: of the aliases a record
 * matched, the one whose rules hold (see pickAlias); then whether it is marked (first-mention-only), and the
 * page's state noted for the rules of later matches. `taken` says the text is a mention (so shorter overlapping
 * matches lose), `entity` is set when it is a mention of that entity, and `marked` says whether it carries a
 * mark: with first-mention-only, a later mention is still a mention (its card opens on hover, tap and the
 * keyboard walk) but has no mark.
 */
export function decide(
  index: MatchIndex,
  raw: string,
  start: number,
  end: number,
  pattern: number,
  state: PageMatchState,
  options: MatchOptions,
  blockStart: () => number,
): { taken: boolean; entity?: number; marked?: boolean } {
  const entity = pickAlias(index, raw, start, end, pattern, state, options, blockStart);
  if (entity === undefined) return { taken: false };
  const marked = !(options.firstMentionOnly && state.mentioned.has(entity));
  noteMention(index, state, entity);
  return { taken: true, entity, marked };
}

/**
 * The marked mentions in one block of text (the annotator does the same over a page, its blocks told by the
 * DOM; with first-mention-only it also keeps the unmarked later mentions, which this leaves out).
 */
export function findMentions(
  index: MatchIndex,
  raw: string,
  state: PageMatchState,
  options: MatchOptions = DEFAULT_MATCH_OPTIONS,
): Mention[] {
  // Records come sorted by start, longest first: longest-leftmost is then one pass.
  const records = index.scanner.scan(raw, [0]);
  const mentions: Mention[] = [];
  let covered = 0;
  for (let r = 0; r < records.length; r += RECORD) {
    const start = records[r + 1]!;
    if (start < covered) continue;
    const end = records[r + 2]!;
    const { taken, entity, marked } = decide(index, raw, start, end, records[r]!, state, options, () => 0);
    if (taken) covered = end;
    if (entity !== undefined && marked) mentions.push({ entity, start, end });
  }
  return mentions;
}

/**
 * How strongly a passing alias picks its entity out: a rule that looked at what the page said before (the
 * full name came earlier, a context entity was mentioned) beats no rule, which beats a rule about letter
 * case only. The dataset compiler rejects two claimants of one alias in the same class (see aliasConflicts).
 */
function strength(rule: ReturnType<typeof ruleOf>): number {
  if (rule === 'after-full-name' || rule === 'in-context') return 2;
  return rule === undefined ? 1 : 0;
}

/**
 * Of the aliases sharing a pattern, the one whose checks pass and that picks its entity out most strongly;
 * of two people whose full names both came earlier, the one named last. `blockStart` gives where the
 * mention's block starts in `raw` (asked only by rules that look back).
 */
function pickAlias(
  index: MatchIndex,
  raw: string,
  start: number,
  end: number,
  pattern: number,
  state: PageMatchState,
  options: MatchOptions,
  blockStart: () => number,
): number | undefined {
  let chosen: number | undefined;
  let chosenStrength = -1;
  let chosenRecency = -1;
  const namedNow: number[] = [];
  for (const alias of index.patterns[pattern]!) {
    if (alias.flags & FLAG_DEMONYM && !options.demonyms) continue;
    if (alias.flags & FLAG_CASE_SENSITIVE && !sameCase(raw.slice(start, end), alias.original)) continue;
    const rule = ruleOf(alias.flags);
    if (rule !== undefined && !ruleHolds(rule, raw, start, alias, state, blockStart)) continue;
    if (rule === undefined) namedNow.push(alias.entity);
    const s = strength(rule);
    const recency = rule === 'after-full-name' ? (state.named.get(alias.entity) ?? 0) : 0;
    if (s > chosenStrength || (s === chosenStrength && recency > chosenRecency)) {
      chosen = alias.entity;
      chosenStrength = s;
      chosenRecency = recency;
    }
  }
  // Named only now, after the choice: a name is "earlier" for the mentions after it.
  for (const entity of namedNow) state.named.set(entity, ++state.clock);
  return chosen;
}

function ruleHolds(
  rule: NonNullable<ReturnType<typeof ruleOf>>,
  raw: string,
  start: number,
  alias: AliasEntry,
  state: PageMatchState,
  blockStart: () => number,
): boolean {
  switch (rule) {
    case 'never-alone':
      return false;
    case 'after-full-name':
      return state.named.has(alias.entity);
    case 'in-context':
      // Non-negative: an entity's number; negative: any entity of kind -(n + 1).
      return (
        alias.context?.some((e) => (e >= 0 ? state.mentioned.has(e) : (state.kindsSeen >> (-e - 1)) & 1)) ??
        false
      );
    case 'capitalised':
      return isUpper(raw.charAt(start));
    case 'capitalised-not-sentence-start': {
      if (!isUpper(raw.charAt(start))) return false;
      const before = raw.slice(Math.max(blockStart(), start - 4), start);
      return before.trim().length > 0 && !SENTENCE_END.test(before);
    }
  }
}
