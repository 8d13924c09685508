/**
 * The default build trusts only the production signing keys: the test key, the test-only pause hook and the
 * local-http allowance of test builds (NORMLENS_TEST_FEED_KEY) never reach it, and it still asks for no
 * host access (the feed is fetched under CORS).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRODUCTION_KEYS, PRODUCTION_FEED_URL } from '../../src/feed/trusted-keys';
import { ROOT, TEST_EXTENSION } from './harness';

const read = (dir: string): string => readFileSync(join(dir, 'background.js'), 'utf8');
const testKey = JSON.parse(readFileSync(join(ROOT, '.output/test-feed-key/test.pub.json'), 'utf8')) as {
  keyId: string;
  publicKey: string;
};

describe('feed trust in builds', () => {
  const defaultBuild = read(join(ROOT, '.output/chrome-mv3'));
  const testBuild = read(TEST_EXTENSION);

  it('the default build carries the production key and feed URL, and nothing of the test build', () => {
    for (const key of PRODUCTION_KEYS) expect(defaultBuild.includes(key.publicKey), key.keyId).toBe(true);
    expect(defaultBuild.includes(PRODUCTION_FEED_URL), 'feed URL').toBe(true);
    expect(defaultBuild.includes(testKey.publicKey), 'test key').toBe(false);
    expect(defaultBuild.includes('__normlensPauseBeforeApply'), 'test hook').toBe(false);
    const manifest = JSON.parse(readFileSync(join(ROOT, '.output/chrome-mv3/manifest.json'), 'utf8')) as {
      host_permissions?: string[];
    };
    expect(manifest.host_permissions ?? []).toEqual([]);
  });

  it('the test build trusts the test key (so the e2e feed tests exercise a real trust list)', () => {
    expect(testBuild.includes(testKey.publicKey), 'test key').toBe(true);
  });
});
