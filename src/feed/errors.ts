/**
 * Why an update was refused, as a code the options page turns into plain words (t('feed_error_<code>')) plus
 * the details those words need. Every check in the feed pipeline throws one of these and nothing else.
 */
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
  'extension-too-old',
  'wrong-base',
  'apply-failed',
] as const;
export type FeedErrorCode = (typeof FEED_ERROR_CODES)[number];

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

/** The JSON-safe form kept in the database and sent to the options page. */
export interface FeedErrorInfo {
  code: FeedErrorCode;
  details: string[];
}

export function errorInfo(error: unknown): FeedErrorInfo {
  if (error instanceof FeedError) return { code: error.code, details: error.details };
  return { code: 'apply-failed', details: [error instanceof Error ? error.message : String(error)] };
}
