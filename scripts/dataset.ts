/**
 * npm run dataset [-- --stats] [-- --export FILE.json]
 * Validates and compiles data/; exits non-zero on any error, printing every one with its file.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadAndCompile } from '../src/dataset/load-sources';
import { datasetStats, formatStats } from '../src/dataset/stats';

const { values } = parseArgs({
  options: {
    stats: { type: 'boolean' },
    export: { type: 'string' },
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
if (values.export) {
  writeFileSync(values.export, JSON.stringify(dataset, null, 2) + '\n');
  console.log(`wrote ${values.export}`);
}
console.log(
  `dataset ${dataset.version}: ${dataset.entities.length} entities, ${dataset.relations.length} relations, no errors`,
);
