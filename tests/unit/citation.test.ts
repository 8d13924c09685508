import { describe, expect, it } from 'vitest';
import { citationMarkdown, citationText, escapeMarkdown, markdownUrl } from '../../src/card/citation';

const citation = {
  title: 'United States',
  facts: [
    {
      text: 'Paris Call: supporter since 10 Nov 2021',
      source: 'https://pariscall.international/en/supporters',
      asOf: 'as of 25 Dec 2025',
    },
  ],
  via: 'NormLens data 2026.11.27.1',
};

describe('citations', () => {
  it('plain text carries each fact with its full source URL and as-of date', () => {
    expect(citationText(citation)).toBe(
      'United States\n- Paris Call: supporter since 10 Nov 2021 (https://pariscall.international/en/supporters, as of 25 Dec 2025)\nNormLens data 2026.11.27.1',
    );
  });

  it('Markdown links the source and escapes text', () => {
    const md = citationMarkdown({ ...citation, title: 'C*[x]' });
    expect(md.split('\n')[0]).toBe('**C\\*\\[x\\]**');
    expect(md).toContain(
      '- Paris Call: supporter since 10 Nov 2021 ([pariscall.international](https://pariscall.international/en/supporters), as of 25 Dec 2025)',
    );
    expect(md.trim().endsWith('_NormLens data 2026.11.27.1_')).toBe(true);
  });

  it('keeps link targets intact', () => {
    expect(markdownUrl('https://en.wikipedia.org/wiki/Brad_Smith_(American_lawyer)')).toBe(
      'https://en.wikipedia.org/wiki/Brad_Smith_%28American_lawyer%29',
    );
    expect(escapeMarkdown('a_b')).toBe('a\\_b');
  });
});
