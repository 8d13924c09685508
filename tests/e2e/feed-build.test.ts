/**
 * The default build trusts exactly what the repository's feed configuration says (feed.config.json and the
 * NORMLENS_FEED_* variables it was built with): the test key, the test-only pause hook and the local-http
 * allowance of test builds never reach it, nor the orphaned key of issue 26, and it still asks for no host
 * access (the feed is fetched under CORS).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveFeedConfig } from '../../src/feed/build-config';
import { ROOT, TEST_EXTENSION } from './harness';

const read = (dir: string): string => readFileSync(join(dir, 'background.js'), 'utf8');
const testKey = JSON.parse(readFileSync(join(ROOT, '.output/test-feed-key/test.pub.json'), 'utf8')) as {
  keyId: string;
  publicKey: string;
};
/** The key trusted before issue 26, whose private half nobody holds: no build may trust it again. */
const ORPHANED_KEY = '1qVQoaEa5M3+DUSI8iNPHa6M+3mtyAedGrwniEx5vhs=';

describe('feed trust in builds', () => {
  const defaultBuild = read(join(ROOT, '.output/chrome-mv3'));
  const testBuild = read(TEST_EXTENSION);
  const configured = resolveFeedConfig({ root: ROOT });

  it('the default build carries the configured keys and feed, and nothing of the test build', () => {
    for (const key of configured.trustedKeys) {
      expect(defaultBuild.includes(key.publicKey), key.keyId).toBe(true);
    }
    if (configured.feedUrl) expect(defaultBuild.includes(configured.feedUrl), 'feed URL').toBe(true);
    expect(defaultBuild.includes(ORPHANED_KEY), 'orphaned key').toBe(false);
    expect(defaultBuild.includes('feed.normlens.dev'), 'unpublished feed').toBe(false);
    expect(defaultBuild.includes(testKey.publicKey), 'test key').toBe(false);
    expect(defaultBuild.includes('__normlensPauseBeforeApply'), 'test hook').toBe(false);
    const manifest = JSON.parse(readFileSync(join(ROOT, '.output/chrome-mv3/manifest.json'), 'utf8')) as {
      host_permissions?: string[];
    };
    expect(manifest.host_permissions ?? []).toEqual([]);
  });

  it('the test build trusts the test key (so the e2e feed tests exercise a real trust list)', () => {
    expect(testBuild.includes(testKey.publicKey), 'test key').toBe(true);
    for (const key of configured.trustedKeys) {
      expect(testBuild.includes(key.publicKey), `production key ${key.keyId}`).toBe(false);
    }
  });
});
