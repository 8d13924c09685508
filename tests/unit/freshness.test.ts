// Freshness: current roles and memberships need a recent dated confirmation (`npm run dataset -- --stale`).
import { describe, expect, it } from 'vitest';
import { staleFacts } from '../../src/dataset/freshness';
import type { Dataset } from '../../src/shared/model';
import { entity } from './support/entities';

const relation = (id: string, extra: object) =>
  ({ id, subject: 'a', object: 'b', source: 'https://x.org', asOf: '2026-01-01', ...extra }) as never;

const dataset: Dataset = {
  format: 1,
  version: '2026.1.1',
  generatedAt: '2026-06-01T00:00:00Z',
  entities: [
    {
      ...entity('person-a', 'person', 'Person A'),
      roles: [
        { title: 'Envoy', from: '2020', source: 'https://x.org', asOf: '2026-01-01' },
        {
          title: 'Chair',
          from: '2021',
          confirmed: { date: '2026-05-01', source: 'https://x.org' },
          source: 'https://x.org',
          asOf: '2026-05-02',
        },
        { title: 'Adviser', from: '2010', to: '2012', source: 'https://x.org', asOf: '2026-01-01' },
      ],
    },
  ],
  relations: [
    relation('old-role', { type: 'holds-role', confirmed: { date: '2025-01-01', source: 'https://x.org' } }),
    relation('ended-role', { type: 'holds-role', to: '2024' }),
    relation('membership', { type: 'member' }),
    relation('treaty', { type: 'ratified' }),
  ],
};

describe('staleFacts', () => {
  it('lists current roles and memberships confirmed too long ago or never, and nothing that ended', () => {
    const stale = staleFacts(dataset, '2026-06-01', 180);
    expect(stale.map((s) => s.what).sort()).toEqual(['membership', 'old-role', 'person-a: Envoy']);
    expect(stale.find((s) => s.what === 'old-role')?.days).toBe(516);
    expect(
      staleFacts(dataset, '2026-06-01', 600)
        .map((s) => s.what)
        .sort(),
    ).toEqual(['membership', 'person-a: Envoy']);
  });
});
