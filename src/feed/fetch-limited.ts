/**
 * One HTTP GET with the limits every feed request needs: a timeout that covers the whole body, a size cap
 * checked while streaming (a hostile server cannot make us buffer more than the cap), truncation detection
 * (Content-Length vs bytes received, and the size the manifest promised), and ETag / If-None-Match.
 */
import { FeedError } from './errors';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  /** Exact size the signed manifest promised, when known. */
  expectedSize?: number;
  /** ETag of the copy we already processed; a 304 answer means nothing changed. */
  etag?: string;
}

export type FetchOutcome =
  { status: 'not-modified' } | { status: 'ok'; bytes: Uint8Array<ArrayBuffer>; etag?: string };

export type FetchFn = typeof fetch;

export async function fetchLimited(
  url: string,
  name: string,
  limits: FetchLimits,
  fetchFn: FetchFn = fetch,
): Promise<FetchOutcome> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetchFn(url, {
        signal: controller.signal,
        // Our own conditional request: the HTTP cache must not answer in its place.
        cache: 'no-store',
        credentials: 'omit',
        headers: limits.etag ? { 'If-None-Match': limits.etag } : {},
      });
    } catch (error) {
      if (timedOut) throw new FeedError('timeout', [name]);
      throw new FeedError('network', [name, error instanceof Error ? error.message : String(error)]);
    }
    if (response.status === 304) {
      await response.body?.cancel();
      return { status: 'not-modified' };
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new FeedError('http', [name, String(response.status)]);
    }
    const cap = Math.min(limits.maxBytes, limits.expectedSize ?? Infinity);
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > cap) {
      await response.body?.cancel();
      throw new FeedError('too-large', [name]);
    }
    const bytes = await readCapped(response, name, cap, () => timedOut);
    if (Number.isFinite(declared) && bytes.length < declared) throw new FeedError('truncated', [name]);
    if (limits.expectedSize !== undefined && bytes.length < limits.expectedSize) {
      throw new FeedError('truncated', [name]);
    }
    return { status: 'ok', bytes, etag: response.headers.get('etag') ?? undefined };
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(
  response: Response,
  name: string,
  cap: number,
  timedOut: () => boolean,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch {
      // The connection ended before the body did (or our timeout aborted it).
      throw new FeedError(timedOut() ? 'timeout' : 'truncated', [name]);
    }
    if (step.done) break;
    total += step.value.length;
    if (total > cap) {
      await reader.cancel();
      throw new FeedError('too-large', [name]);
    }
    chunks.push(step.value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
