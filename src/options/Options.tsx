/** Options: the enabled sites (each with a remove button) and the installed dataset. */
import { useEffect, useState } from 'preact/hooks';
import { getDb, type MetaRow, type SiteRow } from '../db/database';
import { sendMessage } from '../messaging/protocol';
import { formatDate } from '../card/format';
import { UpdatesSection } from './UpdatesSection';

export function Options() {
  const [sites, setSites] = useState<SiteRow[]>();
  const [dataset, setDataset] = useState<MetaRow<'dataset'>['value']>();

  const reload = async (): Promise<void> => {
    const db = getDb();
    setSites(await db.sites.orderBy('hostname').toArray());
    setDataset(((await db.meta.get('dataset')) as MetaRow<'dataset'> | undefined)?.value);
  };
  useEffect(() => void reload(), []);

  async function remove(site: SiteRow): Promise<void> {
    await sendMessage('site:set', { url: site.pattern.replace(/\*$/, ''), enabled: false });
    await reload();
  }

  return (
    <main class="nl-page">
      <h1>NormLens options</h1>
      <section aria-labelledby="sites-h">
        <h2 id="sites-h">Sites where NormLens annotates</h2>
        {sites === undefined ? null : sites.length === 0 ? (
          <p class="nl-empty">None yet. Open a news site and switch NormLens on from the toolbar button.</p>
        ) : (
          <ul class="nl-sites">
            {sites.map((s) => (
              <li key={s.pattern}>
                <span>{s.hostname}</span>{' '}
                <button type="button" onClick={() => void remove(s)} aria-label={`Remove ${s.hostname}`}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="data-h">
        <h2 id="data-h">Dataset</h2>
        {dataset ? (
          <p>
            Version {dataset.version}, compiled {formatDate(dataset.generatedAt.slice(0, 10))}, installed{' '}
            {formatDate(dataset.installedAt.slice(0, 10))}.
          </p>
        ) : (
          <p class="nl-empty">Not installed yet.</p>
        )}
      </section>
      <UpdatesSection />
    </main>
  );
}
