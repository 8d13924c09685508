/**
 * Turns benchmark results into what people read: the per-page table (plain text for the terminal,
 * Markdown for BENCHMARKS.md), the totals, and the targets with a pass/fail mark each. Pure: no
 * I/O, so the numbers and their formatting are unit-tested.
 */
import type { PageResult } from './corpus';
import type { DictionaryResult } from './dictionary';
import { maxOrNull, median, ratio, sumOrNull } from './stats';

export interface CorpusTotals {
  /** Pages with every measurement (the totals are over these only). */
  pages: number;
  skipped: string[];
  chars: number | null;
  floorMs: number | null;
  pageFloorMs: number | null;
  annotateMs: number | null;
  longestTaskMs: number | null;
  readyMedianMs: number | null;
  regexpMs: number | null;
  markMs: number | null;
  indexBytes: number | null;
}

/** The timed measurements of a page: a page is in the totals only when every one of them was measured. */
export const TIMED: readonly (keyof PageResult)[] = [
  'floorMs',
  'pageFloorMs',
  'annotateMs',
  'longestTaskMs',
  'readyMs',
  'regexpMs',
  'markMs',
];

export function isComplete(page: PageResult): boolean {
  return TIMED.every((k) => typeof page[k] === 'number');
}

export function corpusTotals(pages: readonly PageResult[]): CorpusTotals {
  const complete = pages.filter(isComplete);
  // With no complete page, every total is "not measured", not zero.
  const col = (k: keyof PageResult): (number | null)[] =>
    complete.length === 0 ? [null] : complete.map((p) => p[k] as number | null);
  return {
    pages: complete.length,
    skipped: pages.filter((p) => !isComplete(p)).map((p) => p.page),
    chars: sumOrNull(col('chars')),
    floorMs: sumOrNull(col('floorMs')),
    pageFloorMs: sumOrNull(col('pageFloorMs')),
    annotateMs: sumOrNull(col('annotateMs')),
    longestTaskMs: maxOrNull(col('longestTaskMs')),
    readyMedianMs: median(col('readyMs')),
    regexpMs: sumOrNull(col('regexpMs')),
    markMs: sumOrNull(col('markMs')),
    indexBytes: maxOrNull(pages.map((p) => p.indexBytes)),
  };
}

export interface TargetCheck {
  name: string;
  target: string;
  value: string;
  /** null when the value could not be measured. */
  pass: boolean | null;
}

const MB = 1024 * 1024;

export function checkTargets(totals: CorpusTotals, dictionary: DictionaryResult | null): TargetCheck[] {
  const check = (
    name: string,
    target: string,
    value: number | null,
    shown: (v: number) => string,
    ok: (v: number) => boolean,
  ): TargetCheck => ({
    name,
    target,
    value: value === null ? 'n/a' : shown(value),
    pass: value === null ? null : ok(value),
  });
  const x = (v: number): string => `${v.toFixed(2)}×`;
  const ms = (v: number): string => `${v.toFixed(1)} ms`;
  return [
    check('NormLens / floor (total)', '≤ 1.5×', ratio(totals.annotateMs, totals.floorMs), x, (v) => v <= 1.5),
    check(
      'RegExp / NormLens (total)',
      '≥ 2.5×',
      ratio(totals.regexpMs, totals.annotateMs),
      x,
      (v) => v >= 2.5,
    ),
    check('mark.js / NormLens (total)', '≥ 6×', ratio(totals.markMs, totals.annotateMs), x, (v) => v >= 6),
    check(
      '100k aliases / 1k aliases (1 MB scan)',
      '≤ 1.5×',
      dictionary?.largestOverSmallest ?? null,
      x,
      (v) => v <= 1.5,
    ),
    check('longest annotation task', '≤ 50 ms', totals.longestTaskMs, ms, (v) => v <= 50),
    check('median normlens:ready', '< 100 ms', totals.readyMedianMs, ms, (v) => v < 100),
    check(
      'content-script index',
      '< 10 MB',
      totals.indexBytes,
      (v) => `${(v / MB).toFixed(2)} MB`,
      (v) => v < 10 * MB,
    ),
  ];
}

/**
 * The two floors side by side: NormLens against the walk in the page's own world too, and what the
 * isolated world adds to the same walk.
 */
export function floorNote(totals: CorpusTotals): string {
  const x = (v: number | null): string => (v === null ? 'n/a' : `${v.toFixed(2)}×`);
  return (
    `NormLens / page-world floor (total): ${x(ratio(totals.annotateMs, totals.pageFloorMs))}; ` +
    `the floor's walk costs ${x(ratio(totals.floorMs, totals.pageFloorMs))} in an isolated world what it costs ` +
    `in the page's world.`
  );
}

export function mark(pass: boolean | null): string {
  return pass === null ? 'n/a' : pass ? 'PASS' : 'FAIL';
}

function fmtMs(v: number | null): string {
  return v === null ? 'n/a' : v.toFixed(1);
}

function fmtRatio(v: number | null): string {
  return v === null ? 'n/a' : `${v.toFixed(2)}×`;
}

export const CORPUS_HEADERS = [
  'page',
  'chars',
  'floor',
  'page floor',
  'NL annotate',
  'NL longest',
  'NL ready',
  'RegExp',
  'mark.js',
  'NL/floor',
  'RegExp/NL',
  'mark.js/NL',
];

/** One row per page and a total row; times in ms. */
export function corpusRows(pages: readonly PageResult[], totals: CorpusTotals): string[][] {
  const row = (
    name: string,
    chars: number | null,
    floor: number | null,
    pageFloor: number | null,
    annotate: number | null,
    longest: number | null,
    ready: number | null,
    regexp: number | null,
    markJs: number | null,
  ): string[] => [
    name,
    chars === null ? 'n/a' : String(Math.round(chars)),
    fmtMs(floor),
    fmtMs(pageFloor),
    fmtMs(annotate),
    fmtMs(longest),
    fmtMs(ready),
    fmtMs(regexp),
    fmtMs(markJs),
    fmtRatio(ratio(annotate, floor)),
    fmtRatio(ratio(regexp, annotate)),
    fmtRatio(ratio(markJs, annotate)),
  ];
  return [
    ...pages.map((p) =>
      row(
        p.page,
        p.chars,
        p.floorMs,
        p.pageFloorMs,
        p.annotateMs,
        p.longestTaskMs,
        p.readyMs,
        p.regexpMs,
        p.markMs,
      ),
    ),
    row(
      `TOTAL (${totals.pages} pages; ready = median)`,
      totals.chars,
      totals.floorMs,
      totals.pageFloorMs,
      totals.annotateMs,
      totals.longestTaskMs,
      totals.readyMedianMs,
      totals.regexpMs,
      totals.markMs,
    ),
  ];
}

/** A fixed-width text table; every column but the first is right-aligned. */
export function textTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const escape = (c: string): string => c.replace(/\|/g, '\\|');
  const line = (cells: readonly string[]): string => `| ${cells.map(escape).join(' | ')} |`;
  const align = headers.map((_, i) => (i === 0 ? '---' : '---:'));
  return [line(headers), `|${align.join('|')}|`, ...rows.map(line)].join('\n');
}

export const DICTIONARY_HEADERS = ['matcher', 'aliases', 'scan 1 MB (ms)', 'build (ms)', 'mentions'];

export function dictionaryRows(result: DictionaryResult): string[][] {
  return [
    ...result.runs.map((r) => [
      'NormLens',
      String(r.aliases),
      r.scanMs.toFixed(1),
      r.buildMs.toFixed(0),
      String(r.mentions),
    ]),
    ...result.regexp.map((r) => [
      'RegExp union',
      String(r.names),
      r.scanMs === null
        ? `> ${(r.capMs / 1000).toFixed(0)} s (${(r.scannedFraction * 100).toFixed(0)}% done)`
        : r.scanMs.toFixed(1),
      '–',
      String(r.hits),
    ]),
  ];
}

export function targetRows(checks: readonly TargetCheck[]): string[][] {
  return checks.map((c) => [c.name, c.target, c.value, mark(c.pass)]);
}

export const TARGET_HEADERS = ['target', 'goal', 'measured', 'result'];

export const RESULTS_START = '<!-- bench:results:start (written by npm run bench -- --write-md) -->';
export const RESULTS_END = '<!-- bench:results:end -->';

/** Replace the text between the results markers (appending the markers when the document lacks them). */
export function replaceResultsSection(doc: string, section: string): string {
  const block = `${RESULTS_START}\n${section.trim()}\n${RESULTS_END}`;
  const start = doc.indexOf(RESULTS_START);
  const end = doc.indexOf(RESULTS_END);
  if (start < 0 || end < start) return `${doc.trimEnd()}\n\n${block}\n`;
  return doc.slice(0, start) + block + doc.slice(end + RESULTS_END.length);
}
