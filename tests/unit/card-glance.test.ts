/**
 * What cards say at a glance, on the real dataset (compiled from data/, seeded into fake-indexeddb and read
 * back through the background's card query): titles, counts of distinct members, ranked then-and-now lines,
 * the stance grid, attributions over time, a series' running part, and partial lists shown as partial.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { resolve } from 'node:path';
import { english } from './support/english';

vi.mock('../../src/i18n/t', () => ({ t: english, uiLanguage: () => 'en' }));

const { loadAndCompile } = await import('../../src/dataset/load-sources');
const { buildAliasIndex } = await import('../../src/annotate/alias-index');
const { NormLensDB } = await import('../../src/db/database');
const { getCardData, replaceDataset } = await import('../../src/db/dataset');
const g = await import('../../src/card/glance');
import type { CardData } from '../../src/shared/card-data';
import type { Dataset } from '../../src/shared/model';

let dataset: Dataset;
let db: InstanceType<typeof NormLensDB>;
const TODAY = '2026-11-27';

beforeAll(async () => {
  dataset = loadAndCompile(resolve(import.meta.dirname, '../../data')).dataset;
  db = new NormLensDB(`glance-${Math.random()}`);
  await db.open();
  await db.transaction('rw', db.entities, db.relations, db.meta, () =>
    replaceDataset(db, dataset, buildAliasIndex(dataset.version, []), new Date()),
  );
}, 60_000);

async function card(id: string): Promise<CardData> {
  const data = await getCardData(db, id);
  if (!data) throw new Error(`no card for ${id}`);
  return data;
}

/** The page's names, as the content script passes them (names fill in what the card data lacks). */
function onPage(data: CardData, ids: string[]): { data: CardData; pageIds: string[] } {
  const names = Object.fromEntries(ids.map((id) => [id, dataset.entities.find((e) => e.id === id)!.name]));
  return { data: { ...data, names: { ...names, ...data.names } }, pageIds: ids };
}

describe('titles and summaries', () => {
  it('titles a card with the name the article used, the official name beneath', async () => {
    const gru = await card('gru-russia');
    expect(g.titleOf(gru.entity, 'GRU')).toEqual({ title: 'GRU', official: gru.entity.name });
    const fra = await card('country-fra');
    // A demonym is not a name: the card says France.
    expect(g.titleOf(fra.entity, 'French').title).toBe('France');
    expect(g.titleOf(fra.entity, 'France').title).toBe('France');
  });

  it('takes the first sentence of a summary, not a cut at an initial', () => {
    expect(g.firstSentence('A treaty of the U.S. and others. It binds.')).toBe(
      'A treaty of the U.S. and others.',
    );
    expect(g.firstSentence('One sentence only')).toBe('One sentence only');
  });

  it('types a treaty as binding and a declaration as voluntary', async () => {
    expect(g.typeBadge((await card('budapest-convention')).entity)).toBe('Treaty · binding');
    expect(g.typeBadge((await card('declaration-future-internet')).entity)).toBe('Declaration · voluntary');
    expect(g.typeBadge((await card('eu-cyber-resilience-act')).entity)).toMatch(/^EU regulation/);
  });
});

describe('counts of distinct members', () => {
  it('counts the Budapest Convention by distinct state, with signatories apart', async () => {
    const data = await card('budapest-convention');
    const states = new Set(dataset.entities.filter((e) => e.kind === 'country').map((e) => e.id));
    const parties = new Set(
      dataset.relations
        .filter((r) => r.object === 'budapest-convention' && (r.type === 'party' || r.type === 'ratified'))
        .filter((r) => states.has(r.subject))
        .map((r) => r.subject),
    );
    const signedOnly = new Set(
      dataset.relations
        .filter((r) => r.object === 'budapest-convention' && r.type === 'signed' && !parties.has(r.subject))
        .map((r) => r.subject),
    );
    const text = g.memberCount(data, TODAY)!.text;
    expect(text).toContain(`${parties.size} parties listed`);
    expect(text).toContain(`${signedOnly.size} signed only`);
    // More relation rows than states: the count is not of rows.
    expect(data.relations.filter((r) => r.type === 'party' || r.type === 'ratified').length).toBeGreaterThan(
      parties.size,
    );
    // One row per state in the members list.
    const rows = g.memberRows(
      data.relations.filter((r) => !r.outgoing && g.isMembership(r)),
      TODAY,
    );
    expect(new Set(rows.map((r) => r.otherId)).size).toBe(rows.length);
    // A ratification is dated as an act, never "ratified since".
    expect(rows.some((r) => /\bratified \d/.test(r.text))).toBe(true);
    expect(rows.some((r) => r.text.includes('ratified since'))).toBe(false);
  });

  it('shows a partial list as partial: "N of M" against the official count, or the launch only', async () => {
    expect(g.memberCount(await card('counter-ransomware-initiative'), TODAY)!.text).toBe(
      '67 of 74 members listed',
    );
    expect(g.memberCount(await card('cybersecurity-tech-accord'), TODAY)!.text).toBe(
      '34 signatories listed: those at the launch (17 Apr 2018); later ones are not listed',
    );
    // A complete list says no more than its count.
    expect(g.memberCount(await card('paris-call'), TODAY)!.text).toBe(
      '81 states supporting · 1\u202f215 in all',
    );
  });
});

describe('then and now', () => {
  const date = '2018-11-20';

  it('ranks the names on the page first: the Paris Call card on the US non-signature article', async () => {
    const ids = ['paris-call', 'country-usa', 'country-aus', 'country-isr'];
    const { data, pageIds } = onPage(await card('paris-call'), ids);
    const { lines } = g.thenAndNow({ data, articleDate: date, today: TODAY, pageIds });
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines[0]!.text).toBe('United States: not a supporter then · supporter since 10 Nov 2021');
    expect(lines.map((l) => l.text)).toContain('Israel: not a supporter, then or now');
    // A date a source only "listed by" never reads as "since".
    const all = g.inThisArticle({ data, articleDate: date, today: TODAY, pageIds }, new Set(), 5);
    const australia = [...lines, ...all].find((l) => l.text.includes('Australia'))!;
    expect(australia.text).toContain('listed by 10 Nov 2019');
    expect(australia.text).not.toContain('since');
  });

  it('says nothing on a 2018 country card about instruments created later, but one grey line', async () => {
    const { data, pageIds } = onPage(await card('country-usa'), ['country-usa', 'paris-call']);
    const { lines, since } = g.thenAndNow({ data, articleDate: date, today: TODAY, pageIds });
    const later = [
      'Declaration',
      'Pall Mall',
      'Counter Ransomware',
      'Cybercrime Convention',
      'Second Protocol',
    ];
    for (const l of lines) for (const name of later) expect(l.text).not.toContain(name);
    expect(since?.text).toMatch(/^Since this article: /);
    expect(lines[0]!.text).toBe('Paris Call: not a supporter then · supporter since 10 Nov 2021');
    // Never "no longer" and "not yet" for the same office on one card.
    expect(lines.some((l) => /no longer/.test(l.text) && /Trump/.test(l.text))).toBe(false);
  });

  it('draws a stance grid with joined, not joined and not yet existing, the named ones first', async () => {
    const { data, pageIds } = onPage(await card('country-rus'), ['country-rus', 'paris-call']);
    const grid = g.stanceGrid({ data, articleDate: date, today: TODAY, pageIds });
    expect(grid[0]!.instrument.id).toBe('paris-call');
    expect(grid[0]).toMatchObject({ named: true, then: 'out', now: 'out' });
    const dfi = grid.find((r) => r.instrument.id === 'declaration-future-internet')!;
    expect(dfi.then).toBe('not-yet');
    const usa = g.stanceGrid({ ...onPage(await card('country-usa'), []), articleDate: date, today: TODAY });
    expect(usa.find((r) => r.instrument.id === 'budapest-convention')).toMatchObject({
      then: 'in',
      now: 'in',
      nowText: 'party 2007',
    });
  });

  it('on an incident before an attribution: who had said so on the date, and who had not yet', async () => {
    const { data, pageIds } = onPage(await card('notpetya'), ['notpetya', 'country-ukr', 'country-gbr']);
    const { lines } = g.thenAndNow({ data, articleDate: '2017-09-01', today: TODAY, pageIds });
    expect(lines[0]!.text).toBe('Had attributed it: Ukraine (to Russia, Jul 2017)');
    expect(lines[1]!.text).toMatch(/^Not yet: United Kingdom \(15 Feb 2018\)/);
  });

  it('says which part of a series was running on the date', async () => {
    const data = await card('un-gge');
    const { lines } = g.thenAndNow({ data, articleDate: '2020-03-10', today: TODAY, pageIds: [] });
    expect(lines[0]!.text).toMatch(/^Running at the time: .*2019-2021/);
    const parts = g.seriesParts(data, '2020-03-10');
    expect(parts).toHaveLength(6);
    expect(parts.filter((p) => p.runningThen)).toHaveLength(1);
    expect(parts[0]!.outcome).toBe('the first of six groups; no consensus report');
  });
});

describe('people', () => {
  it('gives no role-change line when the same person held the office then and was last seen in it', async () => {
    const { data, pageIds } = onPage(await card('microsoft'), ['microsoft', 'brad-smith']);
    const { lines } = g.thenAndNow({ data, articleDate: '2024-10-02', today: TODAY, pageIds });
    expect(lines.some((l) => l.text.startsWith('President of Microsoft then'))).toBe(false);
    // In this article: the role he holds, not the one he left.
    const here = g.inThisArticle({ data, articleDate: '2024-10-02', today: TODAY, pageIds }, new Set(), 3);
    expect(here[0]!.text).toMatch(/^Brad Smith: (President|Vice Chair) of Microsoft/);
  });

  it('says a role last seen held is not confirmed since, never current', async () => {
    const r = dataset.relations.find(
      (x) => x.type === 'holds-role' && x.heldThrough && !x.to && x.heldThrough.date < '2025-01-01',
    )!;
    const data = await card(r.subject);
    const role = data.relations.find((x) => x.id === r.id)!;
    expect(g.relationSentence(data, role, TODAY)).toContain('not confirmed since');
  });
});
