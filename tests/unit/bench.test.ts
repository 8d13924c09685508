/** The benchmark's pure helpers: the RegExp baseline's pattern, statistics, page stripping, reporting. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAndCompile } from '../../src/dataset/load-sources';
import type { PageResult } from '../../bench/corpus';
import { dictionaryEntities } from '../../bench/dictionary';
import { aliasTexts, syntheticPerson } from '../../bench/engine';
import { generateParagraphs, syntheticNames } from '../../bench/generated-text';
import { stripScripts } from '../../bench/html';
import {
  checkTargets,
  floorNote,
  corpusTotals,
  markdownTable,
  replaceResultsSection,
  RESULTS_END,
  RESULTS_START,
  textTable,
} from '../../bench/report';
import { aliasUnionSource, escapeRegExp, UNION_FLAGS } from '../../bench/regexp-union';
import { median, ratio, sumOrNull } from '../../bench/stats';

const hits = (aliases: string[], text: string): string[] =>
  [...text.matchAll(new RegExp(aliasUnionSource(aliases), UNION_FLAGS))].map((m) => m[0]);

describe('RegExp union', () => {
  it('prefers the longest alias where several start at the same place', () => {
    expect(
      hits(['Paris', 'Paris Call', 'Paris Call for Trust'], 'the Paris Call for Trust and Paris Call'),
    ).toEqual(['Paris Call for Trust', 'Paris Call']);
  });

  it('matches whole words only, with Unicode letters as word characters', () => {
    expect(hits(['Paris'], 'Parisé, Parisian, (Paris)')).toEqual(['Paris']);
    expect(hits(['Åland'], 'Åland and XÅland')).toEqual(['Åland']);
    expect(hits(['Москва'], 'в Москве и Москва')).toEqual(['Москва']);
  });

  it('treats aliases as literals, not patterns', () => {
    expect(hits(['U.S.', 'C++ (lang)'], 'the UxSx and the U.S. use C++ (lang)')).toEqual([
      'U.S.',
      'C++ (lang)',
    ]);
    expect(escapeRegExp('a.b*c?[d]{e}(f)|g^h$i\\j/k')).toBe(
      'a\\.b\\*c\\?\\[d\\]\\{e\\}\\(f\\)\\|g\\^h\\$i\\\\j\\/k',
    );
  });

  it('ignores case and merges aliases that differ only in case', () => {
    const source = aliasUnionSource(['NATO', 'Nato', 'nato']);
    expect(source.match(/nato/gi)).toHaveLength(1);
    expect(hits(['NATO'], 'Nato and nato')).toEqual(['Nato', 'nato']);
  });

  it('compiles over every alias of the real dataset', () => {
    const { dataset, errors } = loadAndCompile(join(import.meta.dirname, '../../data'));
    expect(errors).toEqual([]);
    const aliases = aliasTexts(dataset.entities);
    expect(aliases.length).toBeGreaterThan(1000);
    expect(hits(aliases, 'The Budapest Convention and the Paris Call')).toEqual([
      'Budapest Convention',
      'Paris Call',
    ]);
  });

  it('refuses an empty list', () => {
    expect(() => aliasUnionSource([' '])).toThrow(/no aliases/);
  });
});

describe('statistics', () => {
  it('takes the median of the values present', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([null, 5, undefined])).toBe(5);
    expect(median([])).toBeNull();
  });

  it('refuses to sum or divide what is missing', () => {
    expect(sumOrNull([1, 2])).toBe(3);
    expect(sumOrNull([1, null])).toBeNull();
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(null, 2)).toBeNull();
  });
});

describe('stripScripts', () => {
  it('removes every script and meta refresh and keeps the rest', () => {
    const html =
      '<head><meta http-equiv="refresh" content="0;url=x"><script src="a.js"></script>' +
      '<SCRIPT type="text/javascript">if (a < b) document.write("<p>x</p>")</SCRIPT></head>' +
      '<body><p>Paris Call</p><script src="b.js"/><noscript>n</noscript></body>';
    expect(stripScripts(html)).toBe('<head></head><body><p>Paris Call</p><noscript>n</noscript></body>');
  });
});

const page = (name: string, values: Partial<PageResult>): PageResult => ({
  page: name,
  chars: 1000,
  floorMs: 1,
  pageFloorMs: 0.8,
  annotateMs: 1.2,
  longestTaskMs: 1.2,
  tasks: 1,
  readyMs: 50,
  regexpMs: 4,
  markMs: 9,
  mentions: 3,
  regexpHits: 3,
  markHits: 3,
  indexBytes: null,
  indexAliases: null,
  engine: 'wasm',
  errors: [],
  ...values,
});

describe('totals and targets', () => {
  it('totals complete pages only and checks every target against them', () => {
    const pages = [
      page('a.html', { floorMs: 2, annotateMs: 2, longestTaskMs: 2, readyMs: 40, regexpMs: 6, markMs: 14 }),
      page('b.html', {
        floorMs: 2,
        pageFloorMs: 1.9,
        annotateMs: 5,
        longestTaskMs: 60,
        readyMs: 200,
        regexpMs: 12,
        markMs: 20,
      }),
      page('c.html', { markMs: null, errors: ['mark.js: failed'] }),
    ];
    const totals = corpusTotals(pages);
    expect(totals).toMatchObject({
      pages: 2,
      skipped: ['c.html'],
      floorMs: 4,
      pageFloorMs: 2.7,
      annotateMs: 7,
      longestTaskMs: 60,
      readyMedianMs: 120,
      regexpMs: 18,
      markMs: 34,
    });
    const checks = checkTargets(totals, null);
    const result = Object.fromEntries(checks.map((c) => [c.name, c.pass]));
    expect(result).toEqual({
      'NormLens / floor (total)': false, // 7 / 4 = 1.75
      'RegExp / NormLens (total)': true, // 18 / 7 = 2.57
      'mark.js / NormLens (total)': false, // 34 / 7 = 4.86
      '100k aliases / 1k aliases (1 MB scan)': null,
      'longest annotation task': false,
      'median normlens:ready': false,
      'content-script index': null,
    });
    // The page-world floor is reported beside the target's floor, never instead of it.
    expect(floorNote(totals)).toBe(
      "NormLens / page-world floor (total): 2.59×; the floor's walk costs 1.48× in an isolated world what it " +
        "costs in the page's world.",
    );
  });

  it('leaves out a page whose page-world floor failed, like any other measurement', () => {
    const totals = corpusTotals([page('a.html', {}), page('b.html', { pageFloorMs: null })]);
    expect(totals).toMatchObject({ pages: 1, skipped: ['b.html'], floorMs: 1, pageFloorMs: 0.8 });
  });

  it('reports nothing as measured when no page is complete', () => {
    const totals = corpusTotals([page('a.html', { annotateMs: null })]);
    expect(totals.floorMs).toBeNull();
    expect(checkTargets(totals, null).every((c) => c.pass === null && c.value === 'n/a')).toBe(true);
  });
});

describe('tables', () => {
  it('aligns text columns: the first left, the others right', () => {
    expect(
      textTable(
        ['page', 'ms'],
        [
          ['a.html', '1.5'],
          ['long-name.html', '12.0'],
        ],
      ),
    ).toBe(
      ['page              ms', '--------------  ----', 'a.html           1.5', 'long-name.html  12.0'].join(
        '\n',
      ),
    );
  });

  it('writes Markdown with escaped pipes and right-aligned numbers', () => {
    expect(markdownTable(['page', 'ms'], [['a|b', '1']])).toBe('| page | ms |\n|---|---:|\n| a\\|b | 1 |');
  });

  it('replaces only the results section, and adds one when missing', () => {
    const doc = `# Benchmarks\n\nHow to run.\n\n${RESULTS_START}\nold\n${RESULTS_END}\n\nAfter.\n`;
    const updated = replaceResultsSection(doc, 'new results');
    expect(updated).toBe(
      `# Benchmarks\n\nHow to run.\n\n${RESULTS_START}\nnew results\n${RESULTS_END}\n\nAfter.\n`,
    );
    expect(replaceResultsSection(updated, 'new results')).toBe(updated);
    expect(replaceResultsSection('# B\n', 'x')).toBe(`# B\n\n${RESULTS_START}\nx\n${RESULTS_END}\n`);
  });
});

describe('generated dictionaries and text', () => {
  it('makes distinct person-like names, the same for the same seed', () => {
    const names = syntheticNames(5000, 9);
    expect(new Set(names).size).toBe(5000);
    expect(names.every((n) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(n))).toBe(true);
    expect(syntheticNames(10, 9)).toEqual(names.slice(0, 10));
  });

  it('writes the requested amount of prose with the mentions in it', () => {
    const options = { chars: 20_000, mentions: ['Paris Call'], wordsPerMention: 20 };
    const paragraphs = generateParagraphs(options);
    const total = paragraphs.reduce((n, p) => n + p.length + 1, 0);
    expect(total).toBeGreaterThanOrEqual(20_000);
    expect(total).toBeLessThan(20_000 + 1300);
    expect(paragraphs.join(' ').split('Paris Call').length).toBeGreaterThan(20);
    expect(generateParagraphs(options)).toEqual(paragraphs);
  });

  it('sizes dictionaries from a slice of the real entities or all of them plus synthetic people', () => {
    const real = ['Alpha', 'Beta', 'Gamma'].map((name, n) => ({
      ...syntheticPerson(n, name),
      aliases: [{ text: `${name} One` }, { text: `${name} Two` }],
    }));
    const synthetic = syntheticNames(10, 1);
    expect(aliasTexts(dictionaryEntities(real, 9, 4, synthetic))).toEqual([
      'Alpha',
      'Alpha One',
      'Alpha Two',
      'Beta',
    ]);
    const big = dictionaryEntities(real, 9, 15, synthetic);
    expect(aliasTexts(big)).toHaveLength(15);
    expect(() => dictionaryEntities(real, 9, 30, synthetic)).toThrow(/synthetic names/);
  });
});
