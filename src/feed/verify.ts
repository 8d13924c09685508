/**
 * Download and verify an update without touching the database: manifest signature by a trusted key,
 * manifest schema, minimum extension version, no downgrade or replay, then the one file needed (the patch
 * made from the installed version, else the snapshot) checked for size, SHA-256, JSON and schema of every
 * record. The result is a StagedUpdate that can be applied as is.
 */
import type { z } from 'zod';
import { compareVersions, isPlausibleVersion } from '../shared/dates';
import { dataset as datasetSchema, type Dataset } from '../shared/model';
import { FeedError } from './errors';
import { fetchLimited, type FetchFn } from './fetch-limited';
import { datasetPatch, feedManifest, type DatasetPatch, type FeedFile, type FeedManifest } from './manifest';
import { sha256Hex, verifyManifestSignature, type TrustedKey } from './signature';

const MANIFEST_MAX_BYTES = 256 * 1024;
const SIGNATURE_MAX_BYTES = 8 * 1024;
/** No dataset file may be larger than this, whatever a manifest says. */
const DATA_MAX_BYTES = 32 * 1024 * 1024;

export type StagedUpdate =
  | { kind: 'snapshot'; version: string; dataset: Dataset }
  | { kind: 'patch'; version: string; patch: DatasetPatch };

export interface VerifyContext {
  feedUrl: string;
  trustedKeys: readonly TrustedKey[];
  installedVersion: string | undefined;
  extensionVersion: string;
  timeoutMs: number;
  manifestEtag?: string;
  fetchFn?: FetchFn;
  /** The reader's clock (tests set it). */
  now?: Date;
}

export type VerifyOutcome =
  | { status: 'not-modified' }
  | { status: 'up-to-date'; manifestEtag?: string; version: string }
  | { status: 'update'; update: StagedUpdate; manifestEtag?: string; manifest: FeedManifest };

/** Resolve a feed file against the feed URL (which names the folder, with or without a trailing slash). */
function feedFileUrl(feedUrl: string, path: string): string {
  return new URL(path, feedUrl.endsWith('/') ? feedUrl : `${feedUrl}/`).href;
}

function parseJson(bytes: Uint8Array, name: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new FeedError('bad-json', [name]);
  }
}

function parseWith<T>(schema: z.ZodType<T>, json: unknown, name: string): T {
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new FeedError('invalid-record', [name, `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`]);
  }
  return result.data;
}

async function download(ctx: VerifyContext, file: FeedFile): Promise<Uint8Array<ArrayBuffer>> {
  const got = await fetchLimited(
    feedFileUrl(ctx.feedUrl, file.path),
    file.path,
    { timeoutMs: ctx.timeoutMs, maxBytes: DATA_MAX_BYTES, expectedSize: file.size },
    ctx.fetchFn,
  );
  if (got.status !== 'ok') throw new FeedError('http', [file.path, '304']);
  if (got.bytes.length !== file.size) throw new FeedError('size-mismatch', [file.path]);
  if ((await sha256Hex(got.bytes)) !== file.sha256) throw new FeedError('hash-mismatch', [file.path]);
  return got.bytes;
}

export async function fetchAndVerify(ctx: VerifyContext): Promise<VerifyOutcome> {
  const limits = { timeoutMs: ctx.timeoutMs, maxBytes: MANIFEST_MAX_BYTES };
  const got = await fetchLimited(
    feedFileUrl(ctx.feedUrl, 'manifest.json'),
    'manifest.json',
    { ...limits, etag: ctx.manifestEtag },
    ctx.fetchFn,
  );
  if (got.status === 'not-modified') return { status: 'not-modified' };
  const sig = await fetchLimited(
    feedFileUrl(ctx.feedUrl, 'manifest.sig'),
    'manifest.sig',
    { ...limits, maxBytes: SIGNATURE_MAX_BYTES },
    ctx.fetchFn,
  );
  if (sig.status !== 'ok') throw new FeedError('http', ['manifest.sig', '304']);

  // Nothing in the manifest is believed (not even its JSON) before the signature over its bytes checks out.
  await verifyManifestSignature(got.bytes, parseJson(sig.bytes, 'manifest.sig'), ctx.trustedKeys);
  const manifestJson = parseJson(got.bytes, 'manifest.json');
  const parsed = feedManifest.safeParse(manifestJson);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FeedError('bad-manifest', [`${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`]);
  }
  const manifest = parsed.data;

  if (compareVersions(ctx.extensionVersion, manifest.minExtensionVersion) < 0) {
    throw new FeedError('extension-too-old', [manifest.minExtensionVersion, ctx.extensionVersion]);
  }
  const now = ctx.now ?? new Date();
  // A version dated well after its own release, or a release dated well after today, is a typo or a bad
  // release: believed, it would refuse every real release after it.
  if (
    !isPlausibleVersion(manifest.datasetVersion, now) ||
    !isPlausibleVersion(manifest.datasetVersion, new Date(manifest.createdAt))
  ) {
    throw new FeedError('future-version', [manifest.datasetVersion, manifest.createdAt.slice(0, 10)]);
  }
  const installed = ctx.installedVersion;
  // An installed version that could not exist yet came from such a release: any plausible one replaces it.
  if (installed !== undefined && isPlausibleVersion(installed, now)) {
    const order = compareVersions(manifest.datasetVersion, installed);
    if (order === 0) return { status: 'up-to-date', manifestEtag: got.etag, version: installed };
    if (order < 0) throw new FeedError('older-version', [manifest.datasetVersion, installed]);
  }

  const patchFile = manifest.patches.find((p) => p.from === installed);
  if (patchFile) {
    const patch = parseWith(
      datasetPatch,
      parseJson(await download(ctx, patchFile), patchFile.path),
      patchFile.path,
    );
    // The signed manifest says which base this file is for; the file itself must agree on both ends.
    if (patch.from !== installed) throw new FeedError('wrong-base', [patch.from, installed ?? '']);
    if (patch.to !== manifest.datasetVersion) {
      throw new FeedError('invalid-record', [patchFile.path, `to: ${patch.to}`]);
    }
    return {
      status: 'update',
      update: { kind: 'patch', version: patch.to, patch },
      manifestEtag: got.etag,
      manifest,
    };
  }
  const snapshotPath = manifest.snapshot.path;
  const dataset = parseWith(
    datasetSchema,
    parseJson(await download(ctx, manifest.snapshot), snapshotPath),
    snapshotPath,
  );
  if (dataset.version !== manifest.datasetVersion) {
    throw new FeedError('invalid-record', [snapshotPath, `version: ${dataset.version}`]);
  }
  return {
    status: 'update',
    update: { kind: 'snapshot', version: dataset.version, dataset },
    manifestEtag: got.etag,
    manifest,
  };
}
