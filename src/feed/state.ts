/**
 * The update checker's pure rules: how often each schedule checks, backoff with jitter after failures, and
 * which feed addresses are acceptable. What it keeps is described in src/shared/feed.ts.
 */
import type { Schedule } from '../shared/feed';

export const SCHEDULE_MINUTES: Record<Schedule, number | undefined> = {
  '12h': 12 * 60,
  daily: 24 * 60,
  weekly: 7 * 24 * 60,
  never: undefined,
};

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
