/**
 * The entity card, shown on hover in the page (inside NormLens's shadow root) and in the popup. Its head
 * never scrolls and holds what a reader needs at a glance: the name the article used, what kind of thing it
 * is and its status, one count of its members, one sentence, what changed since the article and what it has
 * to do with the page's other names. Everything else (members, people, dates, the stance grid) is behind
 * one "Details" disclosure that scrolls inside the card. Sources are numbered notes, one list per card.
 * Every dataset string is rendered as text by Preact; links are only ever http(s).
 */
import type { ComponentChildren, VNode } from 'preact';
import { useState } from 'preact/hooks';
import type { CardData, CardRelation } from '../shared/card-data';
import type { DATE_TYPES } from '../shared/vocabulary';
import { t, type MessageKey } from '../i18n/t';
import { datasetDate, isStale, statusNow, todayIso } from './as-of';
import { citationMarkdown, citationText, type Citation, type CitedFact } from './citation';
import { countsText, formatDate, kindLabel, safeHref, sourceLabel } from './format';
import {
  ACTION_KEYS,
  byNames,
  firstSentence,
  holdersNowText,
  inThisArticle,
  isHeadRole,
  isMembership,
  memberCount,
  memberRows,
  nameList,
  relationSentence,
  roleHolders,
  seriesParts,
  stanceGrid,
  statusChip,
  targetName,
  thenAndNow,
  titleOf,
  typeBadge,
  type Fact,
  type GlanceInput,
} from './glance';
import { Notes, isOldAsOf } from './notes';

type DateType = (typeof DATE_TYPES)[number];

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

const dateTypeLabel = (type: DateType): string => t(DATE_TYPE_KEYS[type]);

/** Lines in the head beside then-and-now: together at most this many, so the head keeps its height. */
const MAX_HEAD_LINES = 3;
const MAX_ROWS = 8;

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
  /** The mention's text on the page: the card's title is the name as the article wrote it. */
  mentionText?: string;
  /** The entities the page names, in order of first mention ("In this article", ranking). */
  pageEntities?: readonly { id: string; name: string }[];
}

interface Row {
  key: string;
  text: string;
  fact: { source?: string; asOf?: string };
  named: boolean;
  date: string;
}

interface Group {
  key: string;
  title: string;
  rows: Row[];
  /** A count to show beside the title (distinct members, "N of M listed"). */
  count?: string;
}

/** The Details groups: every relation the head did not already say, in at most one group. */
function detailGroups(input: GlanceInput, today: string): Group[] {
  const { data, pageIds } = input;
  const named = new Set(pageIds);
  const kind = data.entity.kind;
  const used = new Set<CardRelation>();
  const groups: Group[] = [];
  const row = (r: CardRelation, text: string): Row => ({
    key: r.id,
    text,
    fact: r,
    named: named.has(r.otherId) || (r.by ?? []).some((b) => named.has(b)),
    date: r.from ?? '',
  });
  const add = (
    key: string,
    title: string,
    rels: CardRelation[],
    text: (r: CardRelation) => string,
    count?: string,
  ): void => {
    const fresh = rels.filter((r) => !used.has(r));
    fresh.forEach((r) => used.add(r));
    if (fresh.length === 0) return;
    groups.push({ key, title, rows: fresh.map((r) => row(r, text(r))), ...(count ? { count } : {}) });
  };
  const rels = data.relations;
  const out = (type: string): CardRelation[] => rels.filter((r) => r.outgoing && r.type === type);
  const inc = (type: string): CardRelation[] => rels.filter((r) => !r.outgoing && r.type === type);

  if (kind === 'person') {
    const roles = out('holds-role');
    const current = roles.filter((r) => statusNow(r, today) === 'active');
    const seen = roles.filter((r) => !r.to && r.heldThrough && statusNow(r, today) === 'unknown');
    add('roles-now', t('card_group_roles_current', formatDate(datasetDate(data.dataset))), current, (r) =>
      relationSentence(data, r, today),
    );
    add('roles-seen', t('card_group_roles_seen'), seen, (r) => relationSentence(data, r, today));
    add('roles-past', t('card_group_roles_past'), roles, (r) => relationSentence(data, r, today));
  }
  // Attribution: who did it, who said so, what was done about it.
  add(
    'attributed',
    t('card_group_attributed_to'),
    out('attributed-to').sort((a, b) => (a.from ?? '').localeCompare(b.from ?? '')),
    (r) =>
      t('card_attr_row', [
        targetName(r),
        nameList(byNames(data, r), 3) || t('card_attr_someone'),
        r.from ? formatDate(r.from) : '',
      ]),
  );
  add(
    'attributed-in',
    kind === 'threat-actor' ? t('card_group_incidents') : t('card_group_attributed_in'),
    inc('attributed-to'),
    (r) =>
      t('card_attr_row', [
        r.otherShort,
        nameList(byNames(data, r), 3) || t('card_attr_someone'),
        r.from ? formatDate(r.from) : '',
      ]),
  );
  add('targeted', t('card_group_targeted'), out('targeted'), (r) => r.otherShort);
  add('responses-in', t('card_group_responses'), inc('responded-to'), (r) =>
    t('card_response_item', [
      r.otherShort,
      r.action ? t(ACTION_KEYS[r.action]) : t('card_action_statement'),
      r.from ? formatDate(r.from) : '',
    ]),
  );
  add('responses-out', t('card_group_responses_out'), out('responded-to'), (r) =>
    t('card_response_item', [
      r.otherShort,
      r.action ? t(ACTION_KEYS[r.action]) : t('card_action_statement'),
      r.from ? formatDate(r.from) : '',
    ]),
  );
  add('targeted-by', t('card_group_targeted_by'), inc('targeted'), (r) => r.otherShort);
  // A series' parts, with their dates and outcomes.
  const parts = seriesParts(data, input.articleDate);
  if (parts.length > 0) {
    parts.forEach((p) => used.add(p.rel));
    groups.push({
      key: 'parts',
      title: t('card_group_parts'),
      rows: parts.map((p) => ({
        key: p.rel.id,
        text: [p.rel.otherShort, p.span, p.outcome, p.runningThen ? t('card_part_then') : '']
          .filter(Boolean)
          .join(' · '),
        fact: p.rel,
        named: named.has(p.rel.otherId),
        date: p.rel.otherStart ?? '',
      })),
    });
  }
  add('parts-other', t('card_group_has_parts'), inc('part-of'), (r) => r.otherShort);
  add('part-of', t('card_group_part_of'), out('part-of'), (r) => r.otherShort);
  // People in roles at the entity: heads first, current before past.
  const holders = inc('holds-role').sort(
    (a, b) =>
      Number(isHeadRole(b.role)) - Number(isHeadRole(a.role)) ||
      Number(statusNow(b, today) === 'active') - Number(statusNow(a, today) === 'active') ||
      (b.from ?? '').localeCompare(a.from ?? ''),
  );
  add('people', t('card_group_people'), holders, (r) => relationSentence(data, r, today));
  // Members: one row per member.
  const members = rels.filter((r) => !r.outgoing && isMembership(r));
  if (members.length > 0) {
    members.forEach((r) => used.add(r));
    const count = memberCount(data, today);
    groups.push({
      key: 'members',
      title: t('card_group_members'),
      ...(count ? { count: count.text } : {}),
      rows: memberRows(members, today).map((m) => ({
        key: m.rel.id,
        text: `${m.name}: ${m.text}`,
        fact: m.rel,
        named: named.has(m.otherId),
        date: m.rel.from ?? '',
      })),
    });
  }
  const inGrid = new Set((data.instruments ?? []).map((i) => i.id));
  const joined = rels.filter((r) => r.outgoing && isMembership(r) && !inGrid.has(r.otherId));
  rels.filter((r) => r.outgoing && isMembership(r) && inGrid.has(r.otherId)).forEach((r) => used.add(r));
  if (joined.length > 0) {
    joined.forEach((r) => used.add(r));
    groups.push({
      key: 'joined',
      title: t('card_group_joined'),
      rows: memberRows(joined, today).map((m) => ({
        key: m.rel.id,
        text: `${m.name}: ${m.text}`,
        fact: m.rel,
        named: named.has(m.otherId),
        date: m.rel.from ?? '',
      })),
    });
  }
  add('runs', t('card_group_runs'), [...out('runs'), ...out('hosts')], (r) =>
    relationSentence(data, r, today),
  );
  add('run-by', t('card_group_run_by'), [...inc('runs'), ...inc('hosts')], (r) =>
    relationSentence(data, r, today),
  );
  add(
    'affiliated',
    t('card_group_affiliated'),
    rels.filter((r) => r.type === 'affiliated-with'),
    (r) => relationSentence(data, r, today),
  );
  add('other', t('card_group_other'), rels, (r) => relationSentence(data, r, today));
  // Named on the page first, then the most recent.
  for (const g of groups) {
    if (g.key === 'parts') continue;
    g.rows.sort((a, b) => Number(b.named) - Number(a.named) || b.date.localeCompare(a.date));
  }
  return groups;
}

export function Card({
  data,
  onClose,
  articleDate,
  today = todayIso(),
  dark,
  trapFocus,
  onWrongMatch,
  mentionText,
  pageEntities = [],
}: CardProps) {
  const { entity } = data;
  // Names of the page's entities, for the ones the card's own data does not name.
  data = {
    ...data,
    names: { ...Object.fromEntries(pageEntities.map((e) => [e.id, e.name])), ...data.names },
  };
  const [status, setStatus] = useState('');
  // "Now" is as of the data: a fact listed as held on the data's date is current, not "not confirmed since".
  const dataDate = datasetDate(data.dataset);
  const now = dataDate < today ? dataDate : today;
  const input: GlanceInput = {
    data,
    ...(articleDate ? { articleDate } : {}),
    today: now,
    pageIds: pageEntities.map((e) => e.id).filter((id) => id !== entity.id),
  };
  const titleId = `nl-card-title-${entity.id}`;
  const { title, official: officialName } = titleOf(entity, mentionText);
  const badge = typeBadge(entity);
  const chip = statusChip(data, now);
  const count = memberCount(data, now) ?? attributionSummary(data);
  const sentence = firstSentence(entity.summary);
  const then = thenAndNow(input);
  const skip = new Set(then.lines.map((l) => l.about).filter((a): a is string => !!a));
  const here = inThisArticle(input, skip, Math.max(1, MAX_HEAD_LINES - then.lines.length));
  const stale = isStale(data.dataset, today);
  const notes = new Notes();
  const officialHref = entity.official ? safeHref(entity.official) : undefined;

  /** A fact's note number, and its as-of date when that is old. */
  function cite(f: { source?: string; asOf?: string }): VNode | null {
    if (!f.source || !f.asOf) return null;
    const n = notes.ref(f.source, f.asOf);
    return (
      <>
        <sup class="nl-ref">{n}</sup>
        {isOldAsOf(f.asOf, today) && <span class="nl-asof"> {t('card_as_of', formatDate(f.asOf))}</span>}
      </>
    );
  }
  const line = (f: Fact, key: string | number, cls?: string): VNode => (
    <li key={key} class={cls}>
      <span class="nl-fact">{f.text}</span>
      {cite(f)}
    </li>
  );

  // The head, built first so its sources take the first numbers.
  const head = (
    <div class="nl-head">
      <p class="nl-badges">
        <span class="nl-kind">{kindLabel(entity.kind)}</span>
        {badge && <span class="nl-type">{badge}</span>}
        {chip && (
          <span class="nl-chip">
            {chip.text}
            {cite(chip)}
          </span>
        )}
      </p>
      <h2 class="nl-name" id={titleId}>
        {title}
      </h2>
      {officialName && <p class="nl-official">{officialName}</p>}
      {count && (
        <p class="nl-count">
          {count.text}
          {cite(count)}
        </p>
      )}
      <p class="nl-summary">
        {sentence}
        {cite(entity)}
      </p>
      {articleDate && (then.lines.length > 0 || then.since) && (
        <section class="nl-then">
          <h3>{t('card_then_heading', formatDate(articleDate))}</h3>
          <ul>{then.lines.map((l, i) => line(l, i))}</ul>
          {then.since && (
            <p class="nl-since" title={then.since.text}>
              {then.since.text}
              {cite(then.since)}
            </p>
          )}
        </section>
      )}
      {here.length > 0 && (
        <section class="nl-here">
          <h3>{t('card_here_heading')}</h3>
          <ul>{here.map((l, i) => line(l, i))}</ul>
        </section>
      )}
      {stale && (
        <p class="nl-stale">
          <span aria-hidden="true">⚠</span> {t('card_data_stale')}
        </p>
      )}
    </div>
  );

  const sections: ComponentChildren[] = [];
  if (sentence.length < entity.summary.length) sections.push(<p class="nl-summary-full">{entity.summary}</p>);
  if (officialHref)
    sections.push(
      <p class="nl-meta">
        <a href={officialHref} target="_blank" rel="noopener noreferrer">
          {t('card_official_site')}
        </a>
      </p>,
    );
  if (entity.kind === 'country') sections.push(...countrySections(input, now, cite));
  if (entity.kind === 'threat-actor') sections.push(vendorTable(data));
  if (entity.dates.length > 0)
    sections.push(
      <section key="dates">
        <h3>{t('card_key_dates')}</h3>
        <ul>
          {entity.dates.map((d) => (
            <li key={`${d.type}${d.date}`}>
              <span class="nl-fact">{dateTypeLabel(d.type)}</span>{' '}
              <span class="nl-when">{formatDate(d.date)}</span>
              {cite(d)}
            </li>
          ))}
        </ul>
      </section>,
    );
  for (const c of entity.counts ?? [])
    sections.push(
      <section key={c.source}>
        <h3>{c.label ?? t('card_counts')}</h3>
        <p class="nl-counts">
          {countsText(c.counts)}
          {cite(c)}
        </p>
      </section>,
    );
  for (const g of detailGroups(input, now)) {
    sections.push(
      <section key={g.key} class={`nl-group nl-group-${g.key}`}>
        <h3>
          {g.title}{' '}
          {g.count ? (
            <span class="nl-count-small">({g.count})</span>
          ) : (
            <span class="nl-count-small">{g.rows.length}</span>
          )}
        </h3>
        <ul>
          {g.rows.slice(0, MAX_ROWS).map((r) => (
            <li key={r.key}>
              <span class="nl-fact">{r.text}</span>
              {cite(r.fact)}
            </li>
          ))}
        </ul>
        {g.rows.length > MAX_ROWS && (
          <p class="nl-more">{t('card_and_more', String(g.rows.length - MAX_ROWS))}</p>
        )}
      </section>,
    );
  }
  // Rendered last: every fact above has its number by now.
  const noteList = notes.list();
  const hostCount = new Map<string, number>();
  for (const n of noteList) hostCount.set(sourceLabel(n.url), (hostCount.get(sourceLabel(n.url)) ?? 0) + 1);
  sections.push(
    <section key="notes" class="nl-notes">
      <h3>{t('card_sources')}</h3>
      <ol>
        {noteList.map((n) => {
          const href = safeHref(n.url);
          return (
            <li key={n.url} value={n.n}>
              <span class="nl-source">
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    {noteLabel(n.url, (hostCount.get(sourceLabel(n.url)) ?? 0) > 1)}
                  </a>
                ) : (
                  sourceLabel(n.url)
                )}
              </span>
              <span class="nl-asof"> · {t('card_as_of', formatDate(n.asOf))}</span>
            </li>
          );
        })}
      </ol>
      <p class="nl-data-as-of">
        {t('card_data_as_of', [formatDate(datasetDate(data.dataset)), data.dataset.version])}
      </p>
    </section>,
  );

  async function copy(markdown: boolean): Promise<void> {
    const citation = cardCitation(data, { title, count, then, here, articleDate });
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
    // Only what can take focus now: links inside a closed disclosure cannot.
    const focusables = [
      ...card.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), summary'),
    ].filter((el) => el.matches('summary') || !el.closest('details:not([open])'));
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
      {head}
      {onClose && (
        <button type="button" class="nl-close" aria-label={t('card_close')} onClick={onClose}>
          ×
        </button>
      )}
      <div class="nl-body">
        <details class="nl-details">
          <summary>{t('card_details')}</summary>
          {sections}
        </details>
      </div>
      <footer class="nl-footer">
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

/** A note's link text: the site, and the page's last path segment when the card cites that site twice. */
function noteLabel(url: string, sameSiteTwice: boolean): string {
  const host = sourceLabel(url);
  if (!sameSiteTwice) return host;
  try {
    const segment = decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).pop() ?? '');
    return segment ? `${host} › ${segment.length > 36 ? `${segment.slice(0, 35)}…` : segment}` : host;
  } catch {
    return host;
  }
}

/** For threat actors and incidents: what governments and firms tied it to, in one line. */
function attributionSummary(data: CardData): Fact | undefined {
  const rels = data.relations.filter((r) => r.type === 'attributed-to' && r.outgoing);
  if (rels.length === 0) return undefined;
  const targets = [...new Set(rels.map((r) => targetName(r)))];
  const by = [...new Set(rels.flatMap((r) => byNames(data, r)))];
  const latest = [...rels].sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))[0]!;
  return {
    text:
      by.length > 0
        ? t('card_attr_summary', [nameList(targets, 3), nameList(by, 3)])
        : t('card_attr_summary_plain', nameList(targets, 3)),
    source: latest.source,
    asOf: latest.asOf,
  };
}

/** Country cards: where the state stands on the main instruments, its heads then and now, its agencies. */
function countrySections(
  input: GlanceInput,
  today: string,
  cite: (f: { source?: string; asOf?: string }) => VNode | null,
): VNode[] {
  const { data, articleDate } = input;
  const out: VNode[] = [];
  const grid = stanceGrid(input);
  if (grid.length > 0)
    out.push(
      <section key="stance" class="nl-stance">
        <h3>{t('card_stance_heading')}</h3>
        {grid.some((g) => g.named) && <p class="nl-legend">{t('card_stance_legend')}</p>}
        <table>
          <thead>
            <tr>
              <th scope="col">{t('card_stance_instrument')}</th>
              {articleDate && <th scope="col">{t('card_stance_then', formatDate(articleDate))}</th>}
              <th scope="col">{t('card_stance_now')}</th>
            </tr>
          </thead>
          <tbody>
            {grid.map((g) => (
              <tr key={g.instrument.id} class={g.named ? 'nl-named' : undefined}>
                <th scope="row">
                  {g.named && <span aria-hidden="true">• </span>}
                  {g.instrument.short}
                  {g.named && <span class="nl-visually-hidden"> ({t('card_named_here')})</span>}
                </th>
                {articleDate && <td class={`nl-stance-${g.then ?? 'unknown'}`}>{g.thenText}</td>}
                <td class={`nl-stance-${g.now}`}>
                  {g.nowText}
                  {g.rel && cite(g.rel)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>,
    );
  const heads = roleHolders(data, articleDate, today).filter(
    (h) => isHeadRole(h.role) && (h.now.length > 0 || h.then.length > 0 || h.lastSeen.length > 0),
  );
  if (heads.length > 0)
    out.push(
      <section key="heads" class="nl-heads">
        <h3>{t('card_heads_heading')}</h3>
        <ul>
          {heads.map((h) => {
            const now = holdersNowText(h) ?? t('card_not_known');
            const thenNames = [...new Set(h.then.map((r) => r.otherShort))].join(', ');
            const rel = h.now[0] ?? h.lastSeen[0] ?? h.then[0];
            const since = h.now[0]?.from ? ` (${t('card_since', formatDate(h.now[0].from))})` : '';
            return (
              <li key={h.role}>
                <span class="nl-fact">
                  {articleDate && thenNames
                    ? t('card_role_change', [h.role, thenNames, now])
                    : t('card_role_now', [h.role, `${now}${since}`])}
                </span>
                {rel && cite(rel)}
              </li>
            );
          })}
        </ul>
      </section>,
    );
  if (data.agencies && data.agencies.length > 0)
    out.push(
      <section key="agencies" class="nl-agencies">
        <h3>{t('card_agencies_heading')}</h3>
        <ul>
          {data.agencies.slice(0, MAX_ROWS).map((a) => {
            const type = typeBadge(a);
            return (
              <li key={a.id}>
                <span class="nl-fact">{a.short}</span>
                {type && <span class="nl-note"> ({type})</span>}
              </li>
            );
          })}
        </ul>
      </section>,
    );
  return out;
}

/** "Which name is which": a threat actor's names and who uses each. */
function vendorTable(data: CardData): VNode {
  const rows = data.entity.aliases.filter((a) => a.by && a.by.length > 0);
  const others = data.entity.aliases.filter((a) => !a.by?.length && !a.lang).map((a) => a.text);
  return (
    <section key="names" class="nl-names">
      <h3>{t('card_names_heading')}</h3>
      {rows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('card_names_name')}</th>
              <th scope="col">{t('card_names_by')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.text}>
                <th scope="row">{a.text}</th>
                <td>{a.by!.map((id) => data.names[id] ?? id).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {others.length > 0 && <p class="nl-aka">{t('card_names_also', nameList(others, 10))}</p>}
    </section>
  );
}

/** The card as a citation: what it says at a glance and its key dates, each with its source. */
function cardCitation(
  data: CardData,
  glance: {
    title: string;
    count: Fact | undefined;
    then: { lines: Fact[]; since?: Fact };
    here: Fact[];
    articleDate: string | undefined;
  },
): Citation {
  const { entity } = data;
  const asOf = (d: string): string => t('card_as_of', formatDate(d));
  const cited = (f: Fact, prefix?: string): CitedFact | undefined =>
    f.source && f.asOf
      ? { text: prefix ? `${prefix}: ${f.text}` : f.text, source: f.source, asOf: asOf(f.asOf) }
      : undefined;
  const facts: CitedFact[] = [{ text: entity.summary, source: entity.source, asOf: asOf(entity.asOf) }];
  if (glance.count) facts.push(...[cited(glance.count)].filter((f): f is CitedFact => !!f));
  const thenHeading = glance.articleDate ? t('card_then_heading', formatDate(glance.articleDate)) : undefined;
  for (const l of [...glance.then.lines, ...(glance.then.since ? [glance.then.since] : [])]) {
    const f = cited(l, thenHeading);
    if (f) facts.push(f);
  }
  for (const l of glance.here) {
    const f = cited(l, t('card_here_heading'));
    if (f) facts.push(f);
  }
  for (const d of entity.dates) {
    facts.push({
      text: `${dateTypeLabel(d.type)}: ${formatDate(d.date)}`,
      source: d.source,
      asOf: asOf(d.asOf),
    });
  }
  const title = glance.title === entity.name ? entity.name : `${glance.title} (${entity.name})`;
  return { title, facts, via: t('card_citation_via', data.dataset.version) };
}
