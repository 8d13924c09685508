/**
 * First-run page: what NormLens does, what its marks mean (the key to the marks, and how to open a card with
 * a mouse, a finger or the keyboard), and one click to switch it on for suggested news sites.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../i18n/t';
import { sendMessage } from '../shared/messaging';
import { Legend } from '../ui/Legend';
import { SUGGESTED_SITES } from './suggested-sites';

export function Welcome() {
  const [chosen, setChosen] = useState(() => new Set(SUGGESTED_SITES.map((s) => s.pattern)));
  const [status, setStatus] = useState<string>();

  async function enable(): Promise<void> {
    const origins = [...chosen];
    if (origins.length === 0) return;
    if (!(await browser.permissions.request({ origins }))) {
      setStatus(t('welcome_denied'));
      return;
    }
    for (const pattern of origins)
      await sendMessage('site:set', { url: pattern.replace(/\*$/, ''), enabled: true });
    setStatus(t('welcome_enabled', String(origins.length)));
  }

  return (
    <main class="nl-page">
      <h1>{t('welcome_title')}</h1>
      <p>{t('welcome_intro')}</p>
      <h2 id="marks-h">{t('welcome_marks_heading')}</h2>
      <p>{t('welcome_marks_intro')}</p>
      <Legend />
      <p>{t('welcome_how_to_open')}</p>
      <h2>{t('welcome_sites_heading')}</h2>
      <ul>
        {SUGGESTED_SITES.map((s) => (
          <li key={s.pattern}>
            <label>
              <input
                type="checkbox"
                checked={chosen.has(s.pattern)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if ((e.target as HTMLInputElement).checked) next.add(s.pattern);
                  else next.delete(s.pattern);
                  setChosen(next);
                }}
              />{' '}
              {s.label} <span class="nl-empty">({s.pattern.replace('/*', '')})</span>
            </label>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => void enable()}>
        {t('welcome_switch_on', String(chosen.size))}
      </button>
      {status && <p role="status">{status}</p>}
      <p>{t('welcome_other_sites')}</p>
    </main>
  );
}
