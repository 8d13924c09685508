import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadAndCompile } from '../../src/dataset/load-sources';
import { compile } from '../../src/dataset/compile';
import { isBefore } from '../../src/shared/dates';
import { isRealPartialDate } from '../../src/shared/dates';
import { sourceEntity } from '../../src/dataset/schema';

const base = {
  kind: 'initiative' as const,
  type: 'treaty',
  summary: 'A test entity used by unit tests.',
  source: 'https://example.org/a',
  asOf: '2026-01-01',
};

describe('dataset sources', () => {
  it('compile without errors and meet the minimum counts', () => {
    const { dataset, errors } = loadAndCompile(resolve(import.meta.dirname, '../../data'));
    expect(errors).toEqual([]);
    const count = (k: string): number => dataset.entities.filter((e) => e.kind === k).length;
    expect(count('initiative')).toBeGreaterThanOrEqual(10);
    expect(count('person')).toBeGreaterThanOrEqual(20);
    expect(count('organization')).toBeGreaterThanOrEqual(10);
    const states = dataset.entities.filter((e) => e.kind === 'country' && e.type === 'state');
    expect(states).toHaveLength(193);
    // States only: the European Union (a country entity of type bloc) supports the Call too.
    const byId = new Map(dataset.entities.map((e) => [e.id, e]));
    const parisCallStates = dataset.relations.filter(
      (r) =>
        r.object === 'paris-call' &&
        r.type === 'supports' &&
        r.subject.startsWith('country-') &&
        byId.get(r.subject)?.type !== 'bloc',
    );
    expect(parisCallStates).toHaveLength(81); // every state listed in the shared supporters CSV
    for (const e of dataset.entities) {
      expect(e.source, e.id).toMatch(/^https?:\/\//);
      expect(e.asOf, e.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe('schema', () => {
  it('rejects dates that do not exist and summaries over 60 words', () => {
    expect(isRealPartialDate('2023-02-29')).toBe(false);
    expect(isRealPartialDate('2024-02-29')).toBe(true);
    expect(isRealPartialDate('2024-13')).toBe(false);
    const long = sourceEntity.safeParse({ ...base, id: 'x', name: 'X', summary: 'word '.repeat(61) });
    expect(long.success).toBe(false);
    const noSource = sourceEntity.safeParse({ ...base, id: 'x', name: 'X', source: undefined });
    expect(noSource.success).toBe(false);
  });
});

describe('compile checks', () => {
  const entity = (id: string, extra: object = {}) => ({
    file: `${id}.yaml`,
    value: sourceEntity.parse({ ...base, id, name: id.toUpperCase(), ...extra }),
  });

  it('reports duplicate ids, dangling references, shared aliases and early memberships', () => {
    const { errors } = compile({
      version: '2026.1.1',
      generatedAt: new Date(0).toISOString(),
      entities: [
        entity('treaty', {
          dates: [
            { type: 'opened-for-signature', date: '2001-11-23', source: 'https://x.org', asOf: '2026-01-01' },
          ],
        }),
        entity('treaty'),
        entity('other', { aliases: [{ text: 'TREATY' }] }),
      ],
      relations: [
        {
          file: 'r.yaml',
          value: {
            subject: 'ghost',
            type: 'ratified',
            object: 'treaty',
            source: 'https://x.org',
            asOf: '2026-01-01',
          },
        },
        {
          file: 'r.yaml',
          value: {
            subject: 'other',
            type: 'ratified',
            object: 'treaty',
            from: '1999',
            source: 'https://x.org',
            asOf: '2026-01-01',
          },
        },
      ],
      counts: [],
    });
    expect(errors.some((e) => e.includes('duplicate id "treaty"'))).toBe(true);
    expect(errors.some((e) => e.includes('unknown entity "ghost"'))).toBe(true);
    expect(errors.some((e) => e.includes('alias "treaty"'))).toBe(true);
    expect(errors.some((e) => e.includes('before it existed'))).toBe(true);
  });

  const rel = (value: object) => ({
    file: 'r.yaml',
    value: { source: 'https://x.org', asOf: '2026-01-01', ...value } as never,
  });
  const compileWith = (
    entities: ReturnType<typeof entity>[],
    relations: ReturnType<typeof rel>[],
    extra = {},
  ) =>
    compile({
      version: '2026.1.1',
      generatedAt: '2026-06-01T00:00:00Z',
      entities,
      relations,
      counts: [],
      ...extra,
    }).errors;

  it('checks what attributions, responses and affiliations join and the fields each needs', () => {
    const errors = compileWith(
      [
        entity('notpetya', { kind: 'incident', type: 'attack' }),
        entity('sandworm', { kind: 'threat-actor', type: 'state-linked' }),
        entity('country-gbr', { kind: 'country', type: 'state' }),
      ],
      [
        rel({ subject: 'notpetya', type: 'attributed-to', object: 'sandworm' }),
        rel({ subject: 'country-gbr', type: 'attributed-to', object: 'sandworm', by: ['notpetya'] }),
        rel({ subject: 'country-gbr', type: 'responded-to', object: 'sandworm' }),
        rel({ subject: 'notpetya', type: 'targeted', object: 'country-gbr', action: 'sanctions' }),
        rel({ subject: 'sandworm', type: 'attributed-to', object: 'country-gbr', by: ['ghost'] }),
      ],
    );
    expect(errors.some((e) => e.includes('"by" must say who made the attribution'))).toBe(true);
    expect(errors.some((e) => e.includes('subject country-gbr is a country'))).toBe(true);
    expect(errors.some((e) => e.includes('"action" must say what was done'))).toBe(true);
    expect(errors.some((e) => e.includes('"action" is only for responded-to'))).toBe(true);
    expect(errors.some((e) => e.includes('unknown entity "ghost"'))).toBe(true);
  });

  it('rejects a relation stated twice, from both ends or with overlapping dates, but not two periods', () => {
    const people = [entity('org', { kind: 'organization', type: 'agency' }), entity('gcsc')];
    const twice = compileWith(people, [
      rel({ subject: 'org', type: 'runs', object: 'gcsc' }),
      rel({ subject: 'org', type: 'runs', object: 'gcsc', from: '2017' }),
    ]);
    expect(twice.some((e) => e.includes('one fact stated twice'))).toBe(true);
    const periods = compileWith(people, [
      rel({ subject: 'org', type: 'member', object: 'gcsc', from: '2010', to: '2012' }),
      rel({ subject: 'org', type: 'member', object: 'gcsc', from: '2015', to: '2016' }),
    ]);
    expect(periods).toEqual([]);
  });

  it('rejects an as-of date before the fact, and a confirmation of what ended or is yet to come', () => {
    const errors = compileWith(
      [
        entity('person-a', {
          kind: 'person',
          type: 'person',
          roles: [
            { title: 'Minister', from: '2025-03', source: 'https://x.org', asOf: '2025-02-01' },
            {
              title: 'Chair',
              from: '2020',
              to: '2022',
              confirmed: { date: '2021-01-01', source: 'https://x.org' },
              source: 'https://x.org',
              asOf: '2026-01-01',
            },
            {
              title: 'Envoy',
              from: '2020',
              confirmed: { date: '2027-01-01', source: 'https://x.org' },
              source: 'https://x.org',
              asOf: '2026-01-01',
            },
          ],
        }),
      ],
      [],
    );
    expect(errors.some((e) => e.includes('asOf 2025-02-01 is before the fact it confirms'))).toBe(true);
    expect(errors.some((e) => e.includes('"confirmed" is only for what is still held'))).toBe(true);
    expect(errors.some((e) => e.includes('confirmed 2027-01-01 is in the future'))).toBe(true);
  });

  it("keeps a role's confirmation and last sighting on the holds-role relation it compiles to", () => {
    const { dataset, errors } = compile({
      version: '2026.1.1',
      generatedAt: '2026-06-01T00:00:00Z',
      entities: [
        entity('agency', { kind: 'organization', type: 'agency' }),
        entity('person-a', {
          kind: 'person',
          type: 'person',
          roles: [
            {
              title: 'Director',
              at: 'agency',
              from: '2024',
              confirmed: { date: '2026-05-01', source: 'https://x.org/c' },
              source: 'https://x.org',
              asOf: '2026-05-02',
            },
            {
              title: 'Deputy',
              at: 'agency',
              from: '2020',
              heldThrough: '2022-08-03',
              source: 'https://x.org',
              asOf: '2022-08-03',
            },
          ],
        }),
      ],
      relations: [],
      counts: [],
    });
    expect(errors).toEqual([]);
    const roles = dataset.relations.filter((r) => r.type === 'holds-role');
    expect(roles.find((r) => r.role === 'Director')?.confirmed).toEqual({
      date: '2026-05-01',
      source: 'https://x.org/c',
    });
    expect(roles.find((r) => r.role === 'Deputy')?.heldThrough).toEqual({
      date: '2022-08-03',
      source: 'https://x.org',
    });
  });

  it('ranks claimants of one alias: two of the same rank conflict, a rule that looks back outranks none', () => {
    const claim = (id: string, alias: object) =>
      entity(id, { kind: 'person', type: 'person', aliases: [alias] });
    const errorsFor = (a: object, b: object) => compileWith([claim('first', a), claim('second', b)], []);
    expect(errorsFor({ text: 'Monaco' }, { text: 'Monaco', rule: 'after-full-name' })).toEqual([]);
    expect(
      errorsFor({ text: 'Wong', rule: 'after-full-name' }, { text: 'Wong', rule: 'after-full-name' }),
    ).toEqual([]);
    expect(errorsFor({ text: 'Kaspersky' }, { text: 'Kaspersky', caseSensitive: true })).toHaveLength(1);
    expect(
      errorsFor(
        { text: 'Chad', rule: 'capitalised' },
        { text: 'Chad', rule: 'capitalised-not-sentence-start' },
      ),
    ).toHaveLength(1);
    expect(errorsFor({ text: 'US', caseSensitive: true }, { text: 'Us', caseSensitive: true })).toEqual([]);
  });

  it('counts a membership list and checks its claim of completeness', () => {
    const states = ['country-aaa', 'country-bbb'].map((id) => entity(id, { kind: 'country', type: 'state' }));
    const list = (complete: boolean, officialCount: number) => ({
      lists: [
        {
          file: 'l.yaml',
          value: {
            object: 'call',
            types: ['supports'],
            members: 'states',
            complete,
            officialCount,
            source: 'https://x.org',
            asOf: '2026-01-01',
          } as never,
        },
      ],
    });
    const members = states.map((s) => rel({ subject: s.value.id, type: 'supports', object: 'call' }));
    const ok = compile({
      version: '2026.1.1',
      generatedAt: '2026-06-01T00:00:00Z',
      entities: [...states, entity('call')],
      relations: members,
      counts: [],
      ...list(false, 5),
    });
    expect(ok.errors).toEqual([]);
    expect(ok.dataset.entities.find((e) => e.id === 'call')?.lists?.[0]).toMatchObject({
      listed: 2,
      officialCount: 5,
    });
    expect(compileWith([...states, entity('call')], members, list(true, 5))[0]).toContain(
      'lists 2 of the official 5',
    );
    expect(compileWith([...states, entity('call')], members, list(false, 2))[0]).toContain(
      'mark it complete',
    );
  });

  it('compares partial dates on their common precision', () => {
    expect(isBefore('2018', '2018-11-12')).toBe(false);
    expect(isBefore('2017-12', '2018')).toBe(true);
  });
});
