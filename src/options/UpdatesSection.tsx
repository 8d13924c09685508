/**
 * Options "Dataset updates" section: the installed data, the last check and its result, the next check and
 * the last error in plain words; the schedule, the feed address and "Check now". All state lives in the
 * background (update:* messages); this component only shows it. A build that trusts no signing key has no
 * updater: the section then says so plainly and offers nothing to press.
 */
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../shared/messaging';
import { t, uiLanguage, type MessageKey } from '../i18n/t';
import {
  SCHEDULES,
  type CheckResult,
  type FeedErrorInfo,
  type Schedule,
  type UpdateStatus,
} from '../shared/feed';

function when(iso: string | undefined): string {
  if (!iso) return t('feed_never_checked');
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

const RESULT_KEYS: Record<CheckResult, MessageKey> = {
  updated: 'feed_result_updated',
  'up-to-date': 'feed_result_up_to_date',
  offline: 'feed_result_offline',
  error: 'feed_result_error',
};

const SCHEDULE_KEYS: Record<Schedule, MessageKey> = {
  '12h': 'feed_schedule_12h',
  daily: 'feed_schedule_daily',
  weekly: 'feed_schedule_weekly',
  never: 'feed_schedule_never',
};

function describeFeedError(error: FeedErrorInfo): string {
  return t(`feed_error_${error.code.replaceAll('-', '_')}` as MessageKey, error.details);
}

export function UpdatesSection() {
  const [status, setStatus] = useState<UpdateStatus>();
  const [checking, setChecking] = useState(false);
  const [feedUrl, setFeedUrl] = useState('');
  const [urlInvalid, setUrlInvalid] = useState(false);

  const show = (next: UpdateStatus): void => {
    setStatus(next);
    setFeedUrl(next.feedUrl);
  };
  useEffect(() => {
    void sendMessage('update:status', undefined).then(show);
  }, []);

  async function checkNow(): Promise<void> {
    setChecking(true);
    try {
      show(await sendMessage('update:check', undefined));
    } finally {
      setChecking(false);
    }
  }

  async function saveFeed(value: string): Promise<void> {
    let valid = value === '';
    try {
      valid ||= ['https:', 'http:'].includes(new URL(value).protocol);
    } catch {
      valid = false;
    }
    setUrlInvalid(!valid);
    if (!valid) return;
    let next: UpdateStatus;
    try {
      next = await sendMessage('update:set-feed', { feedUrl: value });
    } catch (error) {
      // The background refused the message itself (it says which field): nothing was saved.
      console.warn('[normlens] feed address refused', error);
      setUrlInvalid(true);
      return;
    }
    // The background refuses an address it does not accept (plain http outside test builds, credentials...).
    setUrlInvalid(value !== '' && next.feedUrl !== value);
    setStatus(next);
  }

  if (!status) return null;
  const installed = (
    <p data-feed="dataset">
      {status.dataset
        ? t('feed_dataset', [status.dataset.version, when(status.dataset.generatedAt)])
        : t('feed_dataset_none')}
    </p>
  );
  if (!status.configured) {
    return (
      <section aria-labelledby="feed-h" class="nl-updates">
        <h2 id="feed-h">{t('feed_title')}</h2>
        {installed}
        <p data-feed="not-configured">{t('feed_not_configured')}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="feed-h" class="nl-updates">
      <h2 id="feed-h">{t('feed_title')}</h2>
      {installed}
      <p data-feed="last-check">{t('feed_last_check', when(status.lastCheckAt))}</p>
      {status.lastResult ? (
        <p data-feed="last-result">{t('feed_last_result', t(RESULT_KEYS[status.lastResult]))}</p>
      ) : null}
      <p data-feed="next-check">
        {status.nextCheckAt ? t('feed_next_check', when(status.nextCheckAt)) : t('feed_no_next_check')}
      </p>
      {status.lastError ? (
        <p data-feed="last-error" role="alert">
          {t('feed_last_error', [when(status.lastError.at), describeFeedError(status.lastError)])}
        </p>
      ) : null}
      <p>
        <button type="button" data-feed="check" disabled={checking} onClick={() => void checkNow()}>
          {checking ? t('feed_checking') : t('feed_check_now')}
        </button>
      </p>
      <p>
        <label>
          {t('feed_schedule_label')}{' '}
          <select
            data-feed="schedule"
            value={status.schedule}
            onChange={(e) =>
              void sendMessage('update:set-schedule', {
                schedule: e.currentTarget.value as Schedule,
              }).then(setStatus)
            }
          >
            {SCHEDULES.map((s) => (
              <option key={s} value={s}>
                {t(SCHEDULE_KEYS[s])}
              </option>
            ))}
          </select>
        </label>
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void saveFeed(feedUrl.trim());
        }}
      >
        <label>
          {t('feed_url_label')}{' '}
          <input
            type="url"
            data-feed="url"
            size={48}
            value={feedUrl}
            aria-invalid={urlInvalid}
            onInput={(e) => setFeedUrl(e.currentTarget.value)}
          />
        </label>{' '}
        <button type="submit" data-feed="save-url">
          {t('feed_url_save')}
        </button>{' '}
        <button type="button" onClick={() => void saveFeed('')}>
          {t('feed_url_reset')}
        </button>
        {urlInvalid ? (
          <p class="nl-error" role="alert" data-feed="url-invalid">
            {t('feed_url_invalid')}
          </p>
        ) : null}
      </form>
    </section>
  );
}
