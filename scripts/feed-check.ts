/**
 * npm run feed:check -- URL [--expect-version V] [--wait SECONDS]
 * Reads a published feed the way a reader's extension does and checks what its host must do: every file
 * answered with Access-Control-Allow-Origin: * (the extension has no host permission for the feed), the
 * manifest with an ETag and a 304 to If-None-Match, and the signed manifest, the snapshot and every patch
 * verified against the keys this repository's builds trust (feed.config.json, NORMLENS_FEED_KEYS) exactly as
 * the updater verifies them. --expect-version waits (up to --wait seconds, default 0) until the host serves
 * that version: GitHub Pages takes a minute or two to deploy a push.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveFeedConfig } from '../src/feed/build-config';
import { fetchAndVerify } from '../src/feed/verify';
import { feedManifest } from '../src/feed/manifest';
import { runCli } from './dataset-release';

const ROOT = resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'expect-version': { type: 'string' }, wait: { type: 'string', default: '0' } },
});
const given = positionals[0];
if (!given) {
  console.error('usage: npm run feed:check -- URL [--expect-version V] [--wait SECONDS]');
  process.exit(2);
}
const feedUrl = given.endsWith('/') ? given : `${given}/`;
const TIMEOUT_MS = 30_000;
/** Requests come from an extension page: the host sees an extension origin, as it will from readers. */
const ORIGIN = 'chrome-extension://normlens-feed-check';

/** fetch, refusing any answer a reader's extension could not read across origins. */
const corsFetch: typeof fetch = async (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('origin', ORIGIN);
  const response = await fetch(input, { signal: AbortSignal.timeout(TIMEOUT_MS), ...init, headers });
  const allow = response.headers.get('access-control-allow-origin');
  if (allow !== '*') {
    const url = input instanceof Request ? input.url : String(input);
    throw new Error(`${url}: Access-Control-Allow-Origin is ${allow ?? 'missing'}, readers need *`);
  }
  return response;
};

await runCli(async () => {
  const { trustedKeys } = resolveFeedConfig({ root: ROOT });
  if (trustedKeys.length === 0) {
    throw new Error('no trusted key in this repository (feed.config.json): nothing could verify the feed');
  }
  const extensionVersion = (
    JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string }
  ).version;
  const manifestUrl = new URL('manifest.json', feedUrl).href;
  const deadline = Date.now() + Number(values.wait) * 1000;
  let response: Response;
  let version: string;
  for (;;) {
    response = await corsFetch(manifestUrl, { cache: 'no-store' });
    if (!response.ok) throw new Error(`${manifestUrl}: HTTP ${response.status}`);
    const manifest = feedManifest.safeParse(await response.clone().json());
    if (!manifest.success) throw new Error(`${manifestUrl}: not a feed manifest: ${manifest.error.message}`);
    version = manifest.data.datasetVersion;
    const expected = values['expect-version'];
    if (expected === undefined || version === expected) break;
    if (Date.now() > deadline) throw new Error(`${feedUrl} serves dataset ${version}, not ${expected}`);
    console.log(`the feed still serves ${version}; waiting for ${expected}`);
    await new Promise((r) => setTimeout(r, 10_000));
  }
  const etag = response.headers.get('etag');
  if (!etag) throw new Error(`${manifestUrl}: no ETag, so every check would download the manifest again`);
  console.log(`ok   manifest.json (dataset ${version}): CORS *, ETag ${etag}`);
  const again = await corsFetch(manifestUrl, { cache: 'no-store', headers: { 'if-none-match': etag } });
  if (again.status !== 304)
    throw new Error(`${manifestUrl}: If-None-Match answered ${again.status}, not 304`);
  console.log('ok   304 Not Modified to If-None-Match');

  // Every way a reader can arrive: a fresh install (the snapshot), and each version a patch starts from.
  const manifest = feedManifest.parse(await response.json());
  for (const from of [undefined, ...manifest.patches.map((p) => p.from)]) {
    const outcome = await fetchAndVerify({
      feedUrl,
      trustedKeys,
      installedVersion: from,
      extensionVersion,
      timeoutMs: TIMEOUT_MS,
      fetchFn: corsFetch,
    });
    if (outcome.status !== 'update' || outcome.update.version !== version) {
      throw new Error(
        `from ${from ?? 'a fresh install'}: expected an update to ${version}, got ${outcome.status}`,
      );
    }
    if (from !== undefined && outcome.update.kind !== 'patch') throw new Error(`from ${from}: no patch`);
    const file = from === undefined ? manifest.snapshot : manifest.patches.find((p) => p.from === from)!;
    console.log(`ok   ${file.path} (${file.size} bytes): signed by a trusted key, hash and records valid`);
  }
  console.log(`${feedUrl} is ready for readers of extension ${manifest.minExtensionVersion} and later`);
});
