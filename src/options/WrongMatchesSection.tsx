/**
 * The reader's "wrong match" reports (made from a card's "Wrong match?" button): listed, deletable one by
 * one or all together, and exportable as a JSON file. They stay on this computer; nothing is sent.
 */
import { useState } from 'preact/hooks';
import {
  MAX_WRONG_MATCHES,
  getWrongMatches,
  wrongMatchesItem,
  type WrongMatchReport,
} from '../shared/storage';
import { useStored } from '../ui/use-stored';
import { formatDate } from '../card/format';
import { t } from '../i18n/t';

function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The list as a JSON file the reader can keep or send by hand. */
export function wrongMatchesJson(list: readonly WrongMatchReport[]): string {
  return JSON.stringify({ format: 'normlens-wrong-matches', version: 1, reports: list }, null, 2);
}

export function WrongMatchesSection() {
  const reports = useStored(getWrongMatches, (changed) => wrongMatchesItem.watch(changed));
  /** "Delete all" cannot be undone: it asks once more, in place, before it deletes. */
  const [confirmingDeleteAll, setConfirmingDeleteAll] = useState(false);

  /** Delete some reports (by id), or all when ids is undefined. */
  const remove = async (ids?: string[]): Promise<void> => {
    setConfirmingDeleteAll(false);
    const keep = ids === undefined ? [] : (await getWrongMatches()).filter((r) => !ids.includes(r.id));
    await wrongMatchesItem.setValue(keep);
  };

  return (
    <section aria-labelledby="wrong-h">
      <h2 id="wrong-h">{t('options_wrong_heading')}</h2>
      <p>{t('options_wrong_intro')}</p>
      <p class="nl-empty" data-wrong="cap">
        {t('options_wrong_cap', String(MAX_WRONG_MATCHES))}
      </p>
      {reports === undefined ? null : reports.length === 0 ? (
        <p class="nl-empty">{t('options_wrong_none')}</p>
      ) : (
        <>
          <ul class="nl-reports">
            {reports.map((r) => (
              <li key={r.id}>
                <span class="nl-report-text">“{r.matchedText}”</span> → <code>{r.entityId}</code>{' '}
                <span class="nl-empty">
                  {t('options_wrong_where', [r.pageUrl, formatDate(r.reportedAt.slice(0, 10))])}
                </span>{' '}
                <button
                  type="button"
                  onClick={() => void remove([r.id])}
                  aria-label={t('options_wrong_delete_one', r.matchedText)}
                >
                  {t('options_delete')}
                </button>
              </li>
            ))}
          </ul>
          <p class="nl-actions">
            <button
              type="button"
              onClick={() => download('normlens-wrong-matches.json', wrongMatchesJson(reports))}
            >
              {t('options_wrong_export')}
            </button>{' '}
            {confirmingDeleteAll ? null : (
              <button type="button" onClick={() => setConfirmingDeleteAll(true)}>
                {t('options_wrong_delete_all')}
              </button>
            )}
          </p>
          {confirmingDeleteAll ? (
            <p class="nl-actions" role="alert" data-wrong="confirm-delete-all">
              {t('options_wrong_delete_all_confirm', String(reports.length))}{' '}
              <button type="button" onClick={() => void remove()}>
                {t('options_wrong_delete_all_yes')}
              </button>{' '}
              <button type="button" onClick={() => setConfirmingDeleteAll(false)}>
                {t('options_wrong_delete_all_no')}
              </button>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
