/**
 * Options: one component per section, in reading order. Other areas add their section with one line here
 * (e.g. the dataset-updates section).
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
      <UpdatesSection />
      <WrongMatchesSection />
    </main>
  );
}
