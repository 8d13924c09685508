/** The sites where NormLens annotates, each with a remove button (which also gives the access back). */
import { t } from '../i18n/t';
import { sendMessage } from '../shared/messaging';
import { getSites, sitesItem, type SiteRow } from '../shared/storage';
import { useStored } from '../ui/use-stored';

const sortedSites = async (): Promise<SiteRow[]> =>
  (await getSites()).sort((a, b) => a.hostname.localeCompare(b.hostname));

export function SitesSection() {
  const sites = useStored(sortedSites, (changed) => sitesItem.watch(changed));

  async function remove(site: SiteRow): Promise<void> {
    // Through the background: switching off also unregisters, tears down open tabs and gives access back.
    await sendMessage('site:set', { url: site.pattern.replace(/\*$/, ''), enabled: false });
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
