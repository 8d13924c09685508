/**
 * A cheap, exact-safe test that a block of text cannot hold any mention, run with native string operations
 * before the per-character folding and matching (which run as cold JavaScript on every page load).
 *
 * Why it is safe: a mention starts and ends on word boundaries, so in an ASCII block the alias's words are
 * whole words of the text, consecutive, whatever separates them (spaces collapsed, an apostrophe, a
 * hyphen). If no word of the block is a one-word alias, and no two consecutive words are the first two words
 * of a longer alias, nothing can match. Blocks this reasoning does not cover — any character outside ASCII
 * except common punctuation and spaces (accents, other scripts, soft hyphens and zero-width characters, which
 * folding rewrites), or a hyphen at a line break (folding joins the two halves) — always go to the matcher.
 */

/** Non-ASCII characters that fold to separators (spaces, quotes, dashes), never to or into a word. */
const NOT_SIMPLE = /[^\x00-\x7f\u00a0\u2002-\u200a\u2010-\u2015\u2018-\u201f\u2022\u2026\u202f\u2032\u2033]/;
const LINE_BREAK_HYPHEN = /-[ \t\u00a0]*[\r\n]/;
const WORDS = /[a-z0-9]+/g;
const RAW_WORDS = /[A-Za-z0-9]+/g;

export class BlockPrefilter {
  /** One-word aliases that count in any letter case (folded). */
  private readonly singles = new Set<string>();
  /** One-word aliases that count only as written ("US", "WHO"). */
  private readonly exactSingles = new Set<string>();
  /** First word -> second words of longer aliases. */
  private readonly pairs = new Map<string, Set<string>>();

  /** rows: the alias index's rows, [folded alias, entity, flags, original text or '' when case is ignored]. */
  constructor(rows: readonly (readonly [string, number, number, string])[]) {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const folded = row[0];
      const original = row[3];
      // An alias without ASCII words (another script) can only match in blocks that are never filtered.
      const words = folded.match(WORDS);
      if (!words) continue;
      if (words.length === 1) {
        if (original !== '' && /^[A-Za-z0-9]+$/.test(original)) this.exactSingles.add(original);
        else this.singles.add(words[0]!);
      } else {
        let seconds = this.pairs.get(words[0]!);
        if (!seconds) this.pairs.set(words[0]!, (seconds = new Set()));
        seconds.add(words[1]!);
      }
    }
  }

  /** False only when no alias can match in the block. */
  mayMatch(raw: string): boolean {
    if (NOT_SIMPLE.test(raw) || LINE_BREAK_HYPHEN.test(raw)) return true;
    const words = raw.toLowerCase().match(WORDS);
    if (!words) return false;
    const { singles, pairs, exactSingles } = this;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (singles.has(w)) return true;
      const seconds = pairs.get(w);
      if (seconds !== undefined && i + 1 < words.length && seconds.has(words[i + 1]!)) return true;
    }
    if (exactSingles.size > 0) {
      const rawWords = raw.match(RAW_WORDS)!;
      for (let i = 0; i < rawWords.length; i++) if (exactSingles.has(rawWords[i]!)) return true;
    }
    return false;
  }
}
