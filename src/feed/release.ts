/**
 * Building a feed folder (Node only: used by scripts/dataset-release.ts and the tests, never bundled into
 * the extension). A feed folder keeps every released snapshot under datasets/, so each release can ship
 * patches from the few versions before it; manifest.json and manifest.sig are rewritten last, so a reader
 * fetching mid-publish sees the old release or the new one.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareVersions } from '../shared/dates';
import { type Dataset } from '../shared/model';
import { parseDataset } from '../shared/model';
import { FEED_FORMAT, type FeedFile, type FeedManifest } from './manifest';
import { makePatch } from './patch';
import { sha256Hex, signManifest, type PrivateKeyFile } from './signature';

export interface ReleaseOptions {
  outDir: string;
  dataset: Dataset;
  keys: readonly PrivateKeyFile[];
  minExtensionVersion: string;
  /** How many earlier versions get a patch to this one. */
  patchesFrom?: number;
  now?: Date;
}

function encode(value: unknown): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(value));
}

async function writeFeedFile(
  outDir: string,
  path: string,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<FeedFile> {
  writeFileSync(join(outDir, path), bytes);
  return { path, size: bytes.length, sha256: await sha256Hex(bytes) };
}

/** Versions already released into this folder, oldest first. */
function releasedVersions(outDir: string): string[] {
  let names: string[] = [];
  try {
    names = readdirSync(join(outDir, 'datasets'));
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.json'))
    .map((n) => n.slice(0, -'.json'.length))
    .sort(compareVersions);
}

export async function writeRelease(options: ReleaseOptions): Promise<FeedManifest> {
  const { outDir, dataset } = options;
  const previous = releasedVersions(outDir).filter((v) => compareVersions(v, dataset.version) < 0);
  const latest = releasedVersions(outDir).at(-1);
  if (latest !== undefined && compareVersions(dataset.version, latest) <= 0) {
    throw new Error(`dataset ${dataset.version} is not newer than the last release ${latest}`);
  }
  mkdirSync(join(outDir, 'datasets'), { recursive: true });
  mkdirSync(join(outDir, 'patches'), { recursive: true });
  const snapshot = await writeFeedFile(outDir, `datasets/${dataset.version}.json`, encode(dataset));
  const patches: FeedManifest['patches'] = [];
  for (const from of previous.slice(-(options.patchesFrom ?? 3))) {
    const base = parseDataset(JSON.parse(readFileSync(join(outDir, 'datasets', `${from}.json`), 'utf8')));
    const path = `patches/${from}_${dataset.version}.json`;
    patches.push({ from, ...(await writeFeedFile(outDir, path, encode(makePatch(base, dataset)))) });
  }
  const manifest: FeedManifest = {
    feedFormat: FEED_FORMAT,
    datasetVersion: dataset.version,
    createdAt: (options.now ?? new Date()).toISOString(),
    minExtensionVersion: options.minExtensionVersion,
    snapshot,
    patches,
  };
  const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest, null, 2) + '\n');
  const signature = await signManifest(manifestBytes, options.keys);
  // Signature first, then the manifest, each by rename: a reader never sees a half-written file.
  writeFileSync(join(outDir, 'manifest.sig.tmp'), JSON.stringify(signature) + '\n');
  writeFileSync(join(outDir, 'manifest.json.tmp'), manifestBytes);
  renameSync(join(outDir, 'manifest.sig.tmp'), join(outDir, 'manifest.sig'));
  renameSync(join(outDir, 'manifest.json.tmp'), join(outDir, 'manifest.json'));
  return manifest;
}
