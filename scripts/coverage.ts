/**
 * npm run coverage [-- --set dev|holdout] [-- --misses] [-- --json FILE]
 * How many of the names real cyber-policy articles give NormLens explains, by kind (data/coverage/README.md).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { buildAliasIndex, MatchIndex } from '../src/annotate/alias-index';
import { loadAndCompile } from '../src/dataset/load-sources';
import {
  COVERAGE_TARGETS,
  TARGET_KINDS,
  coverageSet,
  measureCoverage,
  type CoverageReport,
} from '../src/coverage/coverage';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'dev' },
    misses: { type: 'boolean' },
    json: { type: 'string' },
  },
});

const root = resolve(import.meta.dirname, '..');
const { dataset, errors } = loadAndCompile(join(root, 'data'));
if (errors.length > 0) {
  console.error(`the dataset has ${errors.length} error(s); run npm run dataset`);
  process.exit(1);
}
const file = join(root, 'data', 'coverage', `${values.set}.yaml`);
const set = coverageSet.parse(parse(readFileSync(file, 'utf8')));
const index = new MatchIndex(buildAliasIndex(dataset.version, dataset.entities), 'js');
const report = measureCoverage(set, index);

const pct = (a: number, b: number): string =>
  b === 0 ? '   -  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`;
console.log(
  `coverage of data/coverage/${values.set}.yaml: ${report.articles} articles, ${report.outlets} outlets, dataset ${dataset.version}`,
);
console.log('kind            names explained          occurrences explained     target');
for (const [kind, t] of Object.entries(report.byKind).sort()) {
  const target = (TARGET_KINDS as readonly string[]).includes(kind);
  const pass =
    t.namesExplained / t.names >= COVERAGE_TARGETS.names &&
    t.occurrencesExplained / t.occurrences >= COVERAGE_TARGETS.occurrences;
  console.log(
    `${kind.padEnd(14)}  ${String(t.namesExplained).padStart(4)}/${String(t.names).padEnd(5)} ${pct(t.namesExplained, t.names)}` +
      `      ${String(t.occurrencesExplained).padStart(5)}/${String(t.occurrences).padEnd(5)} ${pct(t.occurrencesExplained, t.occurrences)}` +
      `     ${target ? (pass ? 'PASS' : 'FAIL') : ''}`,
  );
}

if (values.misses) printMisses(report);
if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 2) + '\n');

function printMisses(r: CoverageReport): void {
  const misses = r.results.filter((x) => x.explained < x.entry.count);
  const byKind = new Map<string, typeof misses>();
  for (const m of misses) byKind.set(m.entry.kind, [...(byKind.get(m.entry.kind) ?? []), m]);
  for (const [kind, list] of [...byKind].sort()) {
    console.log(`\nmisses, ${kind} (${list.length}):`);
    for (const m of list) {
      const why =
        m.wrongEntity > 0
          ? `wrong entity: ${m.chosen.join(', ')}`
          : m.wrongKind > 0
            ? `wrong kind: ${m.chosen.join(', ')}`
            : 'not found';
      console.log(
        `  ${m.entry.text} (${m.explained}/${m.entry.count}) = ${m.entry.means} [${why}] ${m.article.slice(0, 70)}`,
      );
    }
  }
}
