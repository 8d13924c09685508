import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { buildAliasIndex, MatchIndex } from '../../src/annotate/alias-index';
import { findMentions } from '../../src/annotate/find-mentions';
import { loadAndCompile } from '../../src/dataset/load-sources';
import { FoldBuffer } from '../../src/text/fold';

// The real dataset: the prefilter must be safe for every alias NormLens ships.
const { dataset } = loadAndCompile(resolve(import.meta.dirname, '../../data'));
const index = new MatchIndex(buildAliasIndex(dataset.version, dataset.entities));
const ALIASES = dataset.entities.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)]);

/** Every mention the matcher finds, with every rule's condition met (all entities already named). */
function mentions(text: string): number {
  const folded = new FoldBuffer();
  folded.append(text, 0);
  const state = { named: new Set(dataset.entities.map((_, i) => i)), mentioned: new Set<number>() };
  return findMentions(index, text, folded, state, { demonyms: true, firstMentionOnly: false }).length;
}

describe('block prefilter', () => {
  it('rules out plain text that names nothing, and keeps text that does', () => {
    const filter = index.prefilter;
    expect(filter.mayMatch('The minister spoke to reporters on Tuesday about the budget.')).toBe(false);
    expect(filter.mayMatch('Officials said the Paris Call had new supporters.')).toBe(true);
    expect(filter.mayMatch('The NSA and GCHQ disagreed.')).toBe(true);
    // "US" counts only as written: the pronoun does not open the block, the acronym does.
    expect(filter.mayMatch('Let us talk about budgets.')).toBe(false);
    expect(filter.mayMatch('The US talked about budgets.')).toBe(true);
  });

  it('sends text that folding rewrites to the matcher (accents, soft hyphens, line-break hyphens)', () => {
    expect(index.prefilter.mayMatch('Côte d’Ivoire')).toBe(true);
    expect(index.prefilter.mayMatch('Cyber\u00adsecurity budgets')).toBe(true);
    expect(index.prefilter.mayMatch('the cyber-\nsecurity budgets')).toBe(true);
  });

  it('never rules out a block in which the matcher finds a mention', () => {
    const piece = fc.oneof(
      fc.constantFrom(...ALIASES),
      fc.constantFrom(...ALIASES).map((a) => a.toLowerCase()),
      fc.constantFrom(...ALIASES).map((a) => a.toUpperCase()),
      fc.constantFrom(...ALIASES).map((a) => a.split(' ').slice(0, 2).join(' ')),
      fc.constantFrom('the', 'said', 'us', 'a', 'new', 'minister', 'of', 'call', '2024', 'Paris'),
    );
    const separator = fc.constantFrom(
      ' ',
      '  ',
      '\n',
      ', ',
      '. ',
      "'s ",
      '’s ',
      '-',
      '-\n',
      '\u00a0',
      ' — ',
      '"',
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, separator), { minLength: 1, maxLength: 8 }), (parts) => {
        const text = parts.map(([p, s]) => p + s).join('');
        if (!index.prefilter.mayMatch(text)) expect(mentions(text), text).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });
});
