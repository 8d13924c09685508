/**
 * The update checker's persisted state and the pure rules around it: schedules, backoff with jitter after
 * failures, and what the options page shows. Kept in the `feed` table, apart from the dataset (so a failed
 * check changes nothing the reader reads) and from the reader's settings.
 */
import type { FeedErrorInfo } from './errors';

export const SCHEDULES = ['12h', 'daily', 'weekly', 'never'] as const;
export type Schedule = (typeof SCHEDULES)[number];
export const DEFAULT_SCHEDULE: Schedule = '12h';

export const SCHEDULE_MINUTES: Record<Schedule, number | undefined> = {
  '12h': 12 * 60,
  daily: 24 * 60,
  weekly: 7 * 24 * 60,
  never: undefined,
};

export interface FeedConfig {
  schedule: Schedule;
  /** The reader's feed folder URL; undefined means the build's default feed. */
  feedUrl?: string;
}

export type CheckResult = 'updated' | 'up-to-date' | 'offline' | 'error';

export interface FeedState {
  lastCheckAt?: string;
  lastResult?: CheckResult;
  /** The version a successful check applied. */
  lastAppliedVersion?: string;
  lastError?: FeedErrorInfo & { at: string };
  /** Failures in a row; drives the backoff. */
  failures: number;
  /** No automatic check before this time (backoff after failures). */
  retryAt?: string;
  /** ETag of the manifest last processed to the end, for If-None-Match. */
  manifestEtag?: string;
  /** The feed URL the ETag belongs to. */
  etagFeedUrl?: string;
}

export const INITIAL_STATE: FeedState = { failures: 0 };

const BACKOFF_BASE_MS = 5 * 60_000;
const BACKOFF_CAP_MS = 24 * 60 * 60_000;

/**
 * Delay before the next automatic try after `failures` failures in a row: doubling from 5 minutes, capped at
 * a day, then "equal jitter" (half fixed, half random) so many readers behind one CDN do not retry together.
 */
export function backoffDelayMs(failures: number, random: number): number {
  const exp = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(exp / 2 + (exp / 2) * random);
}

/** Whether a feed URL is acceptable: https anywhere; plain http only to this machine in test builds. */
export function isAllowedFeedUrl(url: string, allowLocalHttp: boolean): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password || parsed.search || parsed.hash) return false;
  if (parsed.protocol === 'https:') return true;
  return allowLocalHttp && parsed.protocol === 'http:' && parsed.hostname === '127.0.0.1';
}

/** What the options page shows. */
export interface UpdateStatus {
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
