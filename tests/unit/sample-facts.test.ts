// The fact sampler behind data/VERIFIED.md: reproducible for a seed, stratified by kind, no duplicates.
import { describe, expect, it } from 'vitest';
import {
  listFacts,
  sampleFacts,
  seededRandom,
  type Fact,
  type SampledDataset,
} from '../../scripts/sample-facts';

const facts: Fact[] = (
  ['initiative', 'country', 'person', 'organization', 'threat-actor', 'incident', 'relation'] as const
).flatMap((kind) =>
  Array.from({ length: 40 }, (_, i) => ({
    kind,
    entityId: `${kind}-${i}`,
    fact: `fact ${i}`,
    source: 'https://example.org',
  })),
);

describe('sampleFacts', () => {
  it('draws the same sample for the same seed and a different one for another seed', () => {
    const a = sampleFacts(facts, 50, 20261127);
    expect(sampleFacts(facts, 50, 20261127)).toEqual(a);
    expect(sampleFacts(facts, 50, 1)).not.toEqual(a);
  });

  it('takes each kind by its weight and never the same fact twice', () => {
    const sample = sampleFacts(facts, 60, 7);
    const perKind = (kind: Fact['kind']) => sample.filter((f) => f.kind === kind).length;
    expect(perKind('person')).toBe(15);
    expect(perKind('country')).toBe(3);
    expect(perKind('threat-actor')).toBe(6);
    expect(perKind('relation')).toBe(12);
    expect(new Set(sample.map((f) => f.entityId)).size).toBe(sample.length);
  });

  it('seededRandom stays in [0, 1)', () => {
    const random = seededRandom(3);
    for (let i = 0; i < 1000; i++) {
      const x = random();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});

describe('listFacts', () => {
  it('counts a role as a person fact and a membership as a relation fact', () => {
    const data: SampledDataset = {
      entities: [],
      relations: [
        {
          subject: 'p',
          type: 'holds-role',
          object: 'o',
          role: 'Chair',
          source: 's',
        },
        {
          subject: 'c',
          type: 'signed',
          object: 'i',
          from: '2020',
          source: 's',
        },
      ],
    };
    expect(listFacts(data).map((f) => [f.kind, f.entityId])).toEqual([
      ['person', 'p'],
      ['relation', 'i'],
    ]);
  });
});
