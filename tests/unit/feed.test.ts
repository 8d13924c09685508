import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { NormLensDB } from '../../src/db/database';
import { installedDataset } from '../../src/db/dataset';
import { datasetStore, seedDataset } from '../../src/background/dataset';
import { fakeBrowser } from 'wxt/testing';
import {
  feedStateItem,
  getFeedConfig,
  getFeedState,
  getReaderSettings,
  getSites,
  readerSettingsItem,
  sitesItem,
} from '../../src/shared/storage';
import { FeedError } from '../../src/feed/errors';
import { fetchLimited } from '../../src/feed/fetch-limited';
import { applyPatch, makePatch } from '../../src/feed/patch';
import { writeRelease } from '../../src/feed/release';
import {
  generateSigningKey,
  signManifest,
  verifyManifestSignature,
  type PrivateKeyFile,
} from '../../src/feed/signature';
import { backoffDelayMs, isAllowedFeedUrl } from '../../src/feed/state';
import { resumeStaged, runCheck, type UpdaterDeps } from '../../src/feed/update-check';

const installedDatasetVersion = async (db: NormLensDB) => (await installedDataset(db))?.version;
const readState = (_db: NormLensDB) => getFeedState();
import { fetchAndVerify } from '../../src/feed/verify';
import { dataset, folderFetch, rewrite, tempDir } from './feed-helpers';

const FEED = 'https://feed.test/feed/';
let key: PrivateKeyFile;
let otherKey: PrivateKeyFile;
beforeEach(async () => {
  key ??= await generateSigningKey();
  otherKey ??= await generateSigningKey();
});

const v1 = dataset('2026.1.1', ['Paris Call', 'Budapest Convention']);
const v2 = dataset('2026.2.1', ['Paris Call', 'Budapest Convention', 'Zorblax Accord']);

async function feedWith(...versions: (typeof v1)[]): Promise<string> {
  const dir = tempDir();
  for (const d of versions) {
    await writeRelease({ outDir: dir, dataset: d, keys: [key], minExtensionVersion: '0.1.0' });
  }
  return dir;
}

describe('signatures', () => {
  const bytes = new TextEncoder().encode('{"a":1}\n');

  it('accepts a trusted key and rejects tampering and unknown keys', async () => {
    const sig = await signManifest(bytes, [key]);
    await expect(verifyManifestSignature(bytes, sig, [key])).resolves.toBe(key.keyId);
    const tampered = new TextEncoder().encode('{"a":2}\n');
    await expect(verifyManifestSignature(tampered, sig, [key])).rejects.toMatchObject({
      code: 'bad-signature',
    });
    await expect(verifyManifestSignature(bytes, sig, [otherKey])).rejects.toMatchObject({
      code: 'unknown-key',
    });
  });

  it('accepts a release signed by an old and a new key while keys rotate', async () => {
    const sig = await signManifest(bytes, [otherKey, key]);
    await expect(verifyManifestSignature(bytes, sig, [key])).resolves.toBe(key.keyId);
  });

  it('rejects a malformed signature file', async () => {
    await expect(verifyManifestSignature(bytes, { signatures: [] }, [key])).rejects.toBeInstanceOf(FeedError);
  });
});

describe('patches', () => {
  it('turns the base into the target, with upserts and deletes', () => {
    const v3 = dataset('2026.3.1', ['Paris Call', 'Zorblax Accord']);
    v3.entities[0]!.summary = 'Changed summary of the call.';
    v3.relations = [];
    const patch = makePatch(v2, v3);
    expect(patch.entities.put.map((e) => e.id)).toEqual(['paris-call']);
    expect(patch.entities.delete).toEqual(['budapest-convention']);
    const result = applyPatch(v2, patch);
    expect(result.version).toBe('2026.3.1');
    expect(new Set(result.entities.map((e) => e.id))).toEqual(new Set(v3.entities.map((e) => e.id)));
    expect(result.entities.find((e) => e.id === 'paris-call')?.summary).toBe('Changed summary of the call.');
    expect(result.relations).toEqual([]);
  });

  it('refuses another base version and dangling relations', () => {
    const patch = makePatch(v1, v2);
    expect(() => applyPatch(v2, patch)).toThrow(/wrong-base/);
    const bad = { ...patch, entities: { put: [], delete: ['paris-call'] } };
    expect(() => applyPatch(v1, bad)).toThrow(/invalid-record/);
  });
});

describe('fetchLimited', () => {
  const body = (n: number) => new Uint8Array(n).fill(65);

  it('rejects a body over the cap while streaming, even without Content-Length', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 10; i++) c.enqueue(body(100));
        c.close();
      },
    });
    const fetchFn = async () => new Response(stream);
    await expect(
      fetchLimited('https://x/a', 'a', { timeoutMs: 1000, maxBytes: 500 }, fetchFn),
    ).rejects.toMatchObject({ code: 'too-large' });
  });

  it('rejects a body shorter than the manifest promised', async () => {
    const fetchFn = async () => new Response(body(10));
    await expect(
      fetchLimited('https://x/a', 'a', { timeoutMs: 1000, maxBytes: 500, expectedSize: 20 }, fetchFn),
    ).rejects.toMatchObject({ code: 'truncated' });
  });

  it('times out a server that never answers', async () => {
    const fetchFn = (_: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    await expect(
      fetchLimited('https://x/a', 'a', { timeoutMs: 20, maxBytes: 500 }, fetchFn),
    ).rejects.toMatchObject({
      code: 'timeout',
    });
  });

  it('sends If-None-Match and reports 304 as not modified', async () => {
    let sent: string | null = null;
    const fetchFn = async (_: RequestInfo | URL, init?: RequestInit) => {
      sent = new Headers(init?.headers).get('if-none-match');
      return new Response(null, { status: 304 });
    };
    const got = await fetchLimited(
      'https://x/a',
      'a',
      { timeoutMs: 1000, maxBytes: 5, etag: '"e1"' },
      fetchFn,
    );
    expect(got.status).toBe('not-modified');
    expect(sent).toBe('"e1"');
  });
});

describe('fetchAndVerify', () => {
  const ctx = (dir: string, installedVersion: string | undefined, fetchFn = folderFetch(dir)) => ({
    feedUrl: FEED,
    trustedKeys: [key],
    installedVersion,
    extensionVersion: '0.1.0',
    timeoutMs: 1000,
    fetchFn,
  });

  it('refuses a release dated ahead of itself, and lets a reader stuck on one take the next real release', async () => {
    const bad = await feedWith(dataset('9999.12.31', ['Paris Call', 'Budapest Convention']));
    await expect(fetchAndVerify(ctx(bad, '2026.1.1'))).rejects.toMatchObject({ code: 'future-version' });
    // A reader who installed such a version before this check existed is not locked out: any plausible
    // release replaces it, even one numbered lower.
    const good = await feedWith(v1, v2);
    const rescued = await fetchAndVerify(ctx(good, '9999.12.31'));
    expect(rescued.status === 'update' && rescued.update.version).toBe('2026.2.1');
  });

  it('picks the patch made from the installed version, else the snapshot', async () => {
    const dir = await feedWith(v1, v2);
    const fromV1 = await fetchAndVerify(ctx(dir, '2026.1.1'));
    expect(fromV1.status === 'update' && fromV1.update.kind).toBe('patch');
    const fromOther = await fetchAndVerify(ctx(dir, '2025.12.1'));
    expect(fromOther.status === 'update' && fromOther.update.kind).toBe('snapshot');
    expect(await fetchAndVerify(ctx(dir, '2026.2.1'))).toMatchObject({ status: 'up-to-date' });
  });

  it.each([
    ['an older version (no downgrade, no replay)', 'older-version', (dir: string) => dir, '2026.3.1'],
    [
      'a hash mismatch',
      'hash-mismatch',
      (dir: string) => rewrite(join(dir, 'datasets/2026.2.1.json'), (t) => t.replace('Zorblax', 'Zorblix')),
      undefined,
    ],
    [
      'a schema-invalid record (signed, hash correct)',
      'invalid-record',
      async (dir: string) => {
        const bad = { ...v2, entities: [...v2.entities, { id: 'Not Kebab', kind: 'initiative' }] };
        writeFileSync(join(dir, 'v.json'), JSON.stringify(bad));
        await writeRelease({
          outDir: dir,
          dataset: { ...v2, version: '2026.4.1' },
          keys: [key],
          minExtensionVersion: '0.1.0',
        });
        // Replace the new snapshot with the invalid one and re-sign a manifest that pins its real hash.
        const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
        const bytes = readFileSync(join(dir, 'v.json'));
        const { sha256Hex } = await import('../../src/feed/signature');
        manifest.snapshot = {
          path: 'v.json',
          size: bytes.length,
          sha256: await sha256Hex(new Uint8Array(bytes)),
        };
        manifest.patches = [];
        const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest));
        writeFileSync(join(dir, 'manifest.json'), manifestBytes);
        writeFileSync(join(dir, 'manifest.sig'), JSON.stringify(await signManifest(manifestBytes, [key])));
      },
      undefined,
    ],
    [
      'a manifest needing a newer extension',
      'extension-too-old',
      async (dir: string) => {
        await writeRelease({
          outDir: dir,
          dataset: { ...v2, version: '2026.5.1' },
          keys: [key],
          minExtensionVersion: '9.0.0',
        });
      },
      undefined,
    ],
  ] as const)('refuses %s', async (_name, code, spoil, installed) => {
    const dir = await feedWith(v1, v2);
    await spoil(dir);
    await expect(fetchAndVerify(ctx(dir, installed))).rejects.toMatchObject({ code });
  });

  it('refuses a patch whose own base differs from the one the manifest lists', async () => {
    const dir = await feedWith(v1, v2);
    // Publisher error: the patch file says it is from another version (hash and signature updated to match).
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const patchPath = join(dir, manifest.patches[0].path);
    rewrite(patchPath, (t) => t.replace('"from":"2026.1.1"', '"from":"2025.1.1"'));
    const bytes = new Uint8Array(readFileSync(patchPath));
    const { sha256Hex } = await import('../../src/feed/signature');
    manifest.patches[0] = { ...manifest.patches[0], size: bytes.length, sha256: await sha256Hex(bytes) };
    const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest));
    writeFileSync(join(dir, 'manifest.json'), manifestBytes);
    writeFileSync(join(dir, 'manifest.sig'), JSON.stringify(await signManifest(manifestBytes, [key])));
    await expect(fetchAndVerify(ctx(dir, '2026.1.1'))).rejects.toMatchObject({ code: 'wrong-base' });
  });
});

describe('runCheck (state machine over a real database)', () => {
  let db: NormLensDB;
  let now: number;
  beforeEach(async () => {
    db = new NormLensDB(`feed-${Math.random()}`);
    await db.open();
    await seedDataset(db, v1);
    fakeBrowser.reset();
    await sitesItem.setValue([{ pattern: 'https://a.org/*', hostname: 'a.org', addedAt: 'x' }]);
    await readerSettingsItem.setValue({ ...(await getReaderSettings()), demonyms: false });
    now = Date.parse('2026-11-27T10:00:00Z');
  });
  const deps = (dir: string, extra: Partial<UpdaterDeps> = {}): UpdaterDeps => ({
    store: datasetStore(db),
    kept: {
      config: getFeedConfig,
      state: getFeedState,
      writeState: (state) => feedStateItem.setValue(state),
    },
    trustedKeys: [key],
    defaultFeedUrl: FEED,
    extensionVersion: '0.1.0',
    timeoutMs: 1000,
    isOnline: () => true,
    now: () => new Date(now),
    random: () => 0.5,
    fetchFn: folderFetch(dir),
    ...extra,
  });
  const snapshot = async () => ({
    entities: await db.entities.toArray(),
    relations: await db.relations.toArray(),
    meta: await db.meta.toArray(),
    settings: await getReaderSettings(),
    sites: await getSites(),
  });

  it('applies a patch atomically, leaves settings and sites alone, and reports the new index', async () => {
    const dir = await feedWith(v1, v2);
    const pushed: string[] = [];
    const result = await runCheck(deps(dir, { onApplied: async (index) => void pushed.push(index.version) }));
    expect(result).toBe('updated');
    expect(await installedDatasetVersion(db)).toBe('2026.2.1');
    expect(await db.entities.get('zorblax-accord')).toBeDefined();
    expect(pushed).toEqual(['2026.2.1']);
    expect(await getSites()).toHaveLength(1);
    expect((await getReaderSettings()).demonyms).toBe(false);
    expect(await db.staging.count()).toBe(0);
  });

  it('uses the ETag next time and counts 304 as up to date', async () => {
    const dir = await feedWith(v1, v2);
    const fetchFn = folderFetch(dir);
    await runCheck(deps(dir, { fetchFn }));
    await runCheck(deps(dir, { fetchFn }));
    const manifestRequests = fetchFn.requests.filter((r) => r.path === 'manifest.json');
    expect(manifestRequests[1]?.headers.get('if-none-match')).toMatch(/^"/);
    expect((await readState(db)).lastResult).toBe('up-to-date');
  });

  it('records a failure with backoff, changes no data, and clears the backoff on success', async () => {
    const dir = await feedWith(v1, v2);
    const before = await snapshot();
    const failing = folderFetch(dir, () => new Response('boom', { status: 500 }));
    expect(await runCheck(deps(dir, { fetchFn: failing }))).toBe('error');
    expect(await runCheck(deps(dir, { fetchFn: failing }))).toBe('error');
    const state = await readState(db);
    expect(state).toMatchObject({ failures: 2, lastResult: 'error', lastError: { code: 'http' } });
    expect(Date.parse(state.retryAt!) - now).toBe(backoffDelayMs(2, 0.5));
    expect(await snapshot()).toEqual(before);
    expect(await runCheck(deps(dir))).toBe('updated');
    const cleared = await readState(db);
    expect(cleared.failures).toBe(0);
    expect(cleared.retryAt).toBeUndefined();
    expect(cleared.lastError).toBeUndefined();
  });

  it('does nothing but note it while offline', async () => {
    const dir = await feedWith(v1, v2);
    expect(await runCheck(deps(dir, { isOnline: () => false }))).toBe('offline');
    expect(await installedDatasetVersion(db)).toBe('2026.1.1');
    expect((await readState(db)).failures).toBe(0);
  });

  it('finishes a staged update after the worker stopped between staging and applying', async () => {
    const dir = await feedWith(v1, v2);
    const stopped = runCheck(deps(dir, { beforeApply: () => new Promise<never>(() => undefined) }));
    await expect.poll(() => db.staging.count()).toBe(1);
    expect(await installedDatasetVersion(db)).toBe('2026.1.1');
    void stopped; // never settles, like a worker that was stopped
    expect(await resumeStaged(deps(dir))).toBe('updated');
    expect(await installedDatasetVersion(db)).toBe('2026.2.1');
    expect(await db.staging.count()).toBe(0);
  });
});

describe('backoff and feed URLs', () => {
  it('doubles from five minutes, caps at a day, with jitter between half and all of it', () => {
    expect(backoffDelayMs(1, 0)).toBe(150_000);
    expect(backoffDelayMs(1, 1)).toBe(300_000);
    expect(backoffDelayMs(3, 1)).toBe(1_200_000);
    expect(backoffDelayMs(50, 1)).toBe(24 * 3600_000);
  });

  it('accepts https, and plain http only to 127.0.0.1 in test builds', () => {
    expect(isAllowedFeedUrl('https://feed.example.org/v1/', false)).toBe(true);
    expect(isAllowedFeedUrl('http://feed.example.org/v1/', false)).toBe(false);
    expect(isAllowedFeedUrl('http://127.0.0.1:8787/', false)).toBe(false);
    expect(isAllowedFeedUrl('http://127.0.0.1:8787/', true)).toBe(true);
    expect(isAllowedFeedUrl('https://user:pw@x.org/', false)).toBe(false);
    expect(isAllowedFeedUrl('not a url', true)).toBe(false);
  });
});

describe('error messages', () => {
  it('has plain words, in English and French, for every refusal code, with one placeholder per detail', async () => {
    const { FEED_ERROR_CODES } = await import('../../src/shared/feed');
    type Messages = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
    const load = (lang: string) =>
      JSON.parse(
        readFileSync(join(import.meta.dirname, `../../public/_locales/${lang}/messages.json`), 'utf8'),
      ) as Messages;
    for (const messages of [load('en'), load('fr')]) {
      for (const code of FEED_ERROR_CODES) {
        const key = `feed_error_${code.replaceAll('-', '_')}`;
        expect(messages[key]?.message, key).toBeTruthy();
      }
    }
    // Details are passed in order; these codes carry two, so their messages need two placeholders.
    const en = load('en');
    for (const code of [
      'network',
      'http',
      'invalid-record',
      'older-version',
      'extension-too-old',
      'wrong-base',
    ]) {
      expect(
        Object.keys(en[`feed_error_${code.replaceAll('-', '_')}`]?.placeholders ?? {}),
        code,
      ).toHaveLength(2);
    }
  });
});
