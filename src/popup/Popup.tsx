/**
 * The toolbar popup: look anything up, see what NormLens found on this tab (grouped by kind; a click
 * scrolls the tab to the first mention and opens its card), copy a digest of the page, and switch annotation
 * for the site. `?tab=ID` targets a given tab instead of the active one (used when the popup is opened as a
 * page).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Card } from '../card/Card';
import { formatDate, kindLabel, kindPluralLabel } from '../card/format';
import type { CardData } from '../shared/card-data';
import { ENTITY_KINDS, type EntityKind } from '../shared/vocabulary';
import { t } from '../i18n/t';
import { sendMessage } from '../shared/messaging';
import type { PageSummary, SiteState } from '../shared/protocol';
import { digestMarkdown, groupByKind, type DigestEntry, type DigestFact } from './digest';
import { EntitySearch, type SearchHit } from './search';

async function targetTab(): Promise<{ id: number; url: string } | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  const tab = param
    ? await browser.tabs.get(Number(param))
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return tab?.id !== undefined && tab.url ? { id: tab.id, url: tab.url } : undefined;
}

function isKind(kind: string): kind is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(kind);
}

/** The page's entities as digest entries (kinds the page reported that we do not know are skipped). */
function entriesOf(summary: PageSummary): DigestEntry[] {
  return summary.entities.flatMap((e) => (isKind(e.kind) ? [{ ...e, kind: e.kind }] : []));
}

async function copyDigest(summary: PageSummary): Promise<boolean> {
  const groups = groupByKind(entriesOf(summary));
  const facts = new Map<string, DigestFact>();
  for (const group of groups) {
    for (const e of group.entries) {
      const card = await sendMessage('card:get', { id: e.id }).catch(() => undefined);
      if (card) {
        facts.set(e.id, {
          summary: card.entity.summary,
          source: card.entity.source,
          asOf: t('card_as_of', formatDate(card.entity.asOf)),
        });
      }
    }
  }
  const markdown = digestMarkdown(summary.url, groups, facts, {
    title: t('popup_digest_title'),
    kind: (k) => kindPluralLabel(k),
    mentions: (n) => t('popup_mentions', String(n)),
    via: t('popup_digest_via'),
  });
  try {
    await navigator.clipboard.writeText(markdown);
    return true;
  } catch {
    return false;
  }
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
  const [status, setStatus] = useState('');

  useEffect(() => {
    void sendMessage('search:entities', undefined).then((all) => setSearch(new EntitySearch(all)));
    void targetTab().then(async (t) => {
      setTab(t);
      if (!t) return;
      setSite(await sendMessage('site:get', { url: t.url }));
      setSummary(await sendMessage('page:summary', undefined, t.id).catch(() => null));
    });
  }, []);

  useEffect(() => {
    setCard(undefined);
    if (openId) void sendMessage('card:get', { id: openId }).then(setCard);
  }, [openId]);

  const hits: SearchHit[] = useMemo(() => search?.search(query) ?? [], [search, query]);
  const groups = useMemo(() => (summary ? groupByKind(entriesOf(summary)) : []), [summary]);

  async function toggle(enabled: boolean): Promise<void> {
    if (!tab || !site?.pattern) return;
    setError(undefined);
    // The permission prompt must be the first thing the click does.
    if (enabled && !(await browser.permissions.request({ origins: [site.pattern] }))) {
      setError(t('popup_needs_access'));
      return;
    }
    const next = await sendMessage('site:set', { url: tab.url, enabled });
    setSite(next);
    setSummary(enabled ? await sendMessage('page:summary', undefined, tab.id).catch(() => null) : null);
  }

  function reveal(id: string): void {
    if (!tab) return;
    void sendMessage('page:reveal', { id }, tab.id).catch(() => false);
  }

  const row = (id: string, label: string, kind: EntityKind, extra?: string, onPage = false) => (
    <li key={id}>
      <button
        type="button"
        class={`nl-row nl-${kind}`}
        aria-expanded={openId === id}
        onClick={() => {
          if (onPage) reveal(id);
          setOpenId(openId === id ? undefined : id);
        }}
      >
        <span class="nl-row-name">{label}</span>
        <span class="nl-row-kind">{kindLabel(kind)}</span>
        {extra && <span class="nl-row-extra">{extra}</span>}
      </button>
      {openId === id && card?.entity.id === id && <Card data={card} />}
    </li>
  );

  return (
    <main class="nl-popup">
      <label class="nl-search">
        <span class="nl-visually-hidden">{t('popup_search_label')}</span>
        <input
          type="search"
          placeholder={t('popup_search_placeholder')}
          autoFocus
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
      </label>
      {query && (
        <section aria-label={t('popup_results_label')}>
          {hits.length === 0 ? (
            <p class="nl-empty">{t('popup_nothing_found', query)}</p>
          ) : (
            <ul class="nl-results">{hits.map((h) => row(h.id, h.name, h.kind, h.matchedAlias))}</ul>
          )}
        </section>
      )}
      {!query && site?.pattern && (
        <section aria-labelledby="nl-on-page">
          <div class="nl-digest-head">
            <h2 id="nl-on-page">{t('popup_on_this_page')}</h2>
            {summary && groups.length > 0 && (
              <button
                type="button"
                class="nl-copy-digest"
                onClick={() =>
                  void copyDigest(summary).then((ok) =>
                    setStatus(t(ok ? 'popup_digest_copied' : 'card_copy_failed')),
                  )
                }
              >
                {t('popup_copy_digest')}
              </button>
            )}
          </div>
          {summary && groups.length > 0 ? (
            groups.map((g) => (
              <section key={g.kind} class="nl-kind-group" aria-labelledby={`nl-group-${g.kind}`}>
                <h3 id={`nl-group-${g.kind}`}>
                  {kindPluralLabel(g.kind)} <span class="nl-count">{g.entries.length}</span>
                </h3>
                <ul class="nl-results">
                  {g.entries.map((e) => row(e.id, e.name, e.kind, `×${e.count}`, true))}
                </ul>
              </section>
            ))
          ) : summary === undefined && site.enabled ? (
            <p class="nl-empty">{t('popup_reading')}</p>
          ) : (
            <p class="nl-empty">{site.enabled ? t('popup_no_names') : t('popup_off_here')}</p>
          )}
          <p class="nl-status nl-digest-status" role="status">
            {status}
          </p>
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
            {t('popup_annotate_on', site.hostname ?? '')}
          </label>
        ) : (
          <span class="nl-empty">{t('popup_cannot_annotate')}</span>
        )}
        {error && (
          <p class="nl-error" role="alert">
            {error}
          </p>
        )}
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
          {t('popup_options')}
        </a>
      </footer>
    </main>
  );
}
