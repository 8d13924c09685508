import { describe, expect, it } from 'vitest';
import {
  changedSince,
  dateBounds,
  datasetDate,
  heldOn,
  isStale,
  startIsOnlyLatest,
  statusNow,
  statusOn,
} from '../../src/card/as-of';

describe('statusOn', () => {
  it('compares full dates', () => {
    const usa = { from: '2021-11-10' };
    expect(statusOn(usa, '2018-11-12')).toBe('inactive');
    expect(statusOn(usa, '2021-11-10')).toBe('active');
    expect(statusOn(usa, '2022-03-01')).toBe('active');
  });

  it('ends a fact on its `to` date', () => {
    const biden = { from: '2021-01-20', to: '2025-01-20' };
    expect(statusOn(biden, '2022-03-01')).toBe('active');
    expect(statusOn(biden, '2025-01-20')).toBe('inactive');
    expect(statusOn(biden, '2026-11-27')).toBe('inactive');
    expect(statusOn(biden, '2020-12-31')).toBe('inactive');
  });

  it('answers unknown when partial dates overlap', () => {
    expect(statusOn({ from: '2021' }, '2021-06-01')).toBe('unknown');
    expect(statusOn({ from: '2021-11' }, '2021-11-20')).toBe('unknown');
    expect(statusOn({ from: '2021-11-10' }, '2021-11')).toBe('unknown');
    expect(statusOn({ from: '2021' }, '2022')).toBe('active');
    expect(statusOn({ from: '2021' }, '2020-12')).toBe('inactive');
    expect(statusOn({ from: '2015', to: '2021' }, '2021-03')).toBe('unknown');
  });

  it('never says "not yet" before a date that is only a latest start', () => {
    const listedBy = {
      from: '2019-11-10',
      startedBy: true as const,
    };
    expect(startIsOnlyLatest(listedBy)).toBe(true);
    expect(statusOn(listedBy, '2018-11-12')).toBe('unknown');
    expect(statusOn(listedBy, '2020-01-01')).toBe('active');
    expect(statusOn({ from: '2019-11-10' }, '2018-11-12')).toBe('inactive');
  });

  it('knows nothing of the past of a fact without a start', () => {
    expect(statusOn({}, '2018-01-01')).toBe('unknown');
    expect(statusOn({ to: '2019-05' }, '2020')).toBe('inactive');
  });
});

describe('facts last seen held, and facts now', () => {
  it('knows a fact held through its last sighting, and nothing after it', () => {
    const seen = { from: '2021-03-11', heldThrough: { date: '2022-08-02' } };
    expect(statusOn(seen, '2022-01-01')).toBe('active');
    expect(statusOn(seen, '2022-08-02')).toBe('active');
    expect(statusOn(seen, '2024-01-01')).toBe('unknown');
  });

  it('holds a fact the data lists without an end now, even without a start', () => {
    expect(statusOn({}, '2026-11-27')).toBe('unknown');
    expect(statusNow({}, '2026-11-27')).toBe('active');
    expect(statusNow({ to: '2020' }, '2026-11-27')).toBe('inactive');
    expect(statusNow({ heldThrough: { date: '2022-01-01' } }, '2026-11-27')).toBe('unknown');
  });
});

describe('changedSince and heldOn', () => {
  const facts = [
    { id: 'usa', from: '2021-11-10' },
    { id: 'deu', from: '2019-11-10', startedBy: true as const },
    { id: 'undated' },
    { id: 'pres', from: '2021-01-20', to: '2025-01-20' },
  ];

  it('lists only facts whose status is known then and now, and differs', () => {
    expect(changedSince(facts, '2018-11', '2026-11-27').map((c) => [c.fact.id, c.then, c.now])).toEqual([
      ['usa', 'inactive', 'active'],
    ]);
    expect(changedSince(facts, '2022-03-01', '2026-11-27').map((c) => [c.fact.id, c.then, c.now])).toEqual([
      ['pres', 'active', 'inactive'],
    ]);
  });

  it('lists the facts that held on a date', () => {
    expect(heldOn(facts, '2022-03-01').map((f) => f.id)).toEqual(['usa', 'deu', 'pres']);
  });
});

describe('dataset age', () => {
  it('reads the date from the version and marks data older than 90 days', () => {
    const ds = { version: '2026.11.27.1', generatedAt: '2027-01-01T00:00:00Z' };
    expect(datasetDate(ds)).toBe('2026-11-27');
    expect(isStale(ds, '2027-02-25')).toBe(false);
    expect(isStale(ds, '2027-02-26')).toBe(true);
    expect(datasetDate({ version: 'x', generatedAt: '2025-01-02T00:00:00Z' })).toBe('2025-01-02');
  });

  it('bounds partial dates', () => {
    expect(dateBounds('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(dateBounds('2018')).toEqual({ first: '2018-01-01', last: '2018-12-31' });
  });
});
