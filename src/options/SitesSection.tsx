/** The sites where NormLens annotates, each with a remove button (which also gives the access back). */
import { useEffect, useState } from 'preact/hooks';
import { getDb, type SiteRow } from '../db/database';
import { t } from '../i18n/t';
import { sendMessage } from '../messaging/protocol';

export function SitesSection() {
  const [sites, setSites] = useState<SiteRow[]>();
  const reload = async (): Promise<void> => setSites(await getDb().sites.orderBy('hostname').toArray());
  useEffect(() => void reload(), []);

  async function remove(site: SiteRow): Promise<void> {
    await sendMessage('site:set', { url: site.pattern.replace(/\*$/, ''), enabled: false });
    await reload();
  }

  return (
    <section aria-labelledby="sites-h">
      <h2 id="sites-h">{t('options_sites_heading')}</h2>
      {sites === undefined ? null : sites.length === 0 ? (
        <p class="nl-empty">{t('options_sites_none')}</p>
      ) : (
        <ul class="nl-sites">
          {sites.map((s) => (
            <li key={s.pattern}>
              <span>{s.hostname}</span>{' '}
              <button
                type="button"
                onClick={() => void remove(s)}
                aria-label={t('options_remove_site', s.hostname)}
              >
                {t('options_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
