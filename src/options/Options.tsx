/**
 * Options: one component per section, in reading order. Other areas add their section with one line here.
 * What a reader changes often comes first; the dataset feed (its address, schedule, checks and errors) is
 * under "Advanced", closed, so a fresh install shows no feed state in the main flow. `#advanced` in the
 * address opens it.
 */
import { t } from '../i18n/t';
import { ReaderSection } from './ReaderSection';
import { SitesSection } from './SitesSection';
import { UpdatesSection } from './UpdatesSection';
import { WrongMatchesSection } from './WrongMatchesSection';

export function Options() {
  return (
    <main class="nl-page">
      <h1>{t('options_title')}</h1>
      <ReaderSection />
      <SitesSection />
      <WrongMatchesSection />
      <details class="nl-advanced" id="advanced" open={location.hash === '#advanced'}>
        <summary>{t('options_advanced')}</summary>
        <UpdatesSection />
      </details>
    </main>
  );
}
