// The coverage measure behind `npm run coverage`: names laid out in order, through the real matcher.
import { describe, expect, it } from 'vitest';
import { buildAliasIndex, MatchIndex } from '../../src/annotate/alias-index';
import { articleText, measureCoverage, type CoverageSet } from '../../src/coverage/coverage';
import { entity } from './support/entities';

const index = new MatchIndex(
  buildAliasIndex('1', [
    entity('penny-wong', 'person', 'Penny Wong', [{ text: 'Wong', rule: 'after-full-name' }]),
    entity('lawrence-wong', 'person', 'Lawrence Wong', [{ text: 'Wong', rule: 'after-full-name' }]),
    entity('country-geo', 'country', 'Republic of Georgia', [
      { text: 'Georgia', rule: 'capitalised-not-sentence-start' },
    ]),
    entity('paris-peace-forum', 'organization', 'Paris Peace Forum'),
  ]),
  'js',
);

const set = (names: CoverageSet['articles'][number]['names']): CoverageSet => ({
  articles: [{ url: 'https://example.org/a', date: '2024-01-01', outlet: 'Example', read: 'opening', names }],
});

describe('measureCoverage', () => {
  it('lays every occurrence out in order, none at a sentence start', () => {
    const { text, spans } = articleText([
      { text: 'Georgia', kind: 'country', count: 2, means: 'Georgia' },
      { text: 'Wong', kind: 'person', count: 1, means: 'Penny Wong' },
    ]);
    expect(spans.map(([i, s, e]) => `${i}:${text.slice(s, e)}`)).toEqual([
      '0:Georgia',
      '0:Georgia',
      '1:Wong',
    ]);
    const report = measureCoverage(
      set([{ text: 'Georgia', kind: 'country', count: 2, means: 'Georgia' }]),
      index,
    );
    expect(report.byKind['country']).toEqual({
      names: 1,
      namesExplained: 1,
      occurrences: 2,
      occurrencesExplained: 2,
    });
  });

  it('counts a surname only after its full name, and a match of another entity as wrong', () => {
    const report = measureCoverage(
      set([
        { text: 'Wong', kind: 'person', count: 1, means: 'Penny Wong', entity: 'penny-wong' },
        { text: 'Penny Wong', kind: 'person', count: 1, means: 'Penny Wong', entity: 'penny-wong' },
        { text: 'Lawrence Wong', kind: 'person', count: 1, means: 'Lawrence Wong' },
        { text: 'Wong', kind: 'person', count: 2, means: 'Penny Wong', entity: 'penny-wong' },
      ]),
      index,
    );
    const [before, full, , after] = report.results;
    expect(before?.explained).toBe(0);
    expect(full?.explained).toBe(1);
    // After Lawrence Wong was named, "Wong" is him: wrong for a name meant as Penny Wong.
    expect(after).toMatchObject({ explained: 0, wrongEntity: 2, chosen: ['lawrence-wong', 'lawrence-wong'] });
    expect(report.byKind['person']).toMatchObject({ names: 4, namesExplained: 2, occurrences: 5 });
  });

  it('accepts a second kind only where the set allows it', () => {
    const name = {
      text: 'Paris Peace Forum',
      kind: 'initiative' as const,
      count: 1,
      means: 'the 2018 forum',
    };
    expect(measureCoverage(set([name]), index).results[0]).toMatchObject({ explained: 0, wrongKind: 1 });
    expect(measureCoverage(set([{ ...name, alsoKind: 'organization' }]), index).results[0]?.explained).toBe(
      1,
    );
  });
});
