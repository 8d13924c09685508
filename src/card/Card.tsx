/**
 * The entity card, shown on hover in the page (inside NormLens's shadow root) and in the popup. Every
 * dataset string is rendered as text by Preact; links are only ever http(s).
 */
import type { CardData, CardRelation } from '../db/queries';
import { KIND_LABEL, formatDate, formatSpan, relationPhrase, safeHref, sourceLabel } from './format';

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
      <span class="nl-asof"> · as of {formatDate(asOf)}</span>
    </span>
  );
}

const GROUP_ORDER: { title: string; test: (r: CardRelation) => boolean }[] = [
  { title: 'Roles', test: (r) => r.type === 'holds-role' && r.outgoing },
  { title: 'People', test: (r) => r.type === 'holds-role' && !r.outgoing },
  { title: 'Runs / hosts', test: (r) => (r.type === 'runs' || r.type === 'hosts') && r.outgoing },
  { title: 'Run by', test: (r) => (r.type === 'runs' || r.type === 'hosts') && !r.outgoing },
  {
    title: 'Joined',
    test: (r) => r.type !== 'holds-role' && r.type !== 'runs' && r.type !== 'hosts' && r.outgoing,
  },
  {
    title: 'Members',
    test: (r) => r.type !== 'holds-role' && r.type !== 'runs' && r.type !== 'hosts' && !r.outgoing,
  },
];

const MAX_ROWS = 8;

function RelationRow({ r }: { r: CardRelation }) {
  const span = formatSpan(r.from, r.to);
  const label =
    r.type === 'holds-role'
      ? r.outgoing
        ? `${r.role ?? 'Role'}${r.otherId !== r.subject ? `, ${r.otherName}` : ''}`
        : `${r.otherName}: ${r.role ?? 'role'}`
      : r.outgoing
        ? `${relationPhrase(r.type, true)} ${r.otherName}`
        : `${r.otherName} (${relationPhrase(r.type, false)})`;
  return (
    <li>
      <span class="nl-fact">{label}</span>
      {span && <span class="nl-when"> {span}</span>}
      {r.note && <span class="nl-note"> ({r.note})</span>} <Source url={r.source} asOf={r.asOf} />
    </li>
  );
}

export function Card({ data, onClose }: { data: CardData; onClose?: () => void }) {
  const { entity, relations } = data;
  const official = entity.official ? safeHref(entity.official) : undefined;
  return (
    <article class={`nl-card nl-${entity.kind}`} role="dialog" aria-label={`${entity.name}: NormLens card`}>
      <header>
        <span class="nl-kind">{KIND_LABEL[entity.kind]}</span>
        <h2 class="nl-name">{entity.name}</h2>
        {onClose && (
          <button type="button" class="nl-close" aria-label="Close" onClick={onClose}>
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
              official site
            </a>
          </>
        )}
      </p>
      {entity.dates.length > 0 && (
        <section>
          <h3>Key dates</h3>
          <ul>
            {entity.dates.map((d) => (
              <li key={`${d.type}${d.date}`}>
                <span class="nl-fact">{d.type.replace(/-/g, ' ')}</span>{' '}
                <span class="nl-when">{formatDate(d.date)}</span> <Source url={d.source} asOf={d.asOf} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {entity.counts?.map((c) => (
        <section key={c.source}>
          <h3>{c.label ?? 'Counts'}</h3>
          <p class="nl-counts">
            {Object.entries(c.counts)
              .filter(([, n]) => n > 0)
              .map(([k, n]) => `${n} ${k.replace(/-/g, ' ')}`)
              .join(' · ')}{' '}
            <Source url={c.source} asOf={c.asOf} />
          </p>
        </section>
      ))}
      {GROUP_ORDER.map(({ title, test }) => {
        const rows = relations.filter(test).sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''));
        if (rows.length === 0) return null;
        return (
          <section key={title}>
            <h3>
              {title} <span class="nl-count">{rows.length}</span>
            </h3>
            <ul>
              {rows.slice(0, MAX_ROWS).map((r) => (
                <RelationRow key={r.id} r={r} />
              ))}
            </ul>
            {rows.length > MAX_ROWS && <p class="nl-more">and {rows.length - MAX_ROWS} more</p>}
          </section>
        );
      })}
      <footer class="nl-footer">
        NormLens data {data.dataset.version} · compiled {formatDate(data.dataset.generatedAt.slice(0, 10))}
      </footer>
    </article>
  );
}
