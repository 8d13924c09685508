/**
 * The release workflows' steps, run here as far as they run off GitHub (.github/workflows/): a throwaway
 * signing key from dataset:keygen; releases published by feed:publish onto the gh-pages branch of a local git
 * remote, each on top of the one before; that branch served by a static server with the headers GitHub
 * Pages sends (CORS *, ETag, 304 to If-None-Match); feed:check reading it back; and an extension built the
 * way the store workflow builds it, with the feed and the trusted key set at build time, reading it end to
 * end: the first release arrives by itself at install as a snapshot, the second, published on top, as a
 * patch. The refusals the workflows rely on (no key, a key no build trusts, a tag that is not the data's
 * version, a build that would trust no key) are checked through the same commands. A build that trusts no
 * key says "updates not configured in this build" and requests nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Dataset, Entity } from '../../src/shared/model';
import { resolveFeedConfig } from '../../src/feed/build-config';
import { createFeedServer } from '../../scripts/feed-serve';
import { tempDir } from '../unit/feed-helpers';
import {
  highlightTexts,
  launch,
  ROOT,
  sendFromPage,
  serveFolder,
  waitForReady,
  type ExtensionBrowser,
  type StaticServer,
} from './harness';

const TSX = join(ROOT, 'node_modules/.bin/tsx');
const WXT = join(ROOT, 'node_modules/.bin/wxt');
const work = tempDir();
const keyFile = join(work, 'keys/release.key.json');
const pubFile = join(work, 'keys/release.pub.json');
const origin = join(work, 'origin.git');
const checkout = join(work, 'checkout');
const site = join(work, 'site');
const RELEASE_BUILD = '.output/test-release';
const UNCONFIGURED_BUILD = '.output/test-unconfigured';

/** The alarms API as evaluated inside the service worker. */
interface WorkerAlarms {
  chrome: { alarms: { getAll(): Promise<{ name: string }[]> } };
}

interface Run {
  status: number | null;
  out: string;
}

/**
 * A command as the workflow runs it, with the environment the repository's configuration gives. Never
 * synchronous: the feed server it may talk to runs in this process.
 */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, NORMLENS_FEED_KEYS: pubFile, NORMLENS_FEED_URL: '', ...env },
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, out })));
}

function git(...args: string[]): string {
  const result = spawnSync('git', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

/** The commit the remote's gh-pages branch points at ('' before the first release). */
const published = (): string => git('ls-remote', '--heads', origin, 'gh-pages');

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
    summary: `${name}: a made-up initiative that exists only in the release tests.`,
    source: 'https://example.org/release-test',
    asOf: '2026-11-01',
    dates: [],
  };
}

async function build(outDir: string, env: Record<string, string>): Promise<void> {
  const result = await run(WXT, ['build'], {
    NORMLENS_TEST_HOSTS: 'http://127.0.0.1/*',
    NORMLENS_OUT_DIR: outDir,
    ...env,
  });
  if (result.status !== 0) throw new Error(`wxt build failed:\n${result.out}`);
}

let ext: ExtensionBrowser | undefined;
let options: Page;
let server: Server;
let feedOrigin: string;
let feedUrl: string;
let requests: { path: string; status: number }[] = [];
let pages: StaticServer;
let v1: Dataset;
let v2: Dataset;
let datasetFiles: { v1: string; v2: string };
/** The freshness check counts from the data's own release date, so the test does not age. */
let today: string;

function publish(
  datasetFile: string,
  version: string,
  extra: string[] = [],
  env: Record<string, string> = {},
): Promise<Run> {
  return run(
    TSX,
    [
      'scripts/feed-publish.ts',
      '--repo',
      checkout,
      '--key',
      keyFile,
      '--dataset',
      datasetFile,
      '--expect-version',
      version,
      '--today',
      today,
      ...extra,
    ],
    env,
  );
}

/** What GitHub Pages would serve: the gh-pages branch as pushed. */
function deployPages(): void {
  git('-C', site, 'fetch', '-q', 'origin', 'gh-pages');
  git('-C', site, 'checkout', '-q', '-f', 'FETCH_HEAD');
}

beforeAll(async () => {
  const keygen = await run(TSX, ['scripts/dataset-keygen.ts', '--out', keyFile]);
  expect(keygen.status, keygen.out).toBe(0);
  git('init', '-q', '--bare', origin);
  git('init', '-q', checkout);
  git('-C', checkout, 'remote', 'add', 'origin', origin);
  git('init', '-q', site);
  git('-C', site, 'remote', 'add', 'origin', origin);

  server = createFeedServer(site, (path, status) => requests.push({ path, status }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  feedOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  feedUrl = `${feedOrigin}/feed/v1/`;

  // The store workflow's build: the feed address and the trusted key come from the configuration.
  // Its requests get a production build's time: a 2.5 MB snapshot on a busy machine is not a hang.
  await build(RELEASE_BUILD, {
    NORMLENS_FEED_URL: feedUrl,
    NORMLENS_FEED_KEYS: pubFile,
    NORMLENS_TEST_FEED_TIMEOUT_MS: '30000',
  });
  // A build whose configuration trusts no key, pointed at this server so any request would show.
  await build(UNCONFIGURED_BUILD, {
    NORMLENS_FEED_URL: `${feedOrigin}/unconfigured/v1/`,
    NORMLENS_FEED_KEYS: '',
  });

  const base = JSON.parse(
    readFileSync(join(ROOT, RELEASE_BUILD, 'chrome-mv3/dataset.json'), 'utf8'),
  ) as Dataset;
  today = base.version
    .split('.')
    .slice(0, 3)
    .map((p) => p.padStart(2, '0'))
    .join('-');
  v1 = {
    ...base,
    version: bump(base.version, 1),
    entities: [...base.entities, newEntity('vantablue-compact', 'Vantablue Compact')],
  };
  v2 = {
    ...v1,
    version: bump(base.version, 2),
    entities: [...v1.entities, newEntity('ochrelite-treaty', 'Ochrelite Treaty')],
  };
  datasetFiles = { v1: join(work, 'v1.json'), v2: join(work, 'v2.json') };
  writeFileSync(datasetFiles.v1, JSON.stringify(v1));
  writeFileSync(datasetFiles.v2, JSON.stringify(v2));

  const article = join(work, 'article');
  mkdirSync(article);
  writeFileSync(
    join(article, 'article.html'),
    '<!doctype html><html lang="en"><head><title>Release test</title></head><body><article><h1>News</h1>' +
      '<p id="text">Delegates signed the Vantablue Compact, then turned to the Ochrelite Treaty and the ' +
      'Paris Call for Trust and Security in Cyberspace.</p></article></body></html>',
  );
  pages = await serveFolder(article);
}, 300_000);

afterAll(async () => {
  await ext?.close();
  await pages?.close();
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

describe('dataset release workflow, off GitHub', () => {
  it('refuses to publish without the secret key, with a key no build trusts, or under the wrong tag', async () => {
    // --key env:NAME with the secret unset: what the workflow does when NORMLENS_SIGNING_KEY is missing.
    const unsetSecret = await run(TSX, [
      'scripts/feed-publish.ts',
      '--repo',
      checkout,
      '--key',
      'env:NORMLENS_SIGNING_KEY',
      '--dataset',
      datasetFiles.v1,
      '--today',
      today,
    ]);
    expect(unsetSecret.status, unsetSecret.out).toBe(1);
    expect(unsetSecret.out).toMatch(/no signing key: NORMLENS_SIGNING_KEY is empty/);

    const other = join(work, 'keys/other.key.json');
    expect((await run(TSX, ['scripts/dataset-keygen.ts', '--out', other])).status).toBe(0);
    const untrusted = await run(TSX, [
      'scripts/feed-publish.ts',
      '--repo',
      checkout,
      '--key',
      other,
      '--dataset',
      datasetFiles.v1,
      '--today',
      today,
    ]);
    expect(untrusted.status, untrusted.out).toBe(1);
    expect(untrusted.out).toMatch(/no signing key is trusted by this repository's builds/);

    const wrongTag = await publish(datasetFiles.v1, v2.version);
    expect(wrongTag.status, wrongTag.out).toBe(1);
    expect(wrongTag.out).toMatch(/the tag says dataset .* says /);

    expect(published()).toBe(''); // nothing reached the Pages branch
    // The control: the same command with the trusted key and the right tag publishes.
    const good = await publish(datasetFiles.v1, v1.version);
    expect(good.status, good.out).toBe(0);
    expect(published()).not.toBe('');
  });

  it('the store workflow refuses a build that would trust no key', async () => {
    const refused = await run(TSX, ['scripts/feed-config.ts', '--require-keys'], {
      NORMLENS_FEED_KEYS: '[]',
    });
    expect(refused.status, refused.out).toBe(1);
    expect(refused.out).toMatch(/refused: this build would trust no signing key/);
    const accepted = await run(TSX, ['scripts/feed-config.ts', '--require-keys']);
    expect(accepted.status, accepted.out).toBe(0);
    expect(accepted.out).toContain(JSON.parse(readFileSync(pubFile, 'utf8')).keyId as string);
  });

  it('dataset:keygen --trust puts the public key where builds read it', async () => {
    const config = join(work, 'config');
    mkdirSync(config);
    cpSync(join(ROOT, 'feed.config.json'), join(config, 'feed.config.json'));
    const made = await run(TSX, [
      'scripts/dataset-keygen.ts',
      '--out',
      join(work, 'keys/trusted.key.json'),
      '--trust',
      '--root',
      config,
    ]);
    expect(made.status, made.out).toBe(0);
    const pub = JSON.parse(readFileSync(join(work, 'keys/trusted.pub.json'), 'utf8')) as { keyId: string };
    const trusted = resolveFeedConfig({ root: config, env: {} }).trustedKeys.map((k) => k.keyId);
    expect(trusted).toContain(pub.keyId);
  });

  it('the first release, served like GitHub Pages, reaches a fresh install by itself', async () => {
    deployPages();
    const check = await run(TSX, ['scripts/feed-check.ts', feedUrl, '--expect-version', v1.version]);
    expect(check.status, check.out).toBe(0);
    expect(check.out).toContain('304 Not Modified');

    requests = [];
    ext = await launch(join(ROOT, RELEASE_BUILD, 'chrome-mv3'));
    options = await ext.context.newPage();
    // The feed is under "Advanced", which #advanced opens.
    await options.goto(`chrome-extension://${ext.extensionId}/options.html#advanced`);
    // No reader action: the install's own check read the build's feed (after seeding the bundled data).
    const installed = async (): Promise<string | undefined> =>
      ((await sendFromPage(options, 'update:status')).res as { dataset?: { version: string } } | undefined)
        ?.dataset?.version;
    await expect.poll(installed, { timeout: 60_000 }).toBe(v1.version);
    await options.reload();
    await expect.poll(() => options.locator('[data-feed="dataset"]').textContent()).toContain(v1.version);
    expect(requests).toContainEqual({ path: `/feed/v1/datasets/${v1.version}.json`, status: 200 });
    expect(await options.locator('[data-feed="not-configured"]').count()).toBe(0);
    // The reader's own address stays possible; the field shows the build's.
    expect(await options.locator('[data-feed="url"]').inputValue()).toBe(feedUrl);

    const article = await ext!.context.newPage();
    await article.goto(`${pages.url}/article.html`);
    await waitForReady(article);
    expect((await highlightTexts(article))['normlens-initiative']).toContain('Vantablue Compact');
    await article.close();
  });

  it('a second release on top of the first keeps every snapshot and arrives as a patch', async () => {
    const second = await publish(datasetFiles.v2, v2.version);
    expect(second.status, second.out).toBe(0);
    deployPages();
    expect(git('-C', site, 'rev-list', '--count', 'HEAD')).toBe('2');
    expect(
      git(
        '-C',
        site,
        'diff',
        '--name-only',
        '--diff-filter=DM',
        'HEAD~1',
        'HEAD',
        '--',
        'feed/v1/datasets',
        'feed/v1/patches',
      ),
    ).toBe('');
    const patch = `patches/${v1.version}_${v2.version}.json`;
    const check = await run(TSX, ['scripts/feed-check.ts', feedUrl, '--expect-version', v2.version]);
    expect(check.status, check.out).toBe(0);
    expect(check.out).toContain(patch);

    requests = [];
    const article = await ext!.context.newPage();
    await article.goto(`${pages.url}/article.html`);
    await waitForReady(article);
    expect((await highlightTexts(article))['normlens-initiative']).not.toContain('Ochrelite Treaty');
    await options.locator('[data-feed="check"]').click();
    await expect
      .poll(() => options.locator('.nl-updates').textContent(), { timeout: 30_000 })
      .toContain(`version ${v2.version}`);
    expect(requests).toContainEqual({ path: `/feed/v1/${patch}`, status: 200 });
    expect(requests.map((r) => r.path)).not.toContain(`/feed/v1/datasets/${v2.version}.json`);
    await expect
      .poll(async () => (await highlightTexts(article))['normlens-initiative'], { timeout: 10_000 })
      .toContain('Ochrelite Treaty');

    // Unchanged since: the host answers 304 and the reader reads "already up to date".
    requests = [];
    await options.locator('[data-feed="check"]').click();
    await expect
      .poll(() => options.locator('[data-feed="last-result"]').textContent(), { timeout: 20_000 })
      .toContain('already up to date');
    expect(requests).toEqual([{ path: '/feed/v1/manifest.json', status: 304 }]);

    // Releasing the same version again is refused, and the branch stays as it was.
    const before = published();
    const again = await publish(datasetFiles.v2, v2.version);
    expect(again.status, again.out).toBe(1);
    expect(again.out).toMatch(/not newer than the last release/);
    expect(published()).toBe(before);
    await ext?.close();
    ext = undefined;
  });

  it('a build that trusts no key says "updates not configured" and requests nothing', async () => {
    requests = [];
    const bare = await launch(join(ROOT, UNCONFIGURED_BUILD, 'chrome-mv3'));
    try {
      const page = await bare.context.newPage();
      await page.goto(`chrome-extension://${bare.extensionId}/options.html`);
      await expect
        .poll(() => page.locator('[data-feed="not-configured"]').textContent())
        .toContain('Updates not configured in this build');
      expect(await page.locator('[data-feed="dataset"]').textContent()).toContain('Installed data');
      expect(await page.locator('[data-feed="check"]').count()).toBe(0);
      expect(await page.locator('[data-feed="last-error"]').count()).toBe(0);

      // What "Check now" and the schedule would send: answered at once, and nothing scheduled.
      const checked = await sendFromPage(page, 'update:check');
      expect(checked.res).toMatchObject({ configured: false, checking: false });
      expect((checked.res as { lastCheckAt?: string }).lastCheckAt).toBeUndefined();
      await sendFromPage(page, 'update:set-schedule', { schedule: 'daily' });
      const alarms = await bare.worker.evaluate(async () =>
        (await (globalThis as unknown as WorkerAlarms).chrome.alarms.getAll()).map((a) => a.name),
      );
      expect(alarms.filter((name) => name.startsWith('normlens:feed'))).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await bare.close();
    }
  });
});
