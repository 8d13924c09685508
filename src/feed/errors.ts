/**
 * Why an update was refused, as a code the options page turns into plain words (t('feed_error_<code>')) plus
 * the details those words need. Every check in the feed pipeline throws one of these and nothing else.
 */
import type { FeedErrorCode, FeedErrorInfo } from '../shared/feed';

export class FeedError extends Error {
  constructor(
    readonly code: FeedErrorCode,
    /** Substitutions for the message, in order (file name, versions, HTTP status...). */
    readonly details: string[] = [],
  ) {
    super(`${code}${details.length > 0 ? `: ${details.join(', ')}` : ''}`);
    this.name = 'FeedError';
  }
}

export function errorInfo(error: unknown): FeedErrorInfo {
  if (error instanceof FeedError) return { code: error.code, details: error.details };
  return { code: 'apply-failed', details: [error instanceof Error ? error.message : String(error)] };
}
