/**
 * Browser glue for dataset updates: when to check (install, browser start, the alarm for the reader's
 * schedule, back online, "Check now"), one check at a time, what the options page asks (./handlers.ts
 * answers its messages), and pushing a new alias index to open tabs. The checks themselves live in src/feed/
 * as plain functions. A build that trusts no signing key has no updater: it schedules nothing, checks
 * nothing and requests nothing, and its status says so.
 */
import { browser } from 'wxt/browser';
import type { NormLensDB } from '../db/database';
import { installedDataset } from '../db/dataset';
import { sendMessage } from '../shared/messaging';
import type { CheckResult, FeedConfig, Schedule, UpdateStatus } from '../shared/feed';
import { feedConfigItem, feedStateItem, getFeedConfig, getFeedState } from '../shared/storage';
import { isAllowedFeedUrl, SCHEDULE_MINUTES } from '../feed/state';
import {
  DEFAULT_FEED_URL,
  isTestFeedBuild,
  REQUEST_TIMEOUT_MS,
  TRUSTED_KEYS,
  UPDATES_CONFIGURED,
} from '../feed/trusted-keys';
import { resumeStaged, runCheck, type UpdaterDeps } from '../feed/update-check';
import type { AliasIndexWire } from '../shared/index-wire';
import { datasetStore } from './dataset';

const ALARM = 'normlens:feed';
const RETRY_ALARM = 'normlens:feed-retry';

/** What the options page can ask of the updater. */
export interface Updates {
  status(): Promise<UpdateStatus>;
  check(): Promise<UpdateStatus>;
  setSchedule(schedule: Schedule): Promise<UpdateStatus>;
  setFeed(feedUrl: string): Promise<UpdateStatus>;
}

async function writeConfig(change: Partial<FeedConfig>): Promise<void> {
  const config = { ...(await getFeedConfig()), ...change };
  if (change.feedUrl === '') delete config.feedUrl;
  await feedConfigItem.setValue(config);
}

/** Test builds only: a switch the e2e test flips to stop between staging and applying. */
type TestHooks = typeof globalThis & { __normlensPauseBeforeApply?: boolean };

async function pushIndex(index: AliasIndexWire): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined ? undefined : sendMessage('page:index', index, tab.id).catch(() => undefined),
    ),
  );
}

export function startUpdates(db: NormLensDB, whenReady: () => Promise<void>): Updates {
  const store = datasetStore(db);
  const deps: UpdaterDeps = {
    store,
    kept: {
      config: getFeedConfig,
      state: getFeedState,
      writeState: (state) => feedStateItem.setValue(state),
    },
    trustedKeys: TRUSTED_KEYS,
    defaultFeedUrl: DEFAULT_FEED_URL,
    extensionVersion: browser.runtime.getManifest().version,
    timeoutMs: REQUEST_TIMEOUT_MS,
    isOnline: () => navigator.onLine !== false,
    now: () => new Date(),
    random: Math.random,
    onApplied: pushIndex,
    beforeApply: isTestFeedBuild
      ? async () => {
          if ((globalThis as TestHooks).__normlensPauseBeforeApply) await new Promise<never>(() => undefined);
        }
      : undefined,
  };

  let running: Promise<CheckResult | undefined> | undefined;
  /** One check at a time; a second request joins the one in flight. None at all without a trusted key. */
  const check = (): Promise<CheckResult | undefined> => {
    if (!UPDATES_CONFIGURED) return Promise.resolve(undefined);
    running ??= (async () => {
      try {
        await whenReady();
        const result = await runCheck(deps);
        await scheduleRetry();
        return result;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  /** Automatic checks respect the schedule ("never") and the backoff after failures. */
  const automaticCheck = async (): Promise<void> => {
    if (!UPDATES_CONFIGURED) return;
    const [config, state] = await Promise.all([getFeedConfig(), getFeedState()]);
    if (config.schedule === 'never' || !(config.feedUrl ?? DEFAULT_FEED_URL)) return;
    if (state.retryAt && Date.parse(state.retryAt) > Date.now()) return;
    await check();
  };

  const scheduleAlarm = async (schedule: Schedule): Promise<void> => {
    const minutes = SCHEDULE_MINUTES[schedule];
    await browser.alarms.clear(ALARM);
    if (minutes !== undefined)
      await browser.alarms.create(ALARM, { periodInMinutes: minutes, delayInMinutes: minutes });
  };

  const scheduleRetry = async (): Promise<void> => {
    const [config, state] = await Promise.all([getFeedConfig(), getFeedState()]);
    await browser.alarms.clear(RETRY_ALARM);
    if (config.schedule !== 'never' && state.retryAt) {
      await browser.alarms.create(RETRY_ALARM, {
        when: Math.max(Date.parse(state.retryAt), Date.now() + 60_000),
      });
    }
  };

  const status = async (): Promise<UpdateStatus> => {
    const [config, state, dataset, alarm, retry] = await Promise.all([
      getFeedConfig(),
      getFeedState(),
      installedDataset(db),
      browser.alarms.get(ALARM),
      browser.alarms.get(RETRY_ALARM),
    ]);
    const next = [alarm?.scheduledTime, retry?.scheduledTime].filter((t): t is number => t !== undefined);
    return {
      configured: UPDATES_CONFIGURED,
      dataset,
      schedule: config.schedule,
      feedUrl: config.feedUrl ?? DEFAULT_FEED_URL,
      defaultFeedUrl: DEFAULT_FEED_URL,
      lastCheckAt: state.lastCheckAt,
      lastResult: state.lastResult,
      lastError: state.lastError,
      nextCheckAt:
        config.schedule === 'never' || next.length === 0
          ? undefined
          : new Date(Math.min(...next)).toISOString(),
      checking: running !== undefined,
    };
  };

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM || alarm.name === RETRY_ALARM) void automaticCheck();
  });
  browser.runtime.onInstalled.addListener(() => {
    void (async () => {
      const config = await getFeedConfig();
      // No key, no schedule: an alarm left by an earlier build that had one goes too.
      await (UPDATES_CONFIGURED ? scheduleAlarm(config.schedule) : browser.alarms.clear(ALARM));
      await automaticCheck();
    })();
  });
  browser.runtime.onStartup.addListener(() => void automaticCheck());
  globalThis.addEventListener('online', () => void automaticCheck());
  // A worker stopped between staging and applying left a verified update behind: finish it now.
  // Look at the staging table first: on a fresh install there is nothing to resume, and waiting for
  // whenReady() here would start a second seeding next to onInstalled's.
  void store
    .hasStaged()
    .then(async (staged) => {
      if (staged) await whenReady().then(() => resumeStaged(deps));
    })
    .catch((e: unknown) => console.error('[normlens] could not resume the staged update', e));

  return {
    status,
    check: async () => {
      await check();
      return status();
    },
    setSchedule: async (schedule) => {
      await writeConfig({ schedule });
      if (UPDATES_CONFIGURED) await scheduleAlarm(schedule);
      await scheduleRetry();
      return status();
    },
    setFeed: async (feedUrl) => {
      if (feedUrl !== '' && !isAllowedFeedUrl(feedUrl, isTestFeedBuild)) return status();
      await writeConfig({ feedUrl });
      return status();
    },
  };
}
