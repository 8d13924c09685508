/**
 * npm run bench -- [PAGES_DIR] [--runs N] [--write-md] [--no-build] [--skip-dictionary] [--out FILE]
 *
 * Builds the test extension, then (1) runs NormLens and the floors, RegExp and mark.js baselines over every
 * page of PAGES_DIR in Debian's Chromium (default: the project's fixture site; the real run uses
 * ../shared/corpus/pages), and (2) times the matcher on 1 MB of generated text against 1k, 10k and 100k
 * aliases. Prints the tables and the issue's targets with pass/fail marks, writes the results as JSON, and
 * with --write-md rewrites the results section of BENCHMARKS.md. Speed is reported, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM, ROOT } from '../tests/e2e/harness';
import { loadAndCompile } from '../src/dataset/load-sources';
import { describePagesDir, listPages, runCorpusBench } from '../bench/corpus';
import { DEFAULT_DICTIONARY_OPTIONS, runDictionaryBench, type DictionaryResult } from '../bench/dictionary';
import { aliasTexts, buildWire } from '../bench/engine';
import { describeMachine, loadNow, machineInfo } from '../bench/machine';
import { aliasUnionSource } from '../bench/regexp-union';
import {
  checkTargets,
  corpusRows,
  corpusTotals,
  CORPUS_HEADERS,
  DICTIONARY_HEADERS,
  dictionaryRows,
  floorNote,
  markdownTable,
  replaceResultsSection,
  TARGET_HEADERS,
  targetRows,
  textTable,
} from '../bench/report';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '3' },
    'write-md': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'skip-dictionary': { type: 'boolean', default: false },
    out: { type: 'string', default: join(ROOT, '.output/bench/results.json') },
    'quiet-ms': { type: 'string', default: '250' },
    match: { type: 'string' },
  },
});

/** The browser's own version string (the user agent only carries the major version). */
function chromiumVersion(): string {
  const out = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout ?? '';
  return /\d+(\.\d+)+/.exec(out)?.[0] ?? 'unknown';
}

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(1);
}

if (values.match && values['write-md']) fail('--write-md records whole runs only; drop --match');
const pagesDir = resolve(positionals[0] ?? join(ROOT, 'tests/fixtures/site'));
if (!existsSync(pagesDir)) fail(`no page folder at ${pagesDir}`);
const pages = listPages(pagesDir).filter((p) => !values.match || p.includes(values.match));
if (pages.length === 0)
  fail(`no .html pages in ${pagesDir}${values.match ? ` matching ${values.match}` : ''}`);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a positive whole number, not ${values.runs}`);
const quietMs = Number(values['quiet-ms']);
if (!Number.isFinite(quietMs) || quietMs < 0)
  fail(`--quiet-ms must be a number of milliseconds, not ${values['quiet-ms']}`);
if (!existsSync(CHROMIUM))
  fail(`no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);

if (!values['no-build']) {
  // Always rebuild (a few seconds): a stale build would measure yesterday's engine.
  console.log('building the test extension (npm run build:test)...');
  const build = spawnSync('npm run build:test', {
    shell: true,
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) fail('npm run build:test failed');
}

const { dataset, errors } = loadAndCompile(join(ROOT, 'data'));
if (errors.length > 0) fail(`the dataset does not compile (npm run dataset): ${errors[0]}`);
const aliases = aliasTexts(dataset.entities);
const wire = buildWire(dataset.version, dataset.entities);
const unionSource = aliasUnionSource(aliases);

console.log(
  `\nPart 1: ${pages.length} page(s) from ${pagesDir}, ${runs} run(s) each; ${aliases.length} aliases ` +
    `(${wire.aliases.length} in the index) for every method`,
);
const started = Date.now();
const loads = [loadNow()];
const corpus = await runCorpusBench({
  pagesDir,
  pages,
  unionSource,
  markJsPath: join(ROOT, 'node_modules/mark.js/dist/mark.js'),
  runs,
  quietMs,
  timeoutMs: 15_000,
  log: (line) => {
    loads.push(loadNow());
    console.log(line);
  },
});
console.log(`  (${((Date.now() - started) / 1000).toFixed(0)} s)`);

let dictionary: DictionaryResult | null = null;
if (!values['skip-dictionary']) {
  console.log('\nPart 2: 1 MB of generated text, in Node');
  dictionary = runDictionaryBench(dataset, { ...DEFAULT_DICTIONARY_OPTIONS, log: (l) => console.log(l) });
}

loads.push(loadNow());
const machine = machineInfo(chromiumVersion(), Math.max(...loads));
const totals = corpusTotals(corpus.pages);
const targets = checkTargets(totals, dictionary);
const indexNote =
  totals.indexBytes === null
    ? `n/a (no normlens:index mark on this build); the wire index is ${(JSON.stringify(wire).length / 1024).toFixed(0)} KB as JSON`
    : `${(totals.indexBytes / 1024).toFixed(0)} KB`;

console.log(`\nPer page, median of ${runs} run(s); times in ms\n`);
console.log(textTable(CORPUS_HEADERS, corpusRows(corpus.pages, totals)));
if (totals.skipped.length > 0)
  console.log(`\nleft out of the total (a measurement failed): ${totals.skipped.join(', ')}`);
const jsPages = corpus.pages.filter((p) => p.engine !== null && p.engine !== 'wasm').map((p) => p.page);
if (jsPages.length > 0)
  console.log(
    `\nNormLens scanned these pages without WebAssembly (their policy objects): ${jsPages.join(', ')}`,
  );
console.log(`\n${floorNote(totals)}`);
console.log(`\nmedian normlens:ready: ${totals.readyMedianMs?.toFixed(1) ?? 'n/a'} ms; index: ${indexNote}`);
if (dictionary) {
  console.log(`\n1 MB scan (${dictionary.textChars} characters, ${dictionary.runtime})\n`);
  console.log(textTable(DICTIONARY_HEADERS, dictionaryRows(dictionary)));
  console.log(`100k / 1k: ${dictionary.largestOverSmallest?.toFixed(2) ?? 'n/a'}×`);
}
console.log('\nTargets (reported, not asserted)\n');
console.log(textTable(TARGET_HEADERS, targetRows(targets)));
console.log(`\n${describeMachine(machine)}`);

const when = new Date().toISOString();
const out = resolve(values.out);
mkdirSync(resolve(out, '..'), { recursive: true });
writeFileSync(
  out,
  JSON.stringify(
    {
      when,
      machine,
      pagesDir,
      runs,
      aliases: aliases.length,
      corpus: corpus.pages,
      totals,
      dictionary,
      targets,
    },
    null,
    2,
  ) + '\n',
);
console.log(`results: ${out}`);

if (values['write-md']) {
  const file = join(ROOT, 'BENCHMARKS.md');
  const section = [
    `Run ${when.slice(0, 16).replace('T', ' ')} UTC: \`npm run bench -- ${describePagesDir(pagesDir, ROOT)} --write-md\`, ` +
      `${pages.length} pages, median of ${runs} runs per page, ${aliases.length} aliases.`,
    '',
    `Machine: ${describeMachine(machine)}.`,
    '',
    '### Targets',
    '',
    markdownTable(TARGET_HEADERS, targetRows(targets)),
    '',
    `${floorNote(totals)} Median \`normlens:ready\`: ${totals.readyMedianMs?.toFixed(1) ?? 'n/a'} ms. ` +
      `Index: ${indexNote}.`,
    '',
    '### Per page (ms)',
    '',
    markdownTable(CORPUS_HEADERS, corpusRows(corpus.pages, totals)),
    ...(totals.skipped.length > 0 ? ['', `Left out of the total: ${totals.skipped.join(', ')}.`] : []),
    ...(dictionary
      ? [
          '',
          `### 1 MB of generated text (${dictionary.textChars} characters, ${dictionary.runtime})`,
          '',
          markdownTable(DICTIONARY_HEADERS, dictionaryRows(dictionary)),
          '',
          `100k / 1k: ${dictionary.largestOverSmallest?.toFixed(2) ?? 'n/a'}×.`,
        ]
      : []),
  ].join('\n');
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  writeFileSync(file, replaceResultsSection(before, section));
  console.log(`updated ${file}`);
}
