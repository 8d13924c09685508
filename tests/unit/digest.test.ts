import { describe, expect, it } from 'vitest';
import { digestMarkdown, gistOf, groupByKind, shortName, type DigestEntry } from '../../src/popup/digest';

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

  it('writes a partial list as the card does, "N of M listed", with the list\'s own source', () => {
    const md = digestMarkdown(
      'https://news.example/c',
      groupByKind([{ id: 'cri', name: 'Counter Ransomware Initiative', kind: 'initiative', count: 1 }]),
      new Map([
        [
          'cri',
          {
            summary: 'A coalition against ransomware.',
            source: 'https://example.gov/cri',
            asOf: 'as of 1 Oct 2025',
            count: {
              text: '67 of 74 members listed',
              source: 'https://example.gov/members',
              asOf: 'as of 2 Oct 2025',
            },
          },
        ],
      ]),
      { title: 'Names', kind: (k) => k, mentions: (n) => `${n}×`, via: 'From NormLens' },
    );
    expect(md).toContain(
      '- **Counter Ransomware Initiative** (1×): A coalition against ransomware. ([example.gov](https://example.gov/cri), as of 1 Oct 2025) 67 of 74 members listed ([example.gov](https://example.gov/members), as of 2 Oct 2025)',
    );
  });

  it('groups and writes the threat actors and incidents, after the other kinds', () => {
    const groups = groupByKind([
      ...entries,
      { id: 'notpetya', name: 'NotPetya', kind: 'incident', count: 1 },
      { id: 'apt28', name: 'APT28', kind: 'threat-actor', count: 3 },
      { id: 'sandworm', name: 'Sandworm Team', kind: 'threat-actor', count: 1 },
    ]);
    expect(groups.map((g) => g.kind)).toEqual([
      'initiative',
      'country',
      'person',
      'organization',
      'threat-actor',
      'incident',
    ]);
    const md = digestMarkdown('https://news.example/b', groups, new Map(), {
      title: 'Names',
      kind: (k) => ({ 'threat-actor': 'Threat actors', incident: 'Incidents' })[k as string] ?? k,
      mentions: (n) => `${n}×`,
      via: 'From NormLens',
    });
    expect(md).toMatch(
      /### Threat actors\n\n- \*\*APT28\*\* \(3×\)\n- \*\*Sandworm Team\*\* \(1×\)\n\n### Incidents\n\n- \*\*NotPetya\*\* \(1×\)/,
    );
  });

  it('shows the name as the page writes it when that is shorter, and a one-sentence gist', () => {
    const gru: DigestEntry = {
      id: 'gru',
      name: 'Main Directorate of the General Staff of the Armed Forces of the Russian Federation',
      kind: 'organization',
      count: 2,
      written: 'GRU',
    };
    expect(shortName(gru)).toBe('GRU');
    expect(shortName({ ...gru, written: undefined })).toBe(gru.name);
    expect(
      shortName({
        id: 'x',
        name: 'NATO',
        kind: 'organization',
        count: 1,
        written: 'North Atlantic Treaty Organization',
      }),
    ).toBe('NATO');
    expect(gistOf('A call of 2018 for trust in cyberspace. It has 1,200 supporters.')).toBe(
      'A call of 2018 for trust in cyberspace.',
    );
    expect(gistOf('Signed by the U.S. and 40 states in 2001')).toBe(
      'Signed by the U.S. and 40 states in 2001',
    );
  });
});
