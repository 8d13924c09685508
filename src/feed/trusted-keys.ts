/**
 * The public keys whose signatures the extension accepts, and the default feed. Several keys can be trusted
 * at once so a key can be rotated: publish releases signed by both, ship a version trusting the new one,
 * then drop the old. Test builds (NORMLENS_TEST_FEED_KEY at build time) trust only their own test key and
 * may use a feed on http://127.0.0.1; the default build never contains either.
 */
import type { TrustedKey } from './signature';

interface TestFeedBuild {
  keys: TrustedKey[];
  defaultFeedUrl: string;
  timeoutMs: number;
}

/** Defined by wxt.config.ts: null in every build but the test build. */
declare const __NORMLENS_TEST_FEED__: TestFeedBuild | null;

/** The production signing keys (private halves are kept by the publisher, never in this repository). */
export const PRODUCTION_KEYS: readonly TrustedKey[] = [
  { keyId: '8a554922d68e25cd', publicKey: '1qVQoaEa5M3+DUSI8iNPHa6M+3mtyAedGrwniEx5vhs=' },
];

/** Documented in README ("Publishing a dataset release"); readers can change it in the options page. */
export const PRODUCTION_FEED_URL = 'https://feed.normlens.dev/v1/';

const testFeed: TestFeedBuild | null =
  typeof __NORMLENS_TEST_FEED__ === 'undefined' ? null : __NORMLENS_TEST_FEED__;

export const isTestFeedBuild = testFeed !== null;
export const TRUSTED_KEYS: readonly TrustedKey[] = testFeed ? testFeed.keys : PRODUCTION_KEYS;
export const DEFAULT_FEED_URL: string = testFeed ? testFeed.defaultFeedUrl : PRODUCTION_FEED_URL;
/** Whole-request timeout; test builds keep it short so "a server that never answers" is a fast test. */
export const REQUEST_TIMEOUT_MS: number = testFeed ? testFeed.timeoutMs : 30_000;
