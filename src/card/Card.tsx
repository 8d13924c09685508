/**
 * The entity card, shown on hover in the page (inside NormLens's shadow root) and in the popup. Every
 * dataset string is rendered as text by Preact; links are only ever http(s). When the article's date is
 * known the card also says what was different then; every fact carries its source and as-of date, and can
 * be copied as a citation.
 */
import { useState } from 'preact/hooks';
import type { CardData, CardRelation } from '../shared/card-data';
import type { DATE_TYPES } from '../shared/vocabulary';
import { t, type MessageKey } from '../i18n/t';
import { changedSince, datasetDate, heldOn, isStale, todayIso } from './as-of';
import { citationMarkdown, citationText, type Citation, type CitedFact } from './citation';
import {
  NOT_THEN,
  NOW_SINCE,
  countsText,
  formatDate,
  formatSpan,
  kindLabel,
  relationPhrase,
  safeHref,
  sourceLabel,
} from './format';

type DateType = (typeof DATE_TYPES)[number];

function Source({ url, asOf }: { url: string; asOf: string }) {
  const href = safeHref(url);
  return (
    <span class="nl-source">
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {sourceLabel(url)}
        </a>
      ) : (
        sourceLabel(url)
      )}
      <span class="nl-asof"> · {t('card_as_of', formatDate(asOf))}</span>
    </span>
  );
}

interface Group {
  title: string;
  test: (r: CardRelation) => boolean;
}

const isRole = (r: CardRelation): boolean => r.type === 'holds-role';
const isRunHost = (r: CardRelation): boolean => r.type === 'runs' || r.type === 'hosts';

function groups(): Group[] {
  return [
    { title: t('card_group_roles'), test: (r) => isRole(r) && r.outgoing },
    { title: t('card_group_people'), test: (r) => isRole(r) && !r.outgoing },
    { title: t('card_group_runs'), test: (r) => isRunHost(r) && r.outgoing },
    { title: t('card_group_run_by'), test: (r) => isRunHost(r) && !r.outgoing },
    { title: t('card_group_joined'), test: (r) => !isRole(r) && !isRunHost(r) && r.outgoing },
    { title: t('card_group_members'), test: (r) => !isRole(r) && !isRunHost(r) && !r.outgoing },
  ];
}

const EVENT_TYPES: ReadonlySet<string> = new Set(['attributed-to', 'responded-to', 'targeted']);

const MAX_ROWS = 8;
const MAX_THEN_ROWS = 6;

/** What a relation says, from the card entity's point of view. */
function relationLabel(r: CardRelation): string {
  if (r.type === 'holds-role') {
    const role = r.role ?? t('card_role_fallback');
    if (r.outgoing) return r.otherId !== r.subject ? `${role}, ${r.otherName}` : role;
    return `${r.otherName}: ${role}`;
  }
  return relationPhrase(r.type, r.outgoing, r.otherName);
}

/** The subject of a then/now line: the far end, or the role for a person's own roles. */
function thenSubject(r: CardRelation): string {
  if (r.type === 'holds-role' && r.outgoing) return relationLabel(r);
  if (r.type === 'holds-role') return `${r.otherName}, ${r.role ?? t('card_role_fallback')}`;
  return r.otherName;
}

function RelationRow({ r }: { r: CardRelation }) {
  const span = formatSpan(r.from, r.to);
  return (
    <li>
      <span class="nl-fact">{relationLabel(r)}</span>
      {span && <span class="nl-when"> {span}</span>}
      {r.note && <span class="nl-note"> ({r.note})</span>} <Source url={r.source} asOf={r.asOf} />
    </li>
  );
}

export interface ThenRow {
  key: string;
  text: string;
  relation: CardRelation;
}

/** The lines of "At the time of this article": facts that changed since, and roles held then. */
function thenRows(data: CardData, articleDate: string, today: string): ThenRow[] {
  const rows: ThenRow[] = [];
  // The card entity's own memberships first, then its roles, then what others did in relation to it.
  const rank = (r: CardRelation): number => (r.outgoing ? (r.type === 'holds-role' ? 1 : 0) : 2);
  // Attributions, responses and targets are events: what had not happened yet matters on the card of the
  // incident or actor they are about, not as "no response yet" rows on the card of every state that acted.
  const eventful = data.entity.kind === 'incident' || data.entity.kind === 'threat-actor';
  const facts = data.relations.filter((r) => eventful || !EVENT_TYPES.has(r.type));
  const changed = changedSince(facts, articleDate, today).sort((a, b) => rank(a.fact) - rank(b.fact));
  for (const { fact: r, then } of changed) {
    const thenText = then === 'active' ? t('card_then_yes') : t(NOT_THEN[r.type]);
    const nowText =
      then === 'active'
        ? r.to
          ? t('card_now_ended', formatDate(r.to))
          : t('card_now_no')
        : r.from
          ? t(NOW_SINCE[r.type], formatDate(r.from))
          : t('card_now_yes');
    rows.push({ key: `c-${r.id}`, text: `${thenSubject(r)}: ${thenText} · ${nowText}`, relation: r });
  }
  if (data.entity.kind === 'person') {
    const changedIds = new Set(changed.map((c) => c.fact.id));
    for (const r of heldOn(
      data.relations.filter((x) => x.type === 'holds-role' && x.outgoing),
      articleDate,
    )) {
      if (!changedIds.has(r.id)) rows.push({ key: `h-${r.id}`, text: relationLabel(r), relation: r });
    }
  }
  return rows;
}

/** The card as a citation: its summary, what changed since the article, and key dates, each sourced. */
function cardCitation(data: CardData, rows: ThenRow[], articleDate?: string): Citation {
  const { entity } = data;
  const asOf = (d: string): string => t('card_as_of', formatDate(d));
  const facts: CitedFact[] = [{ text: entity.summary, source: entity.source, asOf: asOf(entity.asOf) }];
  for (const row of rows) {
    facts.push({
      text: articleDate ? `${t('card_then_heading', formatDate(articleDate))}: ${row.text}` : row.text,
      source: row.relation.source,
      asOf: asOf(row.relation.asOf),
    });
  }
  for (const d of entity.dates) {
    facts.push({
      text: `${dateTypeLabel(d.type)}: ${formatDate(d.date)}`,
      source: d.source,
      asOf: asOf(d.asOf),
    });
  }
  return { title: entity.name, facts, via: t('card_citation_via', data.dataset.version) };
}

const DATE_TYPE_KEYS: Record<DateType, MessageKey> = {
  launched: 'card_date_launched',
  adopted: 'card_date_adopted',
  signed: 'card_date_signed',
  'opened-for-signature': 'card_date_opened_for_signature',
  'entered-into-force': 'card_date_entered_into_force',
  founded: 'card_date_founded',
  started: 'card_date_started',
  ended: 'card_date_ended',
  published: 'card_date_published',
  born: 'card_date_born',
  'un-admission': 'card_date_un_admission',
  'first-seen': 'card_date_first_seen',
  'last-seen': 'card_date_last_seen',
  disclosed: 'card_date_disclosed',
  died: 'card_date_died',
  'applies-from': 'card_date_applies_from',
};

function dateTypeLabel(type: DateType): string {
  return t(DATE_TYPE_KEYS[type]);
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export interface CardProps {
  data: CardData;
  onClose?: () => void;
  /** The article's publication date (YYYY, YYYY-MM or YYYY-MM-DD), when the page declares one. */
  articleDate?: string;
  /** Today (YYYY-MM-DD); a parameter so tests and screenshots are stable. */
  today?: string;
  /** Forces the dark palette (the page itself is dark); otherwise prefers-color-scheme decides. */
  dark?: boolean;
  /** Keep Tab inside the card (on pages, where the card is a dialog opened from the keyboard). */
  trapFocus?: boolean;
  /** Report this match as wrong (only on pages, where there is a match). */
  onWrongMatch?: () => Promise<boolean>;
}

export function Card({
  data,
  onClose,
  articleDate,
  today = todayIso(),
  dark,
  trapFocus,
  onWrongMatch,
}: CardProps) {
  const { entity, relations } = data;
  const [status, setStatus] = useState('');
  const official = entity.official ? safeHref(entity.official) : undefined;
  const titleId = `nl-card-title-${entity.id}`;
  const rows = articleDate ? thenRows(data, articleDate, today) : [];
  const stale = isStale(data.dataset, today);

  async function copy(markdown: boolean): Promise<void> {
    const citation = cardCitation(data, rows, articleDate);
    const ok = await copyText(markdown ? citationMarkdown(citation) : citationText(citation));
    setStatus(ok ? t(markdown ? 'card_copied_markdown' : 'card_copied') : t('card_copy_failed'));
  }

  async function reportWrongMatch(): Promise<void> {
    if (!onWrongMatch) return;
    setStatus((await onWrongMatch()) ? t('card_wrong_match_saved') : t('card_wrong_match_failed'));
  }

  function onKeyDown(e: KeyboardEvent): void {
    if (!trapFocus || e.key !== 'Tab') return;
    const card = e.currentTarget as HTMLElement;
    const focusables = [...card.querySelectorAll<HTMLElement>('a[href], button:not([disabled])')];
    const first = focusables[0];
    const last = focusables[focusables.length - 1];
    if (!first || !last) return;
    const active = (card.getRootNode() as Document | ShadowRoot).activeElement;
    if (e.shiftKey && (active === first || active === card)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  }

  return (
    <div
      class={`nl-card nl-${entity.kind}${dark ? ' nl-theme-dark' : ''}`}
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <header>
        <span class="nl-kind">{kindLabel(entity.kind)}</span>
        <h2 class="nl-name" id={titleId}>
          {entity.name}
        </h2>
        {onClose && (
          <button type="button" class="nl-close" aria-label={t('card_close')} onClick={onClose}>
            ×
          </button>
        )}
      </header>
      <p class="nl-summary">{entity.summary}</p>
      <p class="nl-meta">
        <Source url={entity.source} asOf={entity.asOf} />
        {official && (
          <>
            {' · '}
            <a href={official} target="_blank" rel="noopener noreferrer">
              {t('card_official_site')}
            </a>
          </>
        )}
      </p>
      {articleDate && rows.length > 0 && (
        <section class="nl-then">
          <h3>{t('card_then_heading', formatDate(articleDate))}</h3>
          <ul>
            {rows.slice(0, MAX_THEN_ROWS).map((row) => (
              <li key={row.key}>
                <span class="nl-fact">{row.text}</span>{' '}
                <Source url={row.relation.source} asOf={row.relation.asOf} />
              </li>
            ))}
          </ul>
          {rows.length > MAX_THEN_ROWS && (
            <p class="nl-more">{t('card_and_more', String(rows.length - MAX_THEN_ROWS))}</p>
          )}
        </section>
      )}
      {entity.dates.length > 0 && (
        <section>
          <h3>{t('card_key_dates')}</h3>
          <ul>
            {entity.dates.map((d) => (
              <li key={`${d.type}${d.date}`}>
                <span class="nl-fact">{dateTypeLabel(d.type)}</span>{' '}
                <span class="nl-when">{formatDate(d.date)}</span> <Source url={d.source} asOf={d.asOf} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {entity.counts?.map((c) => (
        <section key={c.source}>
          <h3>{c.label ?? t('card_counts')}</h3>
          <p class="nl-counts">
            {countsText(c.counts)} <Source url={c.source} asOf={c.asOf} />
          </p>
        </section>
      ))}
      {groups().map(({ title, test }) => {
        const list = relations.filter(test).sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''));
        if (list.length === 0) return null;
        return (
          <section key={title}>
            <h3>
              {title} <span class="nl-count">{list.length}</span>
            </h3>
            <ul>
              {list.slice(0, MAX_ROWS).map((r) => (
                <RelationRow key={r.id} r={r} />
              ))}
            </ul>
            {list.length > MAX_ROWS && (
              <p class="nl-more">{t('card_and_more', String(list.length - MAX_ROWS))}</p>
            )}
          </section>
        );
      })}
      <footer class="nl-footer">
        <p class="nl-data-as-of">
          {t('card_data_as_of', [formatDate(datasetDate(data.dataset)), data.dataset.version])}
          {stale && (
            <strong class="nl-stale">
              {' '}
              <span aria-hidden="true">⚠</span> {t('card_data_stale')}
            </strong>
          )}
        </p>
        <div class="nl-actions">
          <button type="button" class="nl-copy" onClick={() => void copy(false)}>
            {t('card_copy_citation')}
          </button>
          <button type="button" class="nl-copy-md" onClick={() => void copy(true)}>
            {t('card_copy_markdown')}
          </button>
          {onWrongMatch && (
            <button type="button" class="nl-wrong" onClick={() => void reportWrongMatch()}>
              {t('card_wrong_match')}
            </button>
          )}
        </div>
        <p class="nl-status" role="status">
          {status}
        </p>
      </footer>
    </div>
  );
}
