/**
 * The update state machine, free of browser APIs so it runs under unit tests: one check goes
 * idle → (offline | manifest → verified → staged → applied), and its outcome is recorded in the feed state
 * (last check, result, error, failures and backoff, ETag). Only the `feed` and `staging` tables change
 * unless an update is applied, and that happens in one transaction (./apply.ts).
 */
import type { AliasIndexWire } from '../annotate/alias-index';
import type { FeedRow, NormLensDB } from '../db/database';
import { installedDatasetVersion } from '../db/seed';
import { applyStaged, stageUpdate } from './apply';
import { errorInfo, FeedError } from './errors';
import type { FetchFn } from './fetch-limited';
import type { TrustedKey } from './signature';
import {
  backoffDelayMs,
  DEFAULT_SCHEDULE,
  INITIAL_STATE,
  type CheckResult,
  type FeedConfig,
  type FeedState,
} from './state';
import { fetchAndVerify } from './verify';

export interface UpdaterDeps {
  db: NormLensDB;
  trustedKeys: readonly TrustedKey[];
  defaultFeedUrl: string;
  extensionVersion: string;
  timeoutMs: number;
  isOnline(): boolean;
  now(): Date;
  random(): number;
  fetchFn?: FetchFn;
  /** Runs between staging and applying (a test build uses it to stop the worker at the worst moment). */
  beforeApply?(): Promise<void>;
  /** Told about a new dataset, to push its alias index to open tabs. */
  onApplied?(index: AliasIndexWire): Promise<void>;
}

export async function readConfig(db: NormLensDB): Promise<FeedConfig> {
  const row = (await db.feed.get('config')) as FeedRow<'config'> | undefined;
  return row?.value ?? { schedule: DEFAULT_SCHEDULE };
}

export async function writeConfig(db: NormLensDB, change: Partial<FeedConfig>): Promise<FeedConfig> {
  return db.transaction('rw', db.feed, async () => {
    const config = { ...(await readConfig(db)), ...change };
    if (change.feedUrl === '') delete config.feedUrl;
    await db.feed.put({ key: 'config', value: config });
    return config;
  });
}

export async function readState(db: NormLensDB): Promise<FeedState> {
  const row = (await db.feed.get('state')) as FeedRow<'state'> | undefined;
  return row?.value ?? INITIAL_STATE;
}

async function writeState(db: NormLensDB, state: FeedState): Promise<void> {
  await db.feed.put({ key: 'state', value: state });
}

/** Finish an update a stopped worker left staged; a no-op when nothing is staged. */
export async function resumeStaged(deps: UpdaterDeps): Promise<CheckResult | undefined> {
  if (!(await deps.db.staging.get('pending'))) return undefined;
  return record(deps, () => applyAndNotify(deps));
}

async function applyAndNotify(deps: UpdaterDeps): Promise<CheckResult> {
  const index = await applyStaged(deps.db, deps.now());
  if (!index) return 'up-to-date';
  await deps.onApplied?.(index).catch(() => undefined);
  return 'updated';
}

/** Run one check, record its outcome and return it. Never throws: failures are recorded state. */
export async function runCheck(deps: UpdaterDeps): Promise<CheckResult> {
  const config = await readConfig(deps.db);
  const feedUrl = config.feedUrl ?? deps.defaultFeedUrl;
  if (!deps.isOnline()) {
    // Not a failure of the feed: no backoff, the `online` event or the next alarm tries again.
    const state = await readState(deps.db);
    await writeState(deps.db, { ...state, lastCheckAt: deps.now().toISOString(), lastResult: 'offline' });
    return 'offline';
  }
  return record(deps, async (state) => {
    if (!feedUrl) throw new FeedError('no-feed');
    const etag = state.etagFeedUrl === feedUrl ? state.manifestEtag : undefined;
    const outcome = await fetchAndVerify({
      feedUrl,
      trustedKeys: deps.trustedKeys,
      installedVersion: await installedDatasetVersion(deps.db),
      extensionVersion: deps.extensionVersion,
      timeoutMs: deps.timeoutMs,
      manifestEtag: etag,
      fetchFn: deps.fetchFn,
    });
    if (outcome.status === 'not-modified') return { result: 'up-to-date' };
    if (outcome.status === 'up-to-date') {
      return { result: 'up-to-date', etag: outcome.manifestEtag, feedUrl };
    }
    await stageUpdate(deps.db, outcome.update, deps.now());
    await deps.beforeApply?.();
    return { result: await applyAndNotify(deps), etag: outcome.manifestEtag, feedUrl };
  });
}

type Step = (
  state: FeedState,
) => Promise<CheckResult | { result: CheckResult; etag?: string; feedUrl?: string }>;

/** Run a step and persist what happened: success clears the backoff, failure extends it. */
async function record(deps: UpdaterDeps, step: Step): Promise<CheckResult> {
  const before = await readState(deps.db);
  const at = deps.now().toISOString();
  try {
    const done = await step(before);
    const { result, etag, feedUrl } = typeof done === 'string' ? { result: done } : done;
    const after = await readState(deps.db);
    const version = await installedDatasetVersion(deps.db);
    await writeState(deps.db, {
      ...after,
      lastCheckAt: at,
      lastResult: result,
      lastAppliedVersion: result === 'updated' ? version : after.lastAppliedVersion,
      lastError: undefined,
      failures: 0,
      retryAt: undefined,
      // Remember the ETag only once a manifest was processed to the end, so a failed update is retried.
      ...(etag !== undefined && feedUrl !== undefined ? { manifestEtag: etag, etagFeedUrl: feedUrl } : {}),
    });
    return result;
  } catch (error) {
    // A verified update that could not be applied must not linger and be applied later by surprise.
    await deps.db.staging.delete('pending').catch(() => undefined);
    const failures = before.failures + 1;
    const retryAt = new Date(deps.now().getTime() + backoffDelayMs(failures, deps.random())).toISOString();
    await writeState(deps.db, {
      ...(await readState(deps.db)),
      lastCheckAt: at,
      lastResult: 'error',
      lastError: { ...errorInfo(error), at },
      failures,
      retryAt,
    });
    return 'error';
  }
}
