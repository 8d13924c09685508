/** The installed dataset: its version, when it was compiled and installed. */
import { useEffect, useState } from 'preact/hooks';
import { getDb, type MetaRow } from '../db/database';
import { formatDate } from '../card/format';
import { t } from '../i18n/t';

export function DatasetSection() {
  const [dataset, setDataset] = useState<MetaRow<'dataset'>['value'] | null>();
  useEffect(
    () =>
      void getDb()
        .meta.get('dataset')
        .then((row) => setDataset((row as MetaRow<'dataset'> | undefined)?.value ?? null)),
    [],
  );
  return (
    <section aria-labelledby="data-h">
      <h2 id="data-h">{t('options_dataset_heading')}</h2>
      {dataset === undefined ? null : dataset ? (
        <p>
          {t('options_dataset_line', [
            dataset.version,
            formatDate(dataset.generatedAt.slice(0, 10)),
            formatDate(dataset.installedAt.slice(0, 10)),
          ])}
        </p>
      ) : (
        <p class="nl-empty">{t('options_dataset_none')}</p>
      )}
    </section>
  );
}
