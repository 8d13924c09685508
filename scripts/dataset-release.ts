/**
 * npm run dataset:release -- --out DIR --key FILE [--key FILE2] [--dataset FILE] [--min-extension 0.1.0]
 * Builds (or extends) a feed folder: compiles data/ (or takes a compiled dataset exported with
 * `npm run dataset -- --export FILE`), writes its snapshot, patches from the previous releases kept in the
 * folder, and manifest.json signed by every --key (two keys while rotating). Upload the folder as is.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadAndCompile } from '../src/dataset/load-sources';
import { RELEASE_MAX_UNCONFIRMED_DAYS, formatStale, staleFacts } from '../src/dataset/freshness';
import { parseDataset } from '../src/shared/model';
import { writeRelease } from '../src/feed/release';
import type { PrivateKeyFile } from '../src/feed/signature';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    key: { type: 'string', multiple: true },
    dataset: { type: 'string' },
    'min-extension': { type: 'string' },
  },
});
if (!values.out || !values.key?.length) {
  console.error(
    'usage: npm run dataset:release -- --out DIR --key FILE [--dataset FILE] [--min-extension V]',
  );
  process.exit(2);
}

function compiled() {
  if (values.dataset) return parseDataset(JSON.parse(readFileSync(values.dataset, 'utf8')));
  const { dataset, errors } = loadAndCompile(resolve(import.meta.dirname, '../data'));
  if (errors.length > 0 || !dataset) throw new Error(`dataset errors:\n${errors.join('\n')}`);
  return parseDataset(dataset);
}

const packageVersion = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../package.json'), 'utf8')) as {
    version: string;
  }
).version;
// A release must not tell readers someone holds a post that nobody has confirmed for half a year.
const dataset = compiled();
const staleRoles = staleFacts(
  dataset,
  new Date().toISOString().slice(0, 10),
  RELEASE_MAX_UNCONFIRMED_DAYS,
).filter((s) => s.kind === 'role');
if (staleRoles.length > 0) {
  console.error(`release refused: ${formatStale(staleRoles, RELEASE_MAX_UNCONFIRMED_DAYS)}`);
  process.exit(1);
}
const keys = values.key.map((file) => JSON.parse(readFileSync(file, 'utf8')) as PrivateKeyFile);
const manifest = await writeRelease({
  outDir: resolve(values.out),
  dataset,
  keys,
  minExtensionVersion: values['min-extension'] ?? packageVersion,
}).catch((error: unknown) => {
  console.error(`release failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
console.log(
  `released dataset ${manifest.datasetVersion} to ${values.out}: snapshot ${manifest.snapshot.size} bytes, ` +
    `patches from ${manifest.patches.map((p) => p.from).join(', ') || 'none'}; signed by ${keys.map((k) => k.keyId).join(', ')}`,
);
