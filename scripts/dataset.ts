/**
 * npm run dataset [-- --stats] [-- --stale DAYS [--today YYYY-MM-DD]] [-- --export FILE.json]
 *   [-- --export-schema FILE.json]
 * Validates and compiles data/; exits non-zero on any error, printing every one with its file.
 * The export's shape is documented in data/README.md ("Export format").
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadAndCompile } from '../src/dataset/load-sources';
import { datasetStats, formatStats } from '../src/dataset/stats';
import { exportJson, exportJsonSchema } from '../src/dataset/export';
import { formatStale, staleFacts } from '../src/dataset/freshness';

const { values } = parseArgs({
  options: {
    stats: { type: 'boolean' },
    stale: { type: 'string' },
    today: { type: 'string' },
    export: { type: 'string' },
    'export-schema': { type: 'string' },
    data: { type: 'string', default: 'data' },
  },
});

const { dataset, errors } = loadAndCompile(resolve(values.data ?? 'data'));
if (errors.length > 0) {
  for (const e of errors) console.error(`error: ${e}`);
  console.error(`\n${errors.length} error(s); the dataset was not compiled.`);
  process.exit(1);
}
if (values.stats) console.log(formatStats(datasetStats(dataset)));
if (values.stale !== undefined) {
  const days = Number(values.stale);
  if (!Number.isInteger(days) || days < 0) {
    console.error(`--stale takes a whole number of days, not "${values.stale}"`);
    process.exit(2);
  }
  const stale = staleFacts(dataset, values.today ?? new Date().toISOString().slice(0, 10), days);
  console.log(formatStale(stale, days));
  if (stale.length > 0) process.exitCode = 1;
}
if (values.export) {
  writeFileSync(values.export, exportJson(dataset));
  console.log(`wrote ${values.export}`);
}
if (values['export-schema']) {
  writeFileSync(values['export-schema'], JSON.stringify(exportJsonSchema(), null, 2) + '\n');
  console.log(`wrote ${values['export-schema']}`);
}
console.log(
  `dataset ${dataset.version}: ${dataset.entities.length} entities, ${dataset.relations.length} relations, no errors`,
);
