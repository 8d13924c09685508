/**
 * The build-time feed configuration (src/feed/build-config.ts): feed.config.json, overridden by
 * NORMLENS_FEED_URL and NORMLENS_FEED_KEYS; test builds read only the variables; a key is taken only when
 * its id is its own; only https feeds (http://127.0.0.1 in test builds); the GitHub Pages address.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pagesFeedUrl, resolveFeedConfig } from '../../src/feed/build-config';
import { generateSigningKey, type TrustedKey } from '../../src/feed/signature';
import { tempDir } from './feed-helpers';

async function publicKey(): Promise<TrustedKey> {
  const { keyId, publicKey } = await generateSigningKey();
  return { keyId, publicKey };
}

function repo(config: unknown): string {
  const root = tempDir();
  writeFileSync(join(root, 'feed.config.json'), JSON.stringify(config));
  return root;
}

describe('build-time feed configuration', () => {
  it('reads feed.config.json, and the environment overrides it', async () => {
    const [a, b] = [await publicKey(), await publicKey()];
    const root = repo({ $comment: 'x', feedUrl: 'https://feeds.example.org/v1', trustedKeys: [a] });
    expect(resolveFeedConfig({ root, env: {} })).toEqual({
      feedUrl: 'https://feeds.example.org/v1/',
      trustedKeys: [a],
    });
    const keyFile = join(root, 'b.pub.json');
    writeFileSync(keyFile, JSON.stringify(b));
    expect(
      resolveFeedConfig({
        root,
        env: { NORMLENS_FEED_URL: 'https://other.example.org/feed/', NORMLENS_FEED_KEYS: keyFile },
      }),
    ).toEqual({ feedUrl: 'https://other.example.org/feed/', trustedKeys: [b] });
    // Inline JSON, several keys; an empty variable is unset; '[]' trusts none.
    expect(
      resolveFeedConfig({ root, env: { NORMLENS_FEED_KEYS: JSON.stringify([a, b]) } }).trustedKeys,
    ).toEqual([a, b]);
    expect(resolveFeedConfig({ root, env: { NORMLENS_FEED_KEYS: '', NORMLENS_FEED_URL: ' ' } })).toEqual({
      feedUrl: 'https://feeds.example.org/v1/',
      trustedKeys: [a],
    });
    expect(resolveFeedConfig({ root, env: { NORMLENS_FEED_KEYS: '[]' } }).trustedKeys).toEqual([]);
  });

  it('the repository as committed trusts no key and names no feed until a maintainer adds them', () => {
    const committed = resolveFeedConfig({ root: join(import.meta.dirname, '../..'), env: {} });
    // When a maintainer commits a key this changes on purpose: then assert the key they hold instead.
    expect(committed.trustedKeys.map((k) => k.keyId)).not.toContain('8a554922d68e25cd');
    expect(committed.feedUrl).not.toContain('normlens.dev');
  });

  it('a test build ignores feed.config.json and may read http://127.0.0.1', async () => {
    const a = await publicKey();
    const root = repo({ feedUrl: 'https://feeds.example.org/v1/', trustedKeys: [a] });
    expect(resolveFeedConfig({ root, env: {}, testBuild: true })).toEqual({ feedUrl: '', trustedKeys: [] });
    expect(
      resolveFeedConfig({
        root,
        env: { NORMLENS_FEED_URL: 'http://127.0.0.1:8787/feed/v1/' },
        testBuild: true,
      }).feedUrl,
    ).toBe('http://127.0.0.1:8787/feed/v1/');
    expect(() => resolveFeedConfig({ root, env: { NORMLENS_FEED_URL: 'http://127.0.0.1:8787/' } })).toThrow(
      /refused: a feed is served over https/,
    );
  });

  it('refuses what would make a build trust the wrong thing, saying why', async () => {
    const a = await publicKey();
    const b = await publicKey();
    const mismatched = { keyId: b.keyId, publicKey: a.publicKey };
    expect(() =>
      resolveFeedConfig({ root: repo({ feedUrl: '', trustedKeys: [mismatched] }), env: {} }),
    ).toThrow(/does not belong to its publicKey/);
    expect(() => resolveFeedConfig({ root: repo({ feedUrl: '', trustedKeys: [a, a] }), env: {} })).toThrow(
      /trusted twice/,
    );
    expect(() => resolveFeedConfig({ root: repo({ feedUrl: '', keys: [a] }), env: {} })).toThrow(
      /feed.config.json/,
    );
    for (const url of ['http://feeds.example.org/', 'https://u:p@feeds.example.org/', 'https://x.org/?a=1']) {
      expect(
        () => resolveFeedConfig({ root: repo({ feedUrl: url, trustedKeys: [] }), env: {} }),
        url,
      ).toThrow(/refused/);
    }
    // A private key file given as a trusted key: refused, so that no one ships or leaks it by mistake.
    const dir = tempDir();
    mkdirSync(join(dir, 'keys'));
    const privateFile = join(dir, 'keys/signing.key.json');
    writeFileSync(privateFile, JSON.stringify(await generateSigningKey()));
    expect(() => resolveFeedConfig({ root: dir, env: { NORMLENS_FEED_KEYS: privateFile } })).toThrow(
      /is a private key; give its .pub.json/,
    );
  });

  it("derives the feed's address on the repository's own GitHub Pages site", () => {
    expect(pagesFeedUrl('NormLens-Org/normlens')).toBe('https://normlens-org.github.io/normlens/feed/v1/');
    expect(pagesFeedUrl('someone/someone.github.io')).toBe('https://someone.github.io/feed/v1/');
    expect(() => pagesFeedUrl('not a repository')).toThrow(/owner\/name/);
  });
});
