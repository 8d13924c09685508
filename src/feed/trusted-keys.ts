/**
 * The signing keys this build trusts and the feed it reads by default, both fixed at build time by
 * wxt.config.ts from feed.config.json and the environment (src/feed/build-config.ts; README "Publishing a
 * dataset release"). Several keys can be trusted at once so a key can be rotated: sign releases with both,
 * ship a version trusting both, then drop the old.
 *
 * No key is trusted until a maintainer puts one in: such a build has no updater at all (the options page
 * says "updates not configured in this build") and never requests anything. Test builds (NORMLENS_TEST_HOSTS)
 * take their keys and feed only from the environment, may read a feed on http://127.0.0.1, and time out fast.
 */
import type { TrustedKey } from './signature';

interface FeedBuild {
  keys: TrustedKey[];
  defaultFeedUrl: string;
  /** Whole-request timeout: 30 s; test builds keep it short so "a server that never answers" is fast. */
  timeoutMs: number;
}

/** Defined by wxt.config.ts in every build; absent only where no build ran (unit tests). */
declare const __NORMLENS_FEED__: FeedBuild | undefined;
/** A literal, so that the minifier drops the test-only code from every other build. */
declare const __NORMLENS_FEED_TEST_BUILD__: boolean | undefined;

const build: FeedBuild =
  typeof __NORMLENS_FEED__ === 'undefined'
    ? { keys: [], defaultFeedUrl: '', timeoutMs: 30_000 }
    : __NORMLENS_FEED__;

export const TRUSTED_KEYS: readonly TrustedKey[] = build.keys;
/** The build's feed; readers can choose another in the options page. '' when the build has none. */
export const DEFAULT_FEED_URL: string = build.defaultFeedUrl;
/** False in a build that trusts no key: nothing could ever verify, so nothing is ever fetched. */
export const UPDATES_CONFIGURED = TRUSTED_KEYS.length > 0;
export const isTestFeedBuild =
  typeof __NORMLENS_FEED_TEST_BUILD__ === 'undefined' ? false : __NORMLENS_FEED_TEST_BUILD__;
export const REQUEST_TIMEOUT_MS: number = build.timeoutMs;
