/**
 * The toolbar popup: look anything up, see what NormLens found on this tab, switch annotation for the site.
 * `?tab=ID` targets a given tab instead of the active one (used when the popup is opened as a page).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Card } from '../card/Card';
import { KIND_LABEL } from '../card/format';
import { getDb } from '../db/database';
import { getAllEntities, getCardData, type CardData } from '../db/queries';
import { sendMessage, type PageSummary, type SiteState } from '../messaging/protocol';
import { EntitySearch, type SearchHit } from './search';

async function targetTab(): Promise<{ id: number; url: string } | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  const tab = param
    ? await browser.tabs.get(Number(param))
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return tab?.id !== undefined && tab.url ? { id: tab.id, url: tab.url } : undefined;
}

export function Popup() {
  const [search, setSearch] = useState<EntitySearch>();
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string>();
  const [card, setCard] = useState<CardData>();
  const [tab, setTab] = useState<{ id: number; url: string }>();
  const [site, setSite] = useState<SiteState>();
  const [summary, setSummary] = useState<PageSummary | null>(); // undefined: loading, null: none
  const [error, setError] = useState<string>();

  useEffect(() => {
    void getAllEntities(getDb()).then((all) => setSearch(new EntitySearch(all)));
    void targetTab().then(async (t) => {
      setTab(t);
      if (!t) return;
      setSite(await sendMessage('site:get', { url: t.url }));
      setSummary(await sendMessage('page:summary', undefined, t.id).catch(() => null));
    });
  }, []);

  useEffect(() => {
    setCard(undefined);
    if (openId) void getCardData(getDb(), openId).then(setCard);
  }, [openId]);

  const hits: SearchHit[] = useMemo(() => search?.search(query) ?? [], [search, query]);

  async function toggle(enabled: boolean): Promise<void> {
    if (!tab || !site?.pattern) return;
    setError(undefined);
    // The permission prompt must be the first thing the click does.
    if (enabled && !(await browser.permissions.request({ origins: [site.pattern] }))) {
      setError('NormLens needs access to this site to annotate it.');
      return;
    }
    const next = await sendMessage('site:set', { url: tab.url, enabled });
    setSite(next);
    setSummary(enabled ? await sendMessage('page:summary', undefined, tab.id).catch(() => null) : null);
  }

  const row = (id: string, label: string, kind: keyof typeof KIND_LABEL, extra?: string) => (
    <li key={id}>
      <button
        type="button"
        class={`nl-row nl-${kind}`}
        aria-expanded={openId === id}
        onClick={() => setOpenId(openId === id ? undefined : id)}
      >
        <span class="nl-row-name">{label}</span>
        <span class="nl-row-kind">{KIND_LABEL[kind]}</span>
        {extra && <span class="nl-row-extra">{extra}</span>}
      </button>
      {openId === id && card?.entity.id === id && <Card data={card} />}
    </li>
  );

  return (
    <main class="nl-popup">
      <label class="nl-search">
        <span class="nl-visually-hidden">Search NormLens</span>
        <input
          type="search"
          placeholder="Search initiatives, countries, people…"
          autoFocus
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
      </label>
      {query && (
        <section aria-label="Search results">
          {hits.length === 0 ? (
            <p class="nl-empty">Nothing found for “{query}”.</p>
          ) : (
            <ul class="nl-results">{hits.map((h) => row(h.id, h.name, h.kind, h.matchedAlias))}</ul>
          )}
        </section>
      )}
      {!query && site?.pattern && (
        <section aria-label="On this page">
          <h2>On this page</h2>
          {summary && summary.entities.length > 0 ? (
            <ul class="nl-results">
              {summary.entities.map((e) =>
                row(e.id, e.name, e.kind as keyof typeof KIND_LABEL, `×${e.count}`),
              )}
            </ul>
          ) : summary === undefined && site.enabled ? (
            <p class="nl-empty">Reading the page…</p>
          ) : (
            <p class="nl-empty">
              {site.enabled ? 'No names found on this page.' : 'NormLens is off for this site.'}
            </p>
          )}
        </section>
      )}
      <footer class="nl-popup-footer">
        {site?.pattern ? (
          <label class="nl-switch">
            <input
              type="checkbox"
              role="switch"
              checked={site.enabled}
              onChange={(e) => void toggle((e.target as HTMLInputElement).checked)}
            />
            Annotate on {site.hostname}
          </label>
        ) : (
          <span class="nl-empty">NormLens cannot annotate this page.</span>
        )}
        {error && (
          <p class="nl-error" role="alert">
            {error}
          </p>
        )}
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
          Options
        </a>
      </footer>
    </main>
  );
}
