/**
 * Which feed a build reads by default and which signing keys it trusts, decided at build time (Node only:
 * wxt.config.ts and the release scripts read it; nothing here is bundled into the extension).
 *
 * A real build reads the committed `feed.config.json`, and the environment overrides it:
 *   NORMLENS_FEED_URL   the default feed folder (https; the release workflow sets the repository's own
 *                       GitHub Pages address, see pagesFeedUrl)
 *   NORMLENS_FEED_KEYS  the trusted public keys: comma-separated *.pub.json files written by
 *                       `npm run dataset:keygen`, or a JSON array of { keyId, publicKey }
 * An empty variable counts as unset. A test build (NORMLENS_TEST_HOSTS) never reads feed.config.json: it
 * gets its feed only from those two variables, so a test can never reach a published feed.
 *
 * With no trusted key a build has no updater: the options page says "updates not configured in this build"
 * and nothing is ever requested.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { TrustedKey } from './signature';
import { isAllowedFeedUrl } from './state';

export const FEED_CONFIG_FILE = 'feed.config.json';
/** Where the release workflow puts the feed inside the GitHub Pages site (scripts/feed-publish.ts). */
export const PAGES_FEED_DIR = 'feed/v1';

export interface FeedBuildConfig {
  /** The feed folder a fresh install reads; '' when the build has none (the reader can still set one). */
  feedUrl: string;
  trustedKeys: TrustedKey[];
}

const publicKeyFile = z
  .object({ keyId: z.string().regex(/^[0-9a-f]{16}$/, 'expected 16 hex digits'), publicKey: z.base64() })
  .strip();

const configFile = z
  .object({
    $comment: z.string().optional(),
    feedUrl: z.string(),
    trustedKeys: z.array(publicKeyFile),
  })
  .strict();

/** A key is taken only if its id is the one dataset:keygen derives from it: a pasting slip is an error. */
function checkKey(key: TrustedKey, where: string): TrustedKey {
  const raw = Buffer.from(key.publicKey, 'base64');
  if (raw.length !== 32) throw new Error(`${where}: ${key.keyId} is not a 32-byte Ed25519 public key`);
  const id = createHash('sha256').update(raw).digest('hex').slice(0, 16);
  if (id !== key.keyId)
    throw new Error(`${where}: keyId ${key.keyId} does not belong to its publicKey (${id})`);
  return { keyId: key.keyId, publicKey: key.publicKey };
}

function parseKeys(value: unknown, where: string): TrustedKey[] {
  const list = z.array(publicKeyFile).safeParse(Array.isArray(value) ? value : [value]);
  if (!list.success) throw new Error(`${where}: not a list of { keyId, publicKey }: ${list.error.message}`);
  return list.data.map((k) => checkKey(k, where));
}

/** NORMLENS_FEED_KEYS: inline JSON, or *.pub.json files (never a private key file). */
function keysFromEnv(value: string): TrustedKey[] {
  if (/^\s*[[{]/.test(value)) return parseKeys(JSON.parse(value) as unknown, 'NORMLENS_FEED_KEYS');
  return value
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)
    .flatMap((file) => {
      const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      if ('privateKey' in json) {
        throw new Error(`NORMLENS_FEED_KEYS: ${file} is a private key; give its .pub.json instead`);
      }
      return parseKeys(json, file);
    });
}

export interface ResolveOptions {
  /** The repository root (where feed.config.json is). */
  root: string;
  env?: Record<string, string | undefined>;
  /** A test build: ignores feed.config.json and may use a feed on http://127.0.0.1. */
  testBuild?: boolean;
}

export function resolveFeedConfig({
  root,
  env = process.env,
  testBuild = false,
}: ResolveOptions): FeedBuildConfig {
  let config: FeedBuildConfig = { feedUrl: '', trustedKeys: [] };
  const file = join(root, FEED_CONFIG_FILE);
  if (!testBuild && existsSync(file)) {
    const parsed = configFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${FEED_CONFIG_FILE}: ${parsed.error.message}`);
    config = {
      feedUrl: parsed.data.feedUrl,
      trustedKeys: parsed.data.trustedKeys.map((k) => checkKey(k, FEED_CONFIG_FILE)),
    };
  }
  const url = env.NORMLENS_FEED_URL?.trim();
  if (url) config.feedUrl = url;
  const keys = env.NORMLENS_FEED_KEYS?.trim();
  if (keys) config.trustedKeys = keysFromEnv(keys);
  if (config.feedUrl && !isAllowedFeedUrl(config.feedUrl, testBuild)) {
    throw new Error(
      `feed address ${config.feedUrl} refused: a feed is served over https, with no credentials, query or ` +
        `fragment${testBuild ? ' (or http://127.0.0.1 in a test build)' : ''}`,
    );
  }
  if (config.feedUrl && !config.feedUrl.endsWith('/')) config.feedUrl += '/';
  const ids = config.trustedKeys.map((k) => k.keyId);
  if (new Set(ids).size !== ids.length) throw new Error(`the same key is trusted twice: ${ids.join(', ')}`);
  return config;
}

/**
 * The feed's address on the repository's own GitHub Pages site ("owner/name" as GitHub gives it in
 * github.repository): https://owner.github.io/name/feed/v1/, or the site's root for an owner.github.io
 * repository.
 */
export function pagesFeedUrl(repository: string): string {
  const match = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(repository);
  if (!match) throw new Error(`expected a repository as owner/name, not "${repository}"`);
  const owner = match[1]!.toLowerCase();
  const name = match[2]!;
  const site = `https://${owner}.github.io/`;
  const base = name.toLowerCase() === `${owner}.github.io` ? site : `${site}${name}/`;
  return `${base}${PAGES_FEED_DIR}/`;
}
