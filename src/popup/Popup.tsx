/**
 * The toolbar popup, at most 600 px tall (Chrome's cap) and as narrow as the screen: the site switch and the
 * search at the top, then one scrolling region with the search results or what NormLens found on this tab
 * (grouped by kind; each row the name as the page writes it, a one-line gist and a then-and-now badge; a
 * click scrolls the tab to the first mention and opens its card), "Copy digest", and the key to the marks
 * at the bottom. Until the page's first scan has finished it says it is reading, never "no names". `?tab=ID`
 * targets a given tab instead of the active one (used when the popup is opened as a page).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Card } from '../card/Card';
import { changedSince, datasetDate, todayIso } from '../card/as-of';
import { formatDate, kindLabel, kindPluralLabel } from '../card/format';
import { memberCount } from '../card/glance';
import type { CardData } from '../shared/card-data';
import { ENTITY_KINDS, type EntityKind } from '../shared/vocabulary';
import { t, uiLanguage } from '../i18n/t';
import { sendMessage } from '../shared/messaging';
import type { PageSummary, SiteState } from '../shared/protocol';
import { Legend } from '../ui/Legend';
import { MARK_PALETTES } from '../ui/marks';
import { digestMarkdown, gistOf, groupByKind, shortName, type DigestEntry, type DigestFact } from './digest';
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

/** How often the popup asks the page again while its first scan runs, and for how long at most. */
const POLL_MS = 200;
const POLL_LIMIT_MS = 15_000;

/**
 * What the popup knows of the tab's page: `reading` until its first scan has finished (or while the content
 * script is starting), `read` with the summary, `unreachable` when no content script answered in time.
 */
type PageState =
  | { state: 'reading'; summary?: PageSummary }
  | { state: 'read'; summary: PageSummary }
  | { state: 'unreachable' };

/** Ask the tab's page for its summary until its first scan has finished; stops when `signal` aborts. */
function watchSummary(tabId: number, signal: AbortSignal, onState: (s: PageState) => void): void {
  const started = Date.now();
  const ask = async (): Promise<void> => {
    if (signal.aborted) return;
    const summary = await sendMessage('page:summary', undefined, tabId).catch(() => undefined);
    if (signal.aborted) return;
    if (summary?.ready) {
      onState({ state: 'read', summary });
      return;
    }
    if (Date.now() - started > POLL_LIMIT_MS) {
      onState(summary ? { state: 'read', summary } : { state: 'unreachable' });
      return;
    }
    onState({ state: 'reading', ...(summary ? { summary } : {}) });
    setTimeout(() => void ask(), POLL_MS);
  };
  void ask();
}

/**
 * Does a fact that matters to this article differ between its date and today: a tie to another name on the
 * page (the United States and the Paris Call on a 2018 article), or a person's own role? Ties to what the
 * page does not name (an instrument created since, a leader elsewhere) are the card's to tell.
 */
function changedSinceArticle(
  card: CardData,
  published: string | undefined,
  onPage: ReadonlySet<string>,
): boolean {
  if (published === undefined) return false;
  const relevant = card.relations.filter(
    (r) => onPage.has(r.otherId) || (card.entity.kind === 'person' && r.type === 'holds-role' && r.outgoing),
  );
  return changedSince(relevant, published, todayIso()).length > 0;
}

/** The card's count of members as of the data ("67 of 74 members listed"), for the digest row and its copy. */
function countOf(card: CardData): ReturnType<typeof memberCount> {
  const today = todayIso();
  const dataDate = datasetDate(card.dataset);
  return memberCount(card, dataDate < today ? dataDate : today);
}

async function copyDigest(summary: PageSummary, cards: ReadonlyMap<string, CardData>): Promise<boolean> {
  const groups = groupByKind(entriesOf(summary));
  const facts = new Map<string, DigestFact>();
  for (const group of groups) {
    for (const e of group.entries) {
      const card = cards.get(e.id) ?? (await sendMessage('card:get', { id: e.id }).catch(() => undefined));
      if (card) {
        facts.set(e.id, {
          summary: card.entity.summary,
          source: card.entity.source,
          asOf: t('card_as_of', formatDate(card.entity.asOf)),
        });
        const count = countOf(card);
        if (count) {
          facts.get(e.id)!.count = {
            text: count.text,
            ...(count.source ? { source: count.source } : {}),
            ...(count.asOf ? { asOf: t('card_as_of', formatDate(count.asOf)) } : {}),
          };
        }
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

/** Whether the popup's colour scheme is dark (the rows' kind colours follow it). */
const darkScheme = (): boolean => matchMedia('(prefers-color-scheme: dark)').matches;

export function Popup() {
  const [search, setSearch] = useState<EntitySearch>();
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string>();
  const [card, setCard] = useState<CardData>();
  const [tab, setTab] = useState<{ id: number; url: string }>();
  const [site, setSite] = useState<SiteState>();
  const [page, setPage] = useState<PageState>({ state: 'reading' });
  /** A fresh watch of the page (after the site is switched on again). */
  const [watch, setWatch] = useState(0);
  const [cards, setCards] = useState<ReadonlyMap<string, CardData>>(new Map());
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');

  useEffect(() => {
    void sendMessage('search:entities', undefined).then((all) =>
      setSearch(new EntitySearch(all, { lang: uiLanguage() })),
    );
    void targetTab().then(async (t) => {
      setTab(t);
      if (t) setSite(await sendMessage('site:get', { url: t.url }));
    });
  }, []);

  useEffect(() => {
    if (!tab || !site?.enabled) return;
    const stop = new AbortController();
    setPage({ state: 'reading' });
    watchSummary(tab.id, stop.signal, setPage);
    return () => stop.abort();
  }, [tab, site?.enabled, watch]);

  const summary = page.state === 'unreachable' ? undefined : page.summary;
  const groups = useMemo(() => (summary ? groupByKind(entriesOf(summary)) : []), [summary]);
  const onPage = useMemo(() => new Set(summary?.entities.map((e) => e.id)), [summary]);

  // Each row's gist and badge come from its card: fetched once per entity for the page's list.
  useEffect(() => {
    if (page.state !== 'read') return;
    let live = true;
    const ids = page.summary.entities.map((e) => e.id).filter((id) => !cards.has(id));
    void Promise.all(ids.map((id) => sendMessage('card:get', { id }).catch(() => undefined))).then(
      (found) => {
        if (!live) return;
        const next = new Map(cards);
        found.forEach((c) => c && next.set(c.entity.id, c));
        setCards(next);
      },
    );
    return () => {
      live = false;
    };
  }, [page]);

  useEffect(() => {
    setCard(undefined);
    if (openId) void sendMessage('card:get', { id: openId }).then(setCard);
  }, [openId]);

  const hits: SearchHit[] = useMemo(() => search?.search(query) ?? [], [search, query]);
  const palette = MARK_PALETTES[darkScheme() ? 'dark' : 'light'];

  async function toggle(enabled: boolean): Promise<void> {
    if (!tab || !site?.pattern) return;
    setError(undefined);
    // The permission prompt must be the first thing the click does.
    if (enabled && !(await browser.permissions.request({ origins: [site.pattern] }))) {
      setError(t('popup_needs_access'));
      return;
    }
    setSite(await sendMessage('site:set', { url: tab.url, enabled }));
    setWatch((n) => n + 1);
  }

  function reveal(id: string): void {
    if (!tab) return;
    void sendMessage('page:reveal', { id }, tab.id).catch(() => false);
  }

  const expanded = (id: string) =>
    openId === id && card?.entity.id === id && <Card data={card} articleDate={summary?.published} />;

  const resultRow = (h: SearchHit) => (
    <li key={h.id}>
      <button
        type="button"
        class={`nl-row nl-${h.kind}`}
        style={{ '--nl-accent': palette[h.kind] }}
        aria-expanded={openId === h.id}
        onClick={() => setOpenId(openId === h.id ? undefined : h.id)}
      >
        <span class="nl-row-line">
          <span class="nl-row-name">{h.name}</span>
          <span class="nl-row-kind">{kindLabel(h.kind)}</span>
        </span>
        {h.matchedAlias && <span class="nl-row-extra">{h.matchedAlias}</span>}
      </button>
      {expanded(h.id)}
    </li>
  );

  const digestRow = (e: DigestEntry) => {
    const short = shortName(e);
    const data = cards.get(e.id);
    const changed = data && changedSinceArticle(data, summary?.published, onPage);
    const count = data && countOf(data);
    return (
      <li key={e.id}>
        <button
          type="button"
          class={`nl-row nl-digest-row nl-${e.kind}`}
          style={{ '--nl-accent': palette[e.kind] }}
          aria-expanded={openId === e.id}
          onClick={() => {
            reveal(e.id);
            setOpenId(openId === e.id ? undefined : e.id);
          }}
        >
          <span class="nl-row-line">
            <span class="nl-row-name">{short}</span>
            {short !== e.name && <span class="nl-visually-hidden">{` (${e.name})`}</span>}
            {changed && summary?.published && (
              <span
                class="nl-badge"
                title={t('popup_changed_title', formatDate(summary.published))}
                data-badge="changed"
              >
                {t('popup_changed_since', summary.published.slice(0, 4))}
              </span>
            )}
            <span class="nl-row-extra">{`×${e.count}`}</span>
          </span>
          {data && <span class="nl-gist">{gistOf(data.entity.summary)}</span>}
          {count && <span class="nl-row-count">{count.text}</span>}
        </button>
        {expanded(e.id)}
      </li>
    );
  };

  const digest = () => {
    if (!site?.enabled) return <p class="nl-empty">{t('popup_off_here')}</p>;
    if (page.state === 'unreachable') return <p class="nl-empty">{t('popup_not_reached')}</p>;
    if (groups.length > 0)
      return groups.map((g) => (
        <section key={g.kind} class="nl-kind-group" aria-labelledby={`nl-group-${g.kind}`}>
          <h3 id={`nl-group-${g.kind}`}>
            {kindPluralLabel(g.kind)} <span class="nl-count">{g.entries.length}</span>
          </h3>
          <ul class="nl-results">{g.entries.map(digestRow)}</ul>
        </section>
      ));
    return (
      <p class="nl-empty" data-digest={page.state}>
        {page.state === 'read' ? t('popup_no_names') : t('popup_reading')}
      </p>
    );
  };

  return (
    <main class="nl-popup">
      <header class="nl-popup-head">
        <div class="nl-popup-bar">
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
          ) : site ? (
            <span class="nl-empty">{t('popup_cannot_annotate')}</span>
          ) : (
            <span />
          )}
          <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
            {t('popup_options')}
          </a>
        </div>
        {error && (
          <p class="nl-error" role="alert">
            {error}
          </p>
        )}
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
      </header>
      <div class="nl-popup-body">
        {query ? (
          <section aria-label={t('popup_results_label')}>
            {hits.length === 0 ? (
              <p class="nl-empty">{t('popup_nothing_found', query)}</p>
            ) : (
              <ul class="nl-results">{hits.map(resultRow)}</ul>
            )}
          </section>
        ) : (
          site?.pattern && (
            <section aria-labelledby="nl-on-page">
              <div class="nl-digest-head">
                <h2 id="nl-on-page">{t('popup_on_this_page')}</h2>
                {summary && groups.length > 0 && (
                  <button
                    type="button"
                    class="nl-copy-digest"
                    onClick={() =>
                      void copyDigest(summary, cards).then((ok) =>
                        setStatus(t(ok ? 'popup_digest_copied' : 'card_copy_failed')),
                      )
                    }
                  >
                    {t('popup_copy_digest')}
                  </button>
                )}
              </div>
              <p class="nl-status nl-digest-status" role="status">
                {status}
              </p>
              {digest()}
            </section>
          )
        )}
      </div>
      <footer class="nl-popup-footer">
        <Legend compact />
      </footer>
    </main>
  );
}
