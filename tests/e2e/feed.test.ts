/**
 * Signed dataset updates end to end: the test build (which trusts the key in .output/test-feed-key) against
 * feeds built by the release code and served by a real HTTP server on 127.0.0.1. A good update reaches an
 * open tab without a reload; every bad input leaves the database exactly as it was and says why in the
 * options page; a worker stopped between download and apply finishes the update when it starts again.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Dataset, Entity } from '../../src/shared/model';
import { writeRelease } from '../../src/feed/release';
import { generateSigningKey, sha256Hex, signManifest, type PrivateKeyFile } from '../../src/feed/signature';
import { createFeedServer } from '../../scripts/feed-serve';
import { tempDir } from '../unit/feed-helpers';
import {
  highlightTexts,
  launch,
  pageCardName,
  pointOf,
  ROOT,
  sendFromPage,
  serveFolder,
  TEST_EXTENSION,
  waitForReady,
  type ExtensionBrowser,
  type StaticServer,
} from './harness';

const testKey = JSON.parse(
  readFileSync(join(ROOT, '.output/test-feed-key/test.key.json'), 'utf8'),
) as PrivateKeyFile;
const base = JSON.parse(readFileSync(join(TEST_EXTENSION, 'dataset.json'), 'utf8')) as Dataset;

/** A later dataset version: the base's parts with the last one raised. */
function bump(version: string, by: number): string {
  const parts = version.split('.').map(Number);
  if (parts.length === 3) parts.push(0);
  parts[3]! += by;
  return parts.join('.');
}

function newEntity(id: string, name: string): Entity {
  return {
    id,
    kind: 'initiative',
    type: 'declaration',
    name,
    aliases: [],
    summary: `${name}: a made-up initiative that exists only in the feed tests.`,
    source: 'https://example.org/feed-test',
    asOf: '2026-11-01',
    dates: [],
  };
}

const v1: Dataset = {
  ...base,
  version: bump(base.version, 1),
  entities: [...base.entities, newEntity('zorblax-accord', 'Zorblax Accord')],
};
const v2: Dataset = {
  ...v1,
  version: bump(base.version, 2),
  entities: [...v1.entities, newEntity('quuxian-pact', 'Quuxian Pact')],
};

const feeds = tempDir();
const sockets = new Set<Socket>();
let feedServer: Server;
let feedOrigin: string;
let site: StaticServer;
let ext: ExtensionBrowser;
let options: Page;

/**
 * One server for every feed: /<name>/... serves feeds/<name>/ like a static host (ETag, CORS), except the
 * fault folders: /http500/ answers 500, /hang/ never answers, /truncate/ cuts data files short.
 */
function startFeedServer(): Promise<void> {
  const files = createFeedServer(feeds);
  feedServer = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/http500/')) return void res.writeHead(500).end('internal error');
    if (path.startsWith('/hang/')) return; // never answers
    if (path.startsWith('/truncate/') && !path.includes('manifest')) {
      const body = readFileSync(join(feeds, path));
      res.writeHead(200, { 'content-length': body.length, 'access-control-allow-origin': '*' });
      res.write(body.subarray(0, body.length >> 1));
      setTimeout(() => res.destroy(), 50);
      return;
    }
    files.emit('request', req, res);
  });
  feedServer.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve) =>
    feedServer.listen(0, '127.0.0.1', () => {
      const address = feedServer.address();
      feedOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      resolve();
    }),
  );
}

async function release(name: string, ...datasets: Dataset[]): Promise<string> {
  const dir = join(feeds, name);
  mkdirSync(dir, { recursive: true });
  for (const d of datasets) {
    await writeRelease({ outDir: dir, dataset: d, keys: [testKey], minExtensionVersion: '0.0.1' });
  }
  return dir;
}

/** A copy of a feed with a change that the (re-)signed manifest vouches for: a publisher's mistake. */
async function signedVariant(
  name: string,
  from: string,
  change: (dir: string, manifest: ManifestJson) => Promise<void> | void,
  keys: PrivateKeyFile[] = [testKey],
): Promise<void> {
  const dir = join(feeds, name);
  cpSync(from, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ManifestJson;
  await change(dir, manifest);
  for (const file of [manifest.snapshot, ...manifest.patches]) {
    const bytes = new Uint8Array(readFileSync(join(dir, file.path)));
    file.size = bytes.length;
    file.sha256 = await sha256Hex(bytes);
  }
  const bytes = new TextEncoder().encode(JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'manifest.json'), bytes);
  writeFileSync(join(dir, 'manifest.sig'), JSON.stringify(await signManifest(bytes, keys)));
}

/** The alarms API as evaluated inside the service worker. */
interface WorkerAlarms {
  chrome: { alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined> } };
}

interface ManifestJson {
  createdAt: string;
  snapshot: { path: string; size: number; sha256: string };
  patches: { from: string; path: string; size: number; sha256: string }[];
}

function patchOf(dir: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ManifestJson;
  return join(dir, manifest.patches.find((p) => p.from === v1.version)!.path);
}

function editJson(file: string, change: (json: Record<string, unknown>) => void): void {
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(json);
  writeFileSync(file, JSON.stringify(json));
}

/**
 * Everything a reader has, read straight from where it is kept, in an extension page: the dataset in the
 * extension's IndexedDB, and the reader's own state (settings, sites, reports) in its storage. The feed's
 * own last-check state is left out: recording a refusal is the one change a refused update makes.
 */
async function exportDb(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const stored = (await chrome.storage.local.get(null)) as Record<string, unknown>;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('normlens');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const out: Record<string, unknown[]> = {};
    for (const name of ['entities', 'relations', 'meta', 'staging']) {
      out[name] = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    out['sites'] = (stored['sites'] as unknown[] | undefined) ?? [];
    out['settings'] = [stored['readerSettings'] ?? null];
    out['reports'] = (stored['wrongMatches'] as unknown[] | undefined) ?? [];
    return out;
  });
}

async function installedVersion(page: Page): Promise<string | undefined> {
  const meta = (await exportDb(page)).meta as { key: string; value: { version: string } }[];
  return meta.find((m) => m.key === 'dataset')?.value.version;
}

async function openOptions(): Promise<Page> {
  const page = await ext.context.newPage();
  // The feed's settings are under "Advanced", which #advanced opens.
  await page.goto(`chrome-extension://${ext.extensionId}/options.html#advanced`);
  await page.locator('[data-feed="check"]').waitFor();
  return page;
}

async function useFeed(name: string): Promise<void> {
  await options.locator('[data-feed="url"]').fill(`${feedOrigin}/${name}/`);
  await options.locator('[data-feed="save-url"]').click();
  await expect.poll(() => options.locator('[data-feed="url"]').inputValue()).toBe(`${feedOrigin}/${name}/`);
}

/** When the background last finished a check (it records every outcome, in milliseconds). */
async function lastCheckAt(): Promise<string | undefined> {
  return ((await sendFromPage(options, 'update:status')).res as { lastCheckAt?: string } | undefined)
    ?.lastCheckAt;
}

/**
 * Press "Check now" and wait until that check has finished: the background recorded a new outcome (the
 * button's disabled state alone can come and go before a busy machine shows it) and the page is ready again.
 */
async function checkNow(): Promise<void> {
  const before = await lastCheckAt();
  const button = options.locator('[data-feed="check"]');
  await button.click();
  await expect.poll(lastCheckAt, { timeout: 20_000 }).not.toBe(before);
  await expect.poll(() => button.isEnabled(), { timeout: 20_000 }).toBe(true);
}

beforeAll(async () => {
  await startFeedServer();
  const pages = tempDir();
  writeFileSync(
    join(pages, 'article.html'),
    '<!doctype html><html lang="en"><head><title>Feed test</title></head><body><article><h1>News</h1>' +
      '<p id="text">Delegates discussed the Zorblax Accord and the Paris Call for Trust and Security in ' +
      'Cyberspace at length, then the Quuxian Pact.</p></article></body></html>',
  );
  site = await serveFolder(pages);
  await release('good', base, v1);
  ext = await launch();
  options = await openOptions();
});

afterAll(async () => {
  await ext?.close();
  await site?.close();
  for (const s of sockets) s.destroy();
  await new Promise((r) => feedServer?.close(r));
});

describe('signed dataset feed', () => {
  it('applies a new version and an open tab shows the new entity without a reload', async () => {
    const article = await ext.context.newPage();
    await article.goto(`${site.url}/article.html`);
    await waitForReady(article);
    expect((await highlightTexts(article))['normlens-initiative']).not.toContain('Zorblax Accord');

    await useFeed('good');
    await checkNow();
    await expect
      .poll(() => options.locator('[data-feed="last-result"]').textContent())
      .toContain('new data installed');
    expect(await options.locator('[data-feed="dataset"]').textContent()).toContain(v1.version);
    expect(await installedVersion(options)).toBe(v1.version);

    await expect
      .poll(async () => (await highlightTexts(article))['normlens-initiative'])
      .toContain('Zorblax Accord');
    const { x, y } = await pointOf(article, '#text', 'Zorblax Accord');
    await article.mouse.move(x, y);
    await expect.poll(() => article.evaluate(pageCardName)).toBe('Zorblax Accord');
    await article.close();

    // Checking again: the ETag answers 304 and nothing changes.
    await checkNow();
    await expect
      .poll(() => options.locator('[data-feed="last-result"]').textContent())
      .toContain('already up to date');
  });

  it('refuses every bad input, changes nothing, and says why', async () => {
    // From here the installed version is v1; every bad feed offers v2 (or v0).
    const good2 = await release('good2', base, v1, v2);
    const unknownKey = await generateSigningKey();
    const cases: [string, () => Promise<unknown>, RegExp][] = [
      [
        'corrupt-json',
        () =>
          signedVariant('corrupt-json', good2, (dir) =>
            writeFileSync(patchOf(dir), '{"patchFormat": 1, "from": '),
          ),
        /not valid JSON \(patches\//,
      ],
      [
        'bad-signature',
        async () => {
          cpSync(good2, join(feeds, 'bad-signature'), { recursive: true });
          const file = join(feeds, 'bad-signature/manifest.json');
          writeFileSync(file, readFileSync(file, 'utf8').replace('"createdAt": "', '"createdAt": "1'));
        },
        /signature does not match its content/,
      ],
      [
        'unknown-key',
        () => signedVariant('unknown-key', good2, () => undefined, [unknownKey]),
        /key NormLens does not trust/,
      ],
      [
        'hash-mismatch',
        async () => {
          cpSync(good2, join(feeds, 'hash-mismatch'), { recursive: true });
          const file = patchOf(join(feeds, 'hash-mismatch'));
          writeFileSync(file, readFileSync(file, 'utf8').replace('Quuxian', 'Quuxiam'));
        },
        /does not match its fingerprint/,
      ],
      [
        'truncate',
        async () => cpSync(good2, join(feeds, 'truncate'), { recursive: true }),
        /arrived incomplete/,
      ],
      [
        'oversize',
        async () => {
          cpSync(good2, join(feeds, 'oversize'), { recursive: true });
          const file = patchOf(join(feeds, 'oversize'));
          writeFileSync(file, readFileSync(file, 'utf8') + ' '.repeat(100_000));
        },
        /larger than allowed/,
      ],
      ['http500', async () => cpSync(good2, join(feeds, 'http500'), { recursive: true }), /HTTP 500/],
      ['hang', async () => undefined, /did not answer in time/],
      ['older', () => release('older', base), /older than the installed/],
      [
        'schema-invalid',
        () =>
          signedVariant('schema-invalid', good2, (dir) =>
            editJson(patchOf(dir), (patch) => {
              const put = (patch.entities as { put: Record<string, unknown>[] }).put;
              put[0] = { ...put[0], asOf: '2026-13-45' };
            }),
          ),
        /invalid data/,
      ],
      [
        'other-base',
        () =>
          signedVariant('other-base', good2, (dir) =>
            editJson(patchOf(dir), (patch) => {
              patch.from = base.version;
            }),
          ),
        /patch made for version .* cannot apply/,
      ],
    ];

    const before = await exportDb(options);
    expect(before.sites!.length).toBeGreaterThan(0); // the test host is switched on: sites are in the comparison
    for (const [name, prepare, message] of cases) {
      await prepare();
      await useFeed(name);
      await checkNow();
      await expect
        .poll(() => options.locator('[data-feed="last-error"]').textContent(), { message: name })
        .toMatch(message);
      expect(await options.locator('[data-feed="last-result"]').textContent(), name).toContain('refused');
      expect(await exportDb(options), name).toEqual(before);
    }

    // Failures back off: a retry is scheduled (persisted in the feed state, kept by an alarm).
    const retry = () =>
      ext.worker.evaluate(() =>
        (globalThis as unknown as WorkerAlarms).chrome.alarms.get('normlens:feed-retry'),
      );
    expect(await retry()).toBeDefined();

    // The same feed without the fault is accepted: the refusals were about the faults.
    await useFeed('good2');
    await checkNow();
    await expect.poll(() => installedVersion(options)).toBe(v2.version);
    expect(await options.locator('[data-feed="last-error"]').count()).toBe(0);
    expect(await retry()).toBeUndefined();
  });

  it('lets the reader choose the schedule and refuses a feed address it cannot trust', async () => {
    const alarm = () =>
      ext.worker.evaluate(() => (globalThis as unknown as WorkerAlarms).chrome.alarms.get('normlens:feed'));
    expect((await alarm())?.periodInMinutes).toBe(12 * 60);
    await options.locator('[data-feed="schedule"]').selectOption('weekly');
    await expect.poll(async () => (await alarm())?.periodInMinutes).toBe(7 * 24 * 60);
    await options.locator('[data-feed="schedule"]').selectOption('never');
    await expect.poll(() => alarm()).toBeUndefined();
    await expect
      .poll(() => options.locator('[data-feed="next-check"]').textContent())
      .toContain('none scheduled');
    await options.locator('[data-feed="schedule"]').selectOption('12h');
    await expect.poll(async () => (await alarm())?.periodInMinutes).toBe(12 * 60);

    // Plain http is for this machine in test builds only; anything else is refused and the old address kept.
    const current = await options.locator('[data-feed="url"]').inputValue();
    await options.locator('[data-feed="url"]').fill('http://feeds.example.org/normlens/');
    await options.locator('[data-feed="save-url"]').click();
    await options.locator('[data-feed="url-invalid"]').waitFor();
    await options.reload();
    await expect.poll(() => options.locator('[data-feed="url"]').inputValue()).toBe(current);

    // An address the page accepts but the background's message check refuses (too long): the message is
    // rejected, and the page says so instead of treating it as saved.
    await options.locator('[data-feed="url"]').fill(`https://feeds.example.org/${'a'.repeat(2100)}/`);
    await options.locator('[data-feed="save-url"]').click();
    await options.locator('[data-feed="url-invalid"]').waitFor();
    await options.reload();
    await expect.poll(() => options.locator('[data-feed="url"]').inputValue()).toBe(current);
  });

  it('a worker stopped between download and apply leaves the old data, then finishes on restart', async () => {
    const v3: Dataset = {
      ...v2,
      version: bump(base.version, 3),
      entities: [...v2.entities, newEntity('frobnitz-charter', 'Frobnitz Charter')],
    };
    await release('good3', base, v1, v2, v3);
    await useFeed('good3');
    const before = await exportDb(options);

    await ext.worker.evaluate(() => {
      (globalThis as { __normlensPauseBeforeApply?: boolean }).__normlensPauseBeforeApply = true;
    });
    await options.locator('[data-feed="check"]').click();
    await expect.poll(async () => (await exportDb(options)).staging!.length).toBe(1);
    const during = await exportDb(options);
    expect({ ...during, staging: [] }).toEqual(before);

    // Stop the worker the way the browser does when it idles it out, and see it stopped.
    const cdp = await ext.context.newCDPSession(options);
    const stopped = new Promise<void>((resolve) =>
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        const ours = versions.filter((v) => v.scriptURL.startsWith(`chrome-extension://${ext.extensionId}/`));
        if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) resolve();
      }),
    );
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
    await cdp.detach();
    expect(await installedVersion(options)).toBe(v2.version); // still the old data, whole

    // Opening the options page again wakes a new worker, which finishes the staged update.
    await options.close();
    options = await openOptions();
    await expect.poll(() => installedVersion(options), { timeout: 20_000 }).toBe(v3.version);
    const after = await exportDb(options);
    expect(after.staging).toEqual([]);
    expect(after.settings).toEqual(before.settings);
    expect(after.sites).toEqual(before.sites);
    expect((after.entities as Entity[]).some((e) => e.id === 'frobnitz-charter')).toBe(true);
    await options.reload();
    await expect
      .poll(() => options.locator('[data-feed="last-result"]').textContent())
      .toContain('new data installed');
  });
});
