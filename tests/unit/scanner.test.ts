import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { buildAliasIndex, MatchIndex } from '../../src/annotate/alias-index';
import { JsScanner, RECORD, WasmScanner } from '../../src/annotate/scanner';
import { buildCharTable, CHAR_TABLE_RANGES } from '../../src/annotate/char-table';
import { loadAndCompile } from '../../src/dataset/load-sources';

// The real dataset: the WebAssembly scanner must agree with the JavaScript one on every alias NormLens ships.
const { dataset } = loadAndCompile(resolve(import.meta.dirname, '../../data'));
const index = new MatchIndex(buildAliasIndex(dataset.version, dataset.entities));
const unspaced = index.unspaced;
const js = new JsScanner(index.automaton, unspaced);
const CHARS = buildCharTable();
const ALIASES = dataset.entities.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)]);

const records = (r: Int32Array): number[][] => {
  const out: number[][] = [];
  for (let i = 0; i < r.length; i += RECORD) out.push([...r.subarray(i, i + RECORD)]);
  return out;
};

/** Node starts for a text cut into pieces. */
const startsOf = (pieces: readonly string[]): number[] => {
  const starts: number[] = [];
  let at = 0;
  for (const p of pieces) {
    starts.push(at);
    at += p.length;
  }
  return starts;
};

describe('text scanner', () => {
  it('runs as WebAssembly here, and finds names with their raw spans', () => {
    const wasm = WasmScanner.create(index.automaton, unspaced);
    expect(wasm?.engine).toBe('wasm');
    expect(index.scanner.engine).toBe('wasm');
    const text = 'The Paris Call and the Cybersecurity Tech Accord.';
    const found = records(wasm!.scan(text, [0])).map(([, s, e]) => text.slice(s, e));
    expect(found).toContain('Paris Call');
    expect(found).toContain('Cybersecurity Tech Accord');
  });

  it('flags a boundary between two text nodes instead of deciding it', () => {
    const wasm = WasmScanner.create(index.automaton, unspaced, CHARS)!;
    const pieces = ['x', 'France', 'y'];
    const text = pieces.join('');
    const france = records(wasm.scan(text, startsOf(pieces))).find(
      ([, s, e]) => text.slice(s, e) === 'France',
    );
    expect(france?.[5]).toBe(3);
    // In one text node the same letters are simply not a match.
    expect(records(wasm.scan(text, [0])).some(([, s, e]) => text.slice(s, e) === 'France')).toBe(false);
  });

  it('gives exactly the records of the JavaScript scanner, for any text cut into any nodes', () => {
    const wasm = WasmScanner.create(index.automaton, unspaced, CHARS)!;
    const piece = fc.oneof(
      fc.constantFrom(...ALIASES),
      fc.constantFrom(...ALIASES).map((a) => a.toUpperCase()),
      fc.constantFrom(
        'the',
        'us',
        'said',
        'Paris',
        'call',
        '2024',
        'Straße',
        'Œuvre',
        'naïve',
        'Київ',
        '東京',
      ),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
      // Characters of the precomputed table, and just outside it: the table must fold as fold.ts does.
      fc
        .array(fc.oneof(...CHAR_TABLE_RANGES.map(([a, b]) => fc.integer({ min: a - 1, max: b + 1 }))), {
          maxLength: 4,
        })
        .map((codes) => String.fromCharCode(...codes)),
    );
    const separator = fc.constantFrom(
      ' ',
      '  ',
      '\n',
      ', ',
      "'s ",
      '’s ',
      '-',
      '-\n',
      '\u00a0',
      '\u00ad',
      '',
      'ß',
      // Markup indentation: long runs of spaces (skipped eight at a time), across node cuts too.
      ' '.repeat(9),
      `\n${' '.repeat(20)}`,
      `-\n${' '.repeat(16)}`,
      `${' '.repeat(8)}\t${' '.repeat(8)}`,
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(piece, separator), { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (parts, cuts) => {
          const text = parts.map(([p, s]) => p + s).join('');
          const points = [...new Set(cuts.map((c) => (text.length === 0 ? 0 : c % text.length)))]
            .filter((c) => c > 0)
            .sort((a, b) => a - b);
          const starts = [0, ...points];
          expect(records(wasm.scan(text, starts))).toEqual(records(js.scan(text, starts)));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('agrees with the JavaScript scanner on plain ASCII, which it folds sixteen bytes at a time', () => {
    const wasm = WasmScanner.create(index.automaton, unspaced, CHARS)!;
    const asciiAliases = ALIASES.filter((a) => /^[\x20-\x7e]+$/.test(a));
    // Every ASCII control and punctuation the block path must leave to the character loop or fold itself:
    // whitespace runs, tab, CR, form feed and line feed (spaces), vertical tab (not a space), hyphens before
    // whitespace (the line-break rule), apostrophes.
    const piece = fc.oneof(
      fc.constantFrom(...asciiAliases),
      fc.constantFrom(...asciiAliases).map((a) => a.toUpperCase()),
      fc.string({ unit: fc.constantFrom(..."abcXYZ09 -\t\n\r\f\v'.,@[`{~"), maxLength: 24 }),
      fc.constantFrom('-', '- ', '-\n', '-\t', '  ', '\v', ' \v ', 'the', 'Cyber', 'ACCORD'),
      // Names of several words with other spacing: a match only where the fold makes it one space.
      fc
        .tuple(
          fc.constantFrom(...asciiAliases.filter((a) => a.includes(' '))),
          fc.constantFrom('\t', '\n', '\r', '\f', '\v', '  ', ' \n'),
        )
        .map(([a, space]) => ` ${a.replaceAll(' ', space)} `),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.boolean(),
        (pieces, cuts, piecesAreNodes) => {
          const text = pieces.join('');
          // Pieces as text nodes too: names that start or end right at a node's edge, next to a letter.
          const edges = piecesAreNodes ? startsOf(pieces) : [];
          const points = [
            ...new Set([...edges, ...cuts.map((c) => (text.length === 0 ? 0 : c % text.length))]),
          ]
            .filter((c) => c > 0)
            .sort((a, b) => a - b);
          const starts = [0, ...points];
          expect(records(wasm.scan(text, starts))).toEqual(records(js.scan(text, starts)));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('agrees with the JavaScript scanner on long texts, fed to WebAssembly a window at a time', () => {
    const wasm = WasmScanner.create(index.automaton, unspaced, CHARS)!;
    const piece = fc.oneof(
      fc.constantFrom(...ALIASES),
      fc.constantFrom('the', 'said', 'cyber-\n', '-\n  ', 'Straße', '𝒜', '  \n ', 'naïve', ' '.repeat(40)),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 20, maxLength: 60 }), fc.nat(200), (pieces, cut) => {
        // 40k to 200k characters: several windows, with matches and line-break hyphens across their edges.
        let text = '';
        while (text.length < 40_000 + cut * 800) text += pieces.join(' ') + ' ';
        const starts: number[] = [];
        for (let at = 0; at < text.length; at += 997 + cut) starts.push(at);
        expect(records(wasm.scan(text, starts))).toEqual(records(js.scan(text, starts)));
      }),
      { numRuns: 12 },
    );
  });
});
