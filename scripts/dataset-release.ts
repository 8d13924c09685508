/**
 * npm run dataset:release -- --out DIR --key FILE [--key FILE2] [--dataset FILE] [--min-extension 0.1.0]
 *                            [--today YYYY-MM-DD]
 * Builds (or extends) a feed folder: compiles data/ (or takes a compiled dataset exported with
 * `npm run dataset -- --export FILE`), writes its snapshot, patches from the previous releases kept in the
 * folder, and manifest.json signed by every --key (two keys while rotating). Upload the folder as is, or let
 * the release workflow publish it (scripts/feed-publish.ts).
 *
 * A --key is a private key file from `npm run dataset:keygen`, or env:NAME for one held in an environment
 * variable (the release workflow's secret). The release is refused when no key is given, when none of the
 * keys is trusted by the builds this repository makes (feed.config.json, NORMLENS_FEED_KEYS), and when a
 * current role or membership has gone unconfirmed for half a year (counted from --today, default today).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { loadAndCompile } from '../src/dataset/load-sources';
import { RELEASE_MAX_UNCONFIRMED_DAYS, formatStale, staleFacts } from '../src/dataset/freshness';
import { parseDataset, type Dataset } from '../src/shared/model';
import { writeRelease } from '../src/feed/release';
import { resolveFeedConfig } from '../src/feed/build-config';
import type { FeedManifest } from '../src/feed/manifest';
import type { PrivateKeyFile } from '../src/feed/signature';

const ROOT = resolve(import.meta.dirname, '..');

/** A release that must not happen, with the reason in words a maintainer can act on. */
export class ReleaseRefused extends Error {}

export interface ReleaseRequest {
  out: string;
  /** Private key files, or env:NAME. */
  keys: readonly string[];
  /** A compiled dataset (JSON); data/ when absent. */
  datasetFile?: string;
  minExtension?: string;
  today?: string;
  env?: Record<string, string | undefined>;
}

function readKey(spec: string, env: Record<string, string | undefined>): PrivateKeyFile {
  let text: string;
  if (spec.startsWith('env:')) {
    const name = spec.slice('env:'.length);
    text = env[name]?.trim() ?? '';
    if (!text) {
      throw new ReleaseRefused(
        `no signing key: ${name} is empty (in the release workflow, set the repository secret ${name} ` +
          'to the content of the *.key.json that npm run dataset:keygen wrote)',
      );
    }
  } else {
    try {
      text = readFileSync(spec, 'utf8');
    } catch {
      throw new ReleaseRefused(`no signing key at ${spec}`);
    }
  }
  let key: Partial<PrivateKeyFile>;
  try {
    key = JSON.parse(text) as Partial<PrivateKeyFile>;
  } catch {
    throw new ReleaseRefused(`${spec} is not JSON: expected a key file from npm run dataset:keygen`);
  }
  if (typeof key.privateKey !== 'string' || typeof key.keyId !== 'string') {
    throw new ReleaseRefused(`${spec} holds no private key: expected the *.key.json, not the *.pub.json`);
  }
  return key as PrivateKeyFile;
}

/** The dataset a release ships: --dataset's file, else data/ compiled. */
export function datasetToRelease(datasetFile: string | undefined): Dataset {
  if (datasetFile) return parseDataset(JSON.parse(readFileSync(datasetFile, 'utf8')));
  const { dataset, errors } = loadAndCompile(resolve(ROOT, 'data'));
  if (errors.length > 0 || !dataset) throw new ReleaseRefused(`dataset errors:\n${errors.join('\n')}`);
  return parseDataset(dataset);
}

export async function releaseDataset(
  request: ReleaseRequest,
  dataset: Dataset = datasetToRelease(request.datasetFile),
): Promise<{ manifest: FeedManifest; keys: PrivateKeyFile[] }> {
  const env = request.env ?? process.env;
  if (request.keys.length === 0)
    throw new ReleaseRefused('no signing key: give --key FILE or --key env:NAME');
  const keys = request.keys.map((spec) => readKey(spec, env));
  // A feed signed only by keys no build trusts would be refused by every reader: say so now, not later.
  const trusted = resolveFeedConfig({ root: ROOT, env }).trustedKeys.map((k) => k.keyId);
  if (!keys.some((k) => trusted.includes(k.keyId))) {
    throw new ReleaseRefused(
      `no signing key is trusted by this repository's builds: signing with ${keys.map((k) => k.keyId).join(', ')}, ` +
        `trusted ${trusted.join(', ') || 'none'} (put the public key in feed.config.json: npm run dataset:keygen -- --trust)`,
    );
  }
  const untrusted = keys.filter((k) => !trusted.includes(k.keyId)).map((k) => k.keyId);
  if (untrusted.length > 0)
    console.log(`also signing with ${untrusted.join(', ')}, trusted by older builds only`);

  // A release must not tell readers someone holds a post that nobody has confirmed for half a year.
  const today = request.today ?? new Date().toISOString().slice(0, 10);
  const staleRoles = staleFacts(dataset, today, RELEASE_MAX_UNCONFIRMED_DAYS).filter(
    (s) => s.kind === 'role',
  );
  if (staleRoles.length > 0) {
    throw new ReleaseRefused(`release refused: ${formatStale(staleRoles, RELEASE_MAX_UNCONFIRMED_DAYS)}`);
  }
  const packageVersion = (
    JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string }
  ).version;
  try {
    const manifest = await writeRelease({
      outDir: resolve(request.out),
      dataset,
      keys,
      minExtensionVersion: request.minExtension ?? packageVersion,
    });
    return { manifest, keys };
  } catch (error) {
    throw new ReleaseRefused(`release failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Run a release command: refusals and failures are one clear line and exit code 1. */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      key: { type: 'string', multiple: true },
      dataset: { type: 'string' },
      'min-extension': { type: 'string' },
      today: { type: 'string' },
    },
  });
  if (!values.out) {
    console.error(
      'usage: npm run dataset:release -- --out DIR --key FILE|env:NAME [--key ...] [--dataset FILE] ' +
        '[--min-extension V] [--today YYYY-MM-DD]',
    );
    process.exit(2);
  }
  const out = values.out;
  await runCli(async () => {
    const { manifest, keys } = await releaseDataset({
      out,
      keys: values.key ?? [],
      datasetFile: values.dataset,
      minExtension: values['min-extension'],
      today: values.today,
    });
    console.log(
      `released dataset ${manifest.datasetVersion} to ${out}: snapshot ${manifest.snapshot.size} bytes, ` +
        `patches from ${manifest.patches.map((p) => p.from).join(', ') || 'none'}; ` +
        `signed by ${keys.map((k) => k.keyId).join(', ')}; for extensions ${manifest.minExtensionVersion} and later`,
    );
  });
}
