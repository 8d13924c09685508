/** First-run page: what NormLens does, and one click to switch it on for suggested news sites. */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/protocol';
import { SUGGESTED_SITES } from '../settings/sites';

export function Welcome() {
  const [chosen, setChosen] = useState(() => new Set(SUGGESTED_SITES.map((s) => s.pattern)));
  const [status, setStatus] = useState<string>();

  async function enable(): Promise<void> {
    const origins = [...chosen];
    if (origins.length === 0) return;
    if (!(await browser.permissions.request({ origins }))) {
      setStatus('No sites were switched on: the browser did not grant access.');
      return;
    }
    for (const pattern of origins)
      await sendMessage('site:set', { url: pattern.replace(/\*$/, ''), enabled: true });
    setStatus(`NormLens is on for ${origins.length} site${origins.length === 1 ? '' : 's'}.`);
  }

  return (
    <main class="nl-page">
      <h1>Welcome to NormLens</h1>
      <p>
        NormLens underlines the initiatives, countries, people and organisations named in cyber-policy news
        and explains them on hover, with sources and dates. It only reads the sites you switch on, and it
        changes nothing on the page.
      </p>
      <h2>Switch it on for these news sites</h2>
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
        Switch on for {chosen.size} site{chosen.size === 1 ? '' : 's'}
      </button>
      {status && <p role="status">{status}</p>}
      <p>Any other site: open it and use the NormLens button in the toolbar.</p>
    </main>
  );
}
