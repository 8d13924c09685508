import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadAndCompile } from '../../src/dataset/load-sources';
import { compile, isBefore } from '../../src/dataset/compile';
import { isRealPartialDate, sourceEntity } from '../../src/dataset/schema';

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
    const parisCallStates = dataset.relations.filter(
      (r) => r.object === 'paris-call' && r.type === 'supports' && r.subject.startsWith('country-'),
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

  it('compares partial dates on their common precision', () => {
    expect(isBefore('2018', '2018-11-12')).toBe(false);
    expect(isBefore('2017-12', '2018')).toBe(true);
  });
});
