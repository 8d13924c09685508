import { describe, expect, it } from 'vitest';
import { NormLensDB } from '../../src/db/database';
import {
  MAX_WRONG_MATCHES,
  addWrongMatch,
  deleteWrongMatches,
  listWrongMatches,
  wrongMatchesJson,
} from '../../src/db/wrong-matches';
import { stepIndex } from '../../src/content/navigation';
import { parseHoverDelay } from '../../src/options/ReaderSection';

describe('keyboard walk order', () => {
  it('starts at the first (next) or last (previous) mention and wraps at both ends', () => {
    expect(stepIndex(-1, 5, 'next')).toBe(0);
    expect(stepIndex(-1, 5, 'previous')).toBe(4);
    expect(stepIndex(4, 5, 'next')).toBe(0);
    expect(stepIndex(0, 5, 'previous')).toBe(4);
    expect(stepIndex(2, 5, 'next')).toBe(3);
    expect(stepIndex(-1, 0, 'next')).toBe(-1);
  });
});

describe('hover delay input', () => {
  it('accepts whole milliseconds in range only', () => {
    expect(parseHoverDelay('0')).toBe(0);
    expect(parseHoverDelay(' 750 ')).toBe(750);
    expect(parseHoverDelay('2000')).toBe(2000);
    expect(parseHoverDelay('2001')).toBeUndefined();
    expect(parseHoverDelay('-5')).toBeUndefined();
    expect(parseHoverDelay('1.5')).toBeUndefined();
    expect(parseHoverDelay('')).toBeUndefined();
  });
});

describe('wrong-match reports', () => {
  const report = { entityId: 'country-geo', matchedText: 'Georgia', pageUrl: 'https://news.example/a' };

  it('adds, lists, deletes one or all, in a settings row next to the reader settings', async () => {
    const db = new NormLensDB(`wm-${Math.random()}`);
    await db.settings.put({ key: 'reader', value: { demonyms: false } });
    const a = await addWrongMatch(db, report, new Date('2026-11-27T10:00:00Z'));
    const b = await addWrongMatch(db, { ...report, matchedText: 'Jordan' }, new Date('2026-11-27T10:00:01Z'));
    expect(a.id).not.toBe(b.id);
    expect((await listWrongMatches(db)).map((r) => r.matchedText)).toEqual(['Georgia', 'Jordan']);
    expect(JSON.parse(wrongMatchesJson(await listWrongMatches(db)))).toMatchObject({
      format: 'normlens-wrong-matches',
      reports: [{ ...report, reportedAt: '2026-11-27T10:00:00.000Z' }, { matchedText: 'Jordan' }],
    });
    expect((await deleteWrongMatches(db, [a.id])).map((r) => r.matchedText)).toEqual(['Jordan']);
    expect(await deleteWrongMatches(db)).toEqual([]);
    // The reader's settings row is untouched.
    expect((await db.settings.get('reader'))?.value).toEqual({ demonyms: false });
    db.close();
  });

  it('keeps the newest reports when the list is full', async () => {
    const db = new NormLensDB(`wm-${Math.random()}`);
    const many = Array.from({ length: MAX_WRONG_MATCHES }, (_, i) => ({
      ...report,
      id: `x${i}`,
      reportedAt: '2026-01-01T00:00:00.000Z',
    }));
    await db.settings.put({ key: 'wrongMatches', value: many });
    await addWrongMatch(db, { ...report, matchedText: 'newest' });
    const list = await listWrongMatches(db);
    expect(list).toHaveLength(MAX_WRONG_MATCHES);
    expect(list[0]!.id).toBe('x1');
    expect(list.at(-1)!.matchedText).toBe('newest');
    db.close();
  });
});
