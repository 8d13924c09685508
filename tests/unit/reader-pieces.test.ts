import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  MAX_WRONG_MATCHES,
  getWrongMatches,
  readerSettingsItem,
  wrongMatchesItem,
} from '../../src/shared/storage';
import { REPORTS_PER_MINUTE, addWrongMatch, reportUrl } from '../../src/background/reports';
import { wrongMatchesJson } from '../../src/options/WrongMatchesSection';
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
  beforeEach(() => fakeBrowser.reset());
  const report = { entityId: 'country-geo', matchedText: 'Georgia', pageUrl: 'https://news.example/a' };

  it('adds and lists them in their own storage item, next to the reader settings', async () => {
    await readerSettingsItem.setValue({ demonyms: false } as never);
    const a = await addWrongMatch(report, new Date('2026-11-27T10:00:00Z'));
    const b = await addWrongMatch({ ...report, matchedText: 'Jordan' }, new Date('2026-11-27T10:00:01Z'));
    expect(a.id).not.toBe(b.id);
    expect((await getWrongMatches()).map((r) => r.matchedText)).toEqual(['Georgia', 'Jordan']);
    expect(JSON.parse(wrongMatchesJson(await getWrongMatches()))).toMatchObject({
      format: 'normlens-wrong-matches',
      reports: [{ ...report, reportedAt: '2026-11-27T10:00:00.000Z' }, { matchedText: 'Jordan' }],
    });
    // The reader's settings are untouched.
    expect(await readerSettingsItem.getValue()).toEqual({ demonyms: false });
  });

  it('keeps the newest reports when the list is full', async () => {
    const many = Array.from({ length: MAX_WRONG_MATCHES }, (_, i) => ({
      ...report,
      id: `report-${String(i).padStart(4, '0')}`,
      reportedAt: '2026-01-01T00:00:00.000Z',
    }));
    await wrongMatchesItem.setValue(many);
    await addWrongMatch({ ...report, matchedText: 'newest' });
    const list = await getWrongMatches();
    expect(list).toHaveLength(MAX_WRONG_MATCHES);
    expect(list[0]!.id).toBe('report-0001');
    expect(list.at(-1)!.matchedText).toBe('newest');
  });

  it('keeps one report for the same match on the same page, and a tab only a few a minute', async () => {
    const now = new Date('2026-11-27T10:00:00Z');
    const first = await addWrongMatch(report, now, 7);
    expect((await addWrongMatch(report, now, 7)).id).toBe(first.id);
    for (let i = 1; i < REPORTS_PER_MINUTE; i++)
      await addWrongMatch({ ...report, matchedText: `t${i}` }, now, 7);
    await expect(addWrongMatch({ ...report, matchedText: 'one too many' }, now, 7)).rejects.toThrow(
      /too many/,
    );
    // Another tab, or the same tab a minute later, may report again.
    await addWrongMatch({ ...report, matchedText: 'other tab' }, now, 8);
    await addWrongMatch({ ...report, matchedText: 'later' }, new Date('2026-11-27T10:01:01Z'), 7);
    expect(await getWrongMatches()).toHaveLength(REPORTS_PER_MINUTE + 2);
  });

  it("keeps a page's origin and path only", () => {
    expect(reportUrl('https://news.example/a/b?token=secret&utm_source=x#frag')).toBe(
      'https://news.example/a/b',
    );
    expect(reportUrl('javascript:alert(1)')).toBeUndefined();
  });
});
