/**
 * The dataset's schema rules: names that are phrases, roles without an organisation, real dates
 * from year 1000, https-only sources, as-of dates not in the future, the documented export, demonym flags.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compile } from '../../src/dataset/compile';
import { generateCountries, type WorldCountry } from '../../src/dataset/countries';
import { exportFields } from '../../src/dataset/export';
import { loadAndCompile } from '../../src/dataset/load-sources';
import { dataset as datasetSchema } from '../../src/shared/model';
import { isRealPartialDate } from '../../src/shared/dates';
import { sourceEntity } from '../../src/dataset/schema';
import { buildAliasIndex, MatchIndex } from '../../src/annotate/alias-index';
import { findMentions, newPageMatchState } from '../../src/annotate/find-mentions';

const ROOT = resolve(import.meta.dirname, '../..');
const real = loadAndCompile(join(ROOT, 'data'));

const base = {
  kind: 'organization' as const,
  type: 'ngo',
  summary: 'A test entity used by unit tests.',
  source: 'https://example.org/a',
  asOf: '2026-01-01',
};
const located = (id: string, extra: object = {}) => ({
  file: `${id}.yaml`,
  value: sourceEntity.parse({ ...base, id, name: `name ${id}`, ...extra }),
});
const compileOf = (entities: ReturnType<typeof located>[], generatedAt = '2026-06-01T00:00:00.000Z') =>
  compile({ version: '2026.1.1', generatedAt, entities, relations: [], counts: [] });

describe('names that are ordinary phrases', () => {
  it('a case-sensitive name matches only in its own case, in the compiled index', () => {
    const { dataset, errors } = compileOf([
      located('access-now', { name: 'Access Now', nameCaseSensitive: true }),
    ]);
    expect(errors).toEqual([]);
    const index = new MatchIndex(buildAliasIndex('1', dataset.entities));
    const found = (text: string): number => {
      return findMentions(index, text, newPageMatchState(), { demonyms: true, firstMentionOnly: false })
        .length;
    };
    expect(found('A statement by Access Now on spyware.')).toBe(1);
    expect(found('Users can access now the new portal.')).toBe(0);
  });

  it('a name with a rule does not conflict with another entity using it freely', () => {
    const free = located('b', { aliases: [{ text: 'Orange' }] });
    expect(compileOf([located('a', { name: 'Orange' }), free]).errors.join()).toContain('alias "orange"');
    expect(
      compileOf([located('a', { name: 'Orange', nameRule: 'capitalised-not-sentence-start' }), free]).errors,
    ).toEqual([]);
  });

  it('real data: Access Now is case-sensitive, and a ruled country name is not matched freely', () => {
    const byId = new Map(real.dataset.entities.map((e) => [e.id, e]));
    expect(byId.get('access-now')?.nameCaseSensitive).toBe(true);
    const georgia = byId.get('country-geo');
    expect(georgia?.nameRule).toBe('capitalised-not-sentence-start');
    const wire = buildAliasIndex('1', real.dataset.entities);
    const n = wire.ids.indexOf('country-geo');
    // Every "georgia" entry of Georgia carries a rule (flags above the case and demonym bits).
    const entries = wire.aliases.filter(([text, e]) => e === n && text === 'georgia');
    expect(entries.length).toBeGreaterThan(0);
    for (const [, , flags] of entries) expect(flags >> 2).toBeGreaterThan(0);
  });
});

describe('roles', () => {
  it('a role without `at` is a fact on the person, never a relation to themself', () => {
    const { dataset, errors } = compileOf([
      located('someone', {
        kind: 'person',
        type: 'person',
        roles: [
          { title: 'Independent expert', from: '2020', source: 'https://x.org', asOf: '2026-01-01' },
          { title: 'Director', at: 'org', source: 'https://x.org', asOf: '2026-01-01' },
        ],
      }),
      located('org'),
    ]);
    expect(errors).toEqual([]);
    expect(dataset.relations.map((r) => `${r.subject}>${r.object}`)).toEqual(['someone>org']);
    expect(dataset.entities.find((e) => e.id === 'someone')?.roles).toEqual([
      { title: 'Independent expert', from: '2020', source: 'https://x.org', asOf: '2026-01-01' },
    ]);
  });

  it('real data has no relation from an entity to itself', () => {
    expect(real.dataset.relations.filter((r) => r.subject === r.object)).toEqual([]);
  });
});

describe('dates and sources', () => {
  it('accepts real dates from year 1000 and rejects impossible ones', () => {
    expect(isRealPartialDate('1648-10-24')).toBe(true);
    expect(isRealPartialDate('1000')).toBe(true);
    expect(isRealPartialDate('0999')).toBe(false);
    expect(isRealPartialDate('2101')).toBe(false);
    expect(isRealPartialDate('1900-02-29')).toBe(false);
    expect(isRealPartialDate('1600-02-29')).toBe(true);
  });

  it('rejects http sources with a message that says why', () => {
    const result = sourceEntity.safeParse({ ...base, id: 'x', name: 'Xx', source: 'http://example.org/a' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/https, not http/);
    expect(
      sourceEntity.safeParse({ ...base, id: 'x', name: 'Xx', source: 'ftp://example.org' }).success,
    ).toBe(false);
  });

  it('rejects an as-of date after the generation date, wherever it is', () => {
    const future = '2026-06-02';
    const { errors } = compileOf([
      located('a', { asOf: future }),
      located('b', { dates: [{ type: 'founded', date: '2001', source: 'https://x.org', asOf: future }] }),
      located('c', {
        kind: 'person',
        type: 'person',
        roles: [{ title: 'Chair', at: 'a', source: 'https://x.org', asOf: future }],
      }),
      located('d', { relations: [{ type: 'member', object: 'a', source: 'https://x.org', asOf: future }] }),
      located('e', { asOf: '2026-06-01' }),
    ]);
    expect(errors).toHaveLength(4);
    for (const e of errors) expect(e).toMatch(/asOf 2026-06-02 is in the future/);
  });
});

describe('export', () => {
  it('`npm run dataset -- --export` writes the real dataset in the documented shape', () => {
    const dir = mkdtempSync(join(tmpdir(), 'normlens-export-'));
    const file = join(dir, 'dataset.json');
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/dataset.ts', '--export', file],
      {
        cwd: ROOT,
        stdio: 'pipe',
      },
    );
    const exported: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const parsed = datasetSchema.safeParse(exported);
    expect(parsed.success, parsed.error?.message).toBe(true);
    expect(parsed.data?.entities.length).toBe(real.dataset.entities.length);
    expect(parsed.data?.relations.length).toBe(real.dataset.relations.length);
  }, 60_000);

  it('data/README.md documents exactly the fields of the schema, with the right required flags', () => {
    const readme = readFileSync(join(ROOT, 'data/README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Export format'));
    const documented = [...section.matchAll(/^\| `([^`]+)` \| (yes|no) \| (\w+) \|/gm)].map(
      (m) => `${m[1]} ${m[2] === 'yes'} ${m[3]}`,
    );
    const actual = exportFields().map((f) => `${f.path} ${f.required} ${f.type}`);
    expect(documented.sort()).toEqual(actual.sort());
  });
});

describe('demonyms', () => {
  it('every demonym from world-countries that a country keeps is flagged demonym: true', () => {
    const require = createRequire(import.meta.url);
    const world = require('world-countries') as WorldCountry[];
    const byId = new Map(real.dataset.entities.map((e) => [e.id, e]));
    let checked = 0;
    for (const c of world) {
      const entity = byId.get(`country-${c.cca3.toLowerCase()}`);
      if (!entity) continue;
      const demonyms = new Set(
        [c.demonyms?.eng?.m, c.demonyms?.eng?.f, c.demonyms?.fra?.m, c.demonyms?.fra?.f].filter(
          (d): d is string => Boolean(d),
        ),
      );
      for (const a of entity.aliases) {
        if (!demonyms.has(a.text)) continue;
        // A demonym spelled like a name of the country ("Guinea-Bissau"?) would be a name, not a demonym.
        if (a.text === entity.name || Object.values(entity.names ?? {}).includes(a.text)) continue;
        expect(a.demonym, `${entity.id} ${a.text}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
    // Only countries have demonyms.
    const stray = real.dataset.entities.filter(
      (e) => e.kind !== 'country' && e.aliases.some((a) => a.demonym),
    );
    expect(stray.map((e) => e.id)).toEqual([]);
  });

  it('the generator flags a demonym even when a hand-written override adds the same text', () => {
    const world = [
      {
        cca2: 'FR',
        cca3: 'FRA',
        unMember: true,
        name: { common: 'France', official: 'French Republic' },
        translations: {},
        demonyms: { eng: { m: 'French', f: 'French' } },
      },
    ];
    const [france] = generateCountries(
      world,
      { FRA: { aliases: [{ text: 'French' }] } },
      {
        namesSource: 'https://x.org',
        membersSource: 'https://x.org',
        observersSource: 'https://x.org',
        asOf: '2026-01-01',
      },
    );
    expect(france?.aliases.find((a) => a.text === 'French')).toEqual({
      text: 'French',
      lang: 'en',
      demonym: true,
    });
  });
});

describe('compiled real data', () => {
  it('compiles without errors', () => {
    expect(real.errors).toEqual([]);
  });
});

describe('membership lists', () => {
  const MEMBERSHIP = new Set(['supports', 'signed', 'ratified', 'party', 'member']);
  const byInitiative = new Map<string, Set<string>>();
  for (const r of real.dataset.relations) {
    if (!MEMBERSHIP.has(r.type)) continue;
    const set = byInitiative.get(r.object) ?? new Set<string>();
    set.add(r.subject);
    byInitiative.set(r.object, set);
  }

  it('cover at least 10 initiatives besides the Paris Call and the Budapest Convention, 5+ members each', () => {
    const lists = [...byInitiative]
      .filter(([id, members]) => id !== 'paris-call' && id !== 'budapest-convention' && members.size >= 5)
      .map(([id]) => id);
    expect(lists.length, lists.join(', ')).toBeGreaterThanOrEqual(10);
  });

  it('Budapest Convention: parties carry a dated ratification or entry into force, never a bare "signed"', () => {
    const budapest = real.dataset.relations.filter((r) => r.object === 'budapest-convention');
    const parties = new Set(
      budapest.filter((r) => r.type === 'party' || r.type === 'ratified').map((r) => r.subject),
    );
    // The 76 parties the Council of Europe counted in October 2024 (see the file's header for later ones).
    expect(parties.size).toBeGreaterThanOrEqual(76);
    const dated = new Set(
      budapest.filter((r) => (r.type === 'party' || r.type === 'ratified') && r.from).map((r) => r.subject),
    );
    // Parties whose dates no source read gives are named in the file's header, so the gap is documented.
    const header = readFileSync(join(ROOT, 'data/relations/budapest-convention-parties.yaml'), 'utf8');
    const documented = (/^# undated: (.*)$/m.exec(header)?.[1] ?? '').split(/,\s*/).filter(Boolean);
    expect([...parties].filter((p) => !dated.has(p)).sort()).toEqual(documented.sort());
    expect(dated.size).toBeGreaterThanOrEqual(70);
    // A signatory that never ratified is "signed" only; no state is both "signed only" and a party.
    const signedOnly = budapest.filter((r) => r.type === 'signed').map((r) => r.subject);
    expect(signedOnly.filter((s) => parties.has(s))).toEqual([]);
    // Entry into force for a party never precedes its deposit of ratification.
    for (const p of budapest.filter((r) => r.type === 'party' && r.from)) {
      const deposit = budapest.find((r) => r.type === 'ratified' && r.subject === p.subject)?.from;
      if (deposit) expect(deposit <= p.from!, p.subject).toBe(true);
    }
  });

  it('UN Convention against Cybercrime: 72 sourced signatories, each signed while it was open for signature', () => {
    const un = real.dataset.relations.filter(
      (r) => r.object === 'un-cybercrime-convention' && r.type === 'signed',
    );
    expect(new Set(un.map((r) => r.subject)).size).toBeGreaterThanOrEqual(72);
    // Open for signature from 25 October 2025 (Hanoi) to 31 December 2026 (New York); a month-only date
    // ("2025-10") sorts before the 25th, so it is compared by month.
    for (const r of un) {
      expect(r.from, r.subject).toBeDefined();
      expect(r.from!.slice(0, 7) >= '2025-10' && r.from! <= '2026-12-31', `${r.subject} ${r.from}`).toBe(
        true,
      );
    }
  });

  it('Pall Mall Code of Practice: the named signatories are states, none dated before the Code', () => {
    const code = real.dataset.relations.filter((r) => r.object === 'pall-mall-code-of-practice');
    expect(new Set(code.map((r) => r.subject)).size).toBeGreaterThanOrEqual(6);
    for (const r of code) {
      expect(r.subject.startsWith('country-'), r.subject).toBe(true);
      if (r.from) expect(r.from >= '2025-04', r.subject).toBe(true);
    }
  });

  it('First Additional Protocol (ETS 189): the partial list keeps its 21 sourced parties, all dated', () => {
    const protocol = real.dataset.relations.filter(
      (r) => r.object === 'budapest-first-protocol' && (r.type === 'party' || r.type === 'ratified'),
    );
    expect(new Set(protocol.map((r) => r.subject)).size).toBeGreaterThanOrEqual(21);
    expect(protocol.filter((r) => !r.from)).toEqual([]);
    // A state can only join the Protocol if it is bound by the Convention (Article 9 of the Protocol).
    const conventionParties = new Set(
      real.dataset.relations
        .filter((r) => r.object === 'budapest-convention' && (r.type === 'party' || r.type === 'ratified'))
        .map((r) => r.subject),
    );
    const outside = [...new Set(protocol.map((r) => r.subject))].filter((s) => !conventionParties.has(s));
    expect(outside).toEqual([]);
  });
});
