/**
 * The RegExp baseline's pattern: one alternation of every alias, as a page highlighter without an automaton
 * would write it. Longest alternatives come first because a JavaScript alternation takes the first
 * alternative that matches, not the longest ("Paris Call" must be tried before "Paris").
 */

/** Characters that count as part of a word, the same classes NormLens's own boundary check uses. */
const WORD_CLASS = '[\\p{L}\\p{N}\\p{M}]';

/** Escape a literal for use inside a RegExp with the `u` flag (which rejects needless escapes). */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/**
 * Source of a `giu` RegExp matching any alias as a whole word. Duplicates that differ only in case are
 * merged (the flag already ignores case). Word boundaries are Unicode-aware lookarounds rather than `\b`,
 * which knows only ASCII letters and would let "Paris" match inside "Parisé" or miss "Åland".
 */
export function aliasUnionSource(aliases: readonly string[]): string {
  const unique = new Map<string, string>();
  for (const alias of aliases) {
    const text = alias.trim();
    if (text.length === 0) continue;
    const key = text.toLowerCase();
    if (!unique.has(key)) unique.set(key, text);
  }
  if (unique.size === 0) throw new Error('aliasUnionSource: no aliases');
  const sorted = [...unique.values()].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  return `(?<!${WORD_CLASS})(?:${sorted.map(escapeRegExp).join('|')})(?!${WORD_CLASS})`;
}

/** The flags every baseline uses with aliasUnionSource. */
export const UNION_FLAGS = 'giu';
