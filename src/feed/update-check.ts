/**
 * The update state machine, free of browser APIs and of any database so it runs under unit tests: one check
 * goes idle → (offline | manifest → verified → staged → applied), and its outcome is recorded in the feed
 * state (last check, result, error, failures and backoff, ETag). The dataset store it is given stages the
 * verified update and applies it in one transaction; nothing else changes unless an update is applied.
 */
import type { AliasIndexWire } from '../shared/index-wire';
import type { CheckResult, FeedConfig, FeedState } from '../shared/feed';
import { errorInfo, FeedError } from './errors';
import type { FetchFn } from './fetch-limited';
import type { TrustedKey } from './signature';
import { backoffDelayMs } from './state';
import { fetchAndVerify, type StagedUpdate } from './verify';

/** Where the dataset lives, as the updater needs it (the background implements it over its database). */
export interface DatasetStore {
  installedVersion(): Promise<string | undefined>;
  stage(update: StagedUpdate, now: Date): Promise<void>;
  hasStaged(): Promise<boolean>;
  dropStaged(): Promise<void>;
  /** Apply the staged update atomically; the new alias index when the dataset changed. */
  applyStaged(now: Date): Promise<AliasIndexWire | undefined>;
}

/** The updater's own small state: the reader's feed choices and the last check's outcome. */
interface UpdaterState {
  config(): Promise<FeedConfig>;
  state(): Promise<FeedState>;
  writeState(state: FeedState): Promise<void>;
}

export interface UpdaterDeps {
  store: DatasetStore;
  kept: UpdaterState;
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

/** Finish an update a stopped worker left staged; a no-op when nothing is staged. */
export async function resumeStaged(deps: UpdaterDeps): Promise<CheckResult | undefined> {
  if (!(await deps.store.hasStaged())) return undefined;
  return record(deps, () => applyAndNotify(deps));
}

async function applyAndNotify(deps: UpdaterDeps): Promise<CheckResult> {
  const index = await deps.store.applyStaged(deps.now());
  if (!index) return 'up-to-date';
  await deps.onApplied?.(index).catch(() => undefined);
  return 'updated';
}

/** Run one check, record its outcome and return it. Never throws: failures are recorded state. */
export async function runCheck(deps: UpdaterDeps): Promise<CheckResult> {
  const config = await deps.kept.config();
  const feedUrl = config.feedUrl ?? deps.defaultFeedUrl;
  if (!deps.isOnline()) {
    // Not a failure of the feed: no backoff, the `online` event or the next alarm tries again.
    const state = await deps.kept.state();
    await deps.kept.writeState({ ...state, lastCheckAt: deps.now().toISOString(), lastResult: 'offline' });
    return 'offline';
  }
  return record(deps, async (state) => {
    if (!feedUrl) throw new FeedError('no-feed');
    const etag = state.etagFeedUrl === feedUrl ? state.manifestEtag : undefined;
    const outcome = await fetchAndVerify({
      feedUrl,
      trustedKeys: deps.trustedKeys,
      installedVersion: await deps.store.installedVersion(),
      extensionVersion: deps.extensionVersion,
      timeoutMs: deps.timeoutMs,
      manifestEtag: etag,
      fetchFn: deps.fetchFn,
    });
    if (outcome.status === 'not-modified') return { result: 'up-to-date' };
    if (outcome.status === 'up-to-date') {
      return { result: 'up-to-date', etag: outcome.manifestEtag, feedUrl };
    }
    await deps.store.stage(outcome.update, deps.now());
    await deps.beforeApply?.();
    return { result: await applyAndNotify(deps), etag: outcome.manifestEtag, feedUrl };
  });
}

type Step = (
  state: FeedState,
) => Promise<CheckResult | { result: CheckResult; etag?: string; feedUrl?: string }>;

/** Run a step and persist what happened: success clears the backoff, failure extends it. */
async function record(deps: UpdaterDeps, step: Step): Promise<CheckResult> {
  const before = await deps.kept.state();
  const at = deps.now().toISOString();
  try {
    const done = await step(before);
    const { result, etag, feedUrl } = typeof done === 'string' ? { result: done } : done;
    const after = await deps.kept.state();
    const version = await deps.store.installedVersion();
    await deps.kept.writeState({
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
    await deps.store.dropStaged().catch(() => undefined);
    const failures = before.failures + 1;
    const retryAt = new Date(deps.now().getTime() + backoffDelayMs(failures, deps.random())).toISOString();
    await deps.kept.writeState({
      ...(await deps.kept.state()),
      lastCheckAt: at,
      lastResult: 'error',
      lastError: { ...errorInfo(error), at },
      failures,
      retryAt,
    });
    return 'error';
  }
}
