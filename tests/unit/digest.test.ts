import { describe, expect, it } from 'vitest';
import { digestMarkdown, groupByKind, type DigestEntry } from '../../src/popup/digest';

const entries: DigestEntry[] = [
  { id: 'microsoft', name: 'Microsoft', kind: 'organization', count: 1 },
  { id: 'emmanuel-macron', name: 'Emmanuel Macron', kind: 'person', count: 2 },
  { id: 'country-deu', name: 'Germany', kind: 'country', count: 1 },
  { id: 'country-fra', name: 'France', kind: 'country', count: 3 },
  { id: 'paris-call', name: 'Paris Call', kind: 'initiative', count: 2 },
];

describe('digest', () => {
  it('groups by kind in a fixed order, most mentioned first, with mention totals', () => {
    const groups = groupByKind(entries);
    expect(groups.map((g) => g.kind)).toEqual(['initiative', 'country', 'person', 'organization']);
    expect(groups[1]!.entries.map((e) => e.name)).toEqual(['France', 'Germany']);
    expect(groups[1]!.mentions).toBe(4);
    expect(groupByKind([])).toEqual([]);
  });

  it('writes Markdown with each key fact, its source and as-of date', () => {
    const md = digestMarkdown(
      'https://news.example/a',
      groupByKind(entries),
      new Map([
        [
          'paris-call',
          {
            summary: 'A 2018 call for *norms*.',
            source: 'https://pariscall.international/en/',
            asOf: 'as of 1 Jan 2026',
          },
        ],
      ]),
      {
        title: 'Names in this article',
        kind: (k) => `${k}s`,
        mentions: (n) => `${n}×`,
        via: 'From NormLens',
      },
    );
    const lines = md.split('\n');
    expect(lines[0]).toBe('## Names in this article');
    expect(md).toContain('<https://news.example/a>');
    expect(md).toContain(
      '- **Paris Call** (2×): A 2018 call for \\*norms\\*. ([pariscall.international](https://pariscall.international/en/), as of 1 Jan 2026)',
    );
    expect(md).toContain('- **Germany** (1×)');
    expect(md.indexOf('### initiatives')).toBeLessThan(md.indexOf('### countrys'));
  });
});
