/**
 * What the dataset updater keeps and shows: the reader's feed choices, the last check's outcome, the status
 * the options page words, and the error codes it turns into plain words. Schemas are the one source of the
 * types and of the checks on stored values; the rules (backoff, schedules) are in src/feed/state.ts.
 */
import { z } from 'zod';

export const SCHEDULES = ['12h', 'daily', 'weekly', 'never'] as const;
export type Schedule = (typeof SCHEDULES)[number];
const DEFAULT_SCHEDULE: Schedule = '12h';

export const FEED_ERROR_CODES = [
  'no-feed',
  'network',
  'timeout',
  'http',
  'too-large',
  'truncated',
  'bad-json',
  'bad-manifest',
  'bad-signature',
  'unknown-key',
  'size-mismatch',
  'hash-mismatch',
  'invalid-record',
  'older-version',
  'future-version',
  'extension-too-old',
  'wrong-base',
  'apply-failed',
] as const;
export type FeedErrorCode = (typeof FEED_ERROR_CODES)[number];

const CHECK_RESULTS = ['updated', 'up-to-date', 'offline', 'error'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

/** Why an update was refused, JSON-safe: a code the options page words, and the details those words need. */
const feedErrorInfo = z.object({
  code: z.enum(FEED_ERROR_CODES),
  details: z.array(z.string().max(2000)).max(10),
});
export type FeedErrorInfo = z.infer<typeof feedErrorInfo>;

export const feedConfigSchema = z.object({
  schedule: z.enum(SCHEDULES),
  /** The reader's feed folder URL; absent means the build's default feed. */
  feedUrl: z.string().max(2048).optional(),
});
export type FeedConfig = z.infer<typeof feedConfigSchema>;
export const DEFAULT_FEED_CONFIG: FeedConfig = { schedule: DEFAULT_SCHEDULE };

export const feedStateSchema = z.object({
  lastCheckAt: z.string().optional(),
  lastResult: z.enum(CHECK_RESULTS).optional(),
  /** The version a successful check applied. */
  lastAppliedVersion: z.string().optional(),
  lastError: feedErrorInfo.extend({ at: z.string() }).optional(),
  /** Failures in a row; drives the backoff. */
  failures: z.number().int().nonnegative(),
  /** No automatic check before this time (backoff after failures). */
  retryAt: z.string().optional(),
  /** ETag of the manifest last processed to the end, for If-None-Match. */
  manifestEtag: z.string().max(400).optional(),
  /** The feed URL the ETag belongs to. */
  etagFeedUrl: z.string().max(2048).optional(),
});
export type FeedState = z.infer<typeof feedStateSchema>;
export const INITIAL_FEED_STATE: FeedState = { failures: 0 };

/** What the options page shows. */
export interface UpdateStatus {
  /** False in a build that trusts no signing key: it has no updater and never requests anything. */
  configured: boolean;
  dataset?: { version: string; generatedAt: string; installedAt: string };
  schedule: Schedule;
  feedUrl: string;
  defaultFeedUrl: string;
  lastCheckAt?: string;
  lastResult?: CheckResult;
  lastError?: FeedErrorInfo & { at: string };
  nextCheckAt?: string;
  checking: boolean;
}
