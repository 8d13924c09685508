import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAliasIndex, MatchIndex } from '../../src/annotate/alias-index';
import { Automaton } from '../../src/annotate/automaton';
import { findMentions, newPageMatchState, type MatchOptions } from '../../src/annotate/find-mentions';
import type { Entity } from '../../src/shared/model';
import { entity } from './support/entities';

const ENTITIES: Entity[] = [
  entity('paris-call', 'initiative', 'Paris Call for Trust and Security in Cyberspace', [
    { text: 'Paris Call' },
    { text: 'Appel de Paris', lang: 'fr' },
  ]),
  entity('country-fra', 'country', 'France', [{ text: 'French', demonym: true }]),
  entity('country-usa', 'country', 'United States', [{ text: 'US', caseSensitive: true }]),
  entity('country-geo', 'country', 'Republic of Georgia', [
    { text: 'Georgia', rule: 'capitalised-not-sentence-start' },
  ]),
  entity('emmanuel-macron', 'person', 'Emmanuel Macron', [{ text: 'Macron', rule: 'after-full-name' }]),
  entity('who', 'organization', 'World Health Organization', [{ text: 'WHO', caseSensitive: true }]),
  entity('china-cn', 'country', '中国'),
  entity('country-rus', 'country', 'Россия'),
  entity('country-grc', 'country', 'Ελλάδα'),
  entity('country-kor', 'country', '대한민국', [{ text: '한국' }]),
  entity('country-jpn', 'country', '日本'),
  entity('cybersecurity-act', 'initiative', 'Cybersecurity Act'),
  { ...entity('access-now', 'organization', 'Access Now'), nameCaseSensitive: true },
];

const index = new MatchIndex(buildAliasIndex('1', ENTITIES));

function mentions(text: string, options?: Partial<MatchOptions>): string[] {
  return findMentions(index, text, newPageMatchState(), {
    demonyms: true,
    firstMentionOnly: false,
    ...options,
  }).map((m) => `${index.idOf(m.entity)}:${text.slice(m.start, m.end)}`);
}

describe('automaton', () => {
  it('reports every occurrence with its span, overlapping ones included', () => {
    const a = Automaton.build(['he', 'she', 'his', 'hers']);
    const codes = Uint16Array.from('ushers', (c) => c.charCodeAt(0));
    const found: string[] = [];
    a.scan(codes, codes.length, (p, s, e) => found.push(`${p}:${s}-${e}`));
    expect(found.sort()).toEqual(['0:2-4', '1:1-4', '3:2-6'].sort());
  });

  it('finds exactly the occurrences a naive search finds, for any patterns and text', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', ' ', 'é', '中');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 30 }),
        fc.array(alphabet, { maxLength: 80 }),
        (patterns, chars) => {
          const text = chars.join('');
          const codes = Uint16Array.from(text, (c) => c.charCodeAt(0));
          const found: string[] = [];
          Automaton.build(patterns).scan(codes, codes.length, (p, s, e) => found.push(`${p}:${s}-${e}`));
          const expected: string[] = [];
          patterns.forEach((p, i) => {
            for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1))
              expected.push(`${i}:${at}-${at + p.length}`);
          });
          expect(found.sort()).toEqual(expected.sort());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gets its aliases sorted by folded text, so equal texts are adjacent', () => {
    const folded = buildAliasIndex('1', ENTITIES).aliases.map((a) => a[0]);
    expect(folded).toEqual([...folded].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('reports its size: typed arrays counted exactly, the rest estimated', () => {
    const small = new MatchIndex(buildAliasIndex('1', ENTITIES.slice(0, 2)));
    expect(index.byteSize()).toBeGreaterThan(small.byteSize());
    // At least the scanner's dense root and fold tables (64 Ki entries of 4 bytes each) and the state tables.
    expect(small.byteSize()).toBeGreaterThan(2 * 0x10000 * 4 + small.automaton.stateCount * 14);
  });
});

describe('findMentions', () => {
  it('prefers the longest leftmost match', () => {
    expect(mentions('The Paris Call for Trust and Security in Cyberspace and the Paris Call.')).toEqual([
      'paris-call:Paris Call for Trust and Security in Cyberspace',
      'paris-call:Paris Call',
    ]);
  });

  it('ignores case and diacritics, except for case-sensitive acronyms', () => {
    expect(mentions("l'appel de paris")).toEqual(['paris-call:appel de paris']);
    expect(mentions('The US said WHO should act.')).toEqual(['country-usa:US', 'who:WHO']);
    expect(mentions('let us see who will come')).toEqual([]);
  });

  it('matches a case-sensitive name of several words across whitespace variants, in its own case only', () => {
    expect(mentions('Access Now said')).toEqual(['access-now:Access Now']);
    expect(mentions('Access\u00a0Now said')).toEqual(['access-now:Access\u00a0Now']);
    expect(mentions('Access \n Now said')).toEqual(['access-now:Access \n Now']);
    expect(mentions('access now said')).toEqual([]);
    expect(mentions('Access NOW said')).toEqual([]);
  });

  it('respects word boundaries and possessives', () => {
    expect(mentions('Francem and Frances')).toEqual([]);
    expect(mentions('France’s position')).toEqual(['country-fra:France']);
  });

  it('applies after-full-name and capitalisation rules', () => {
    expect(mentions('Macron spoke.')).toEqual([]);
    expect(mentions('Emmanuel Macron spoke. Later Macron left.')).toEqual([
      'emmanuel-macron:Emmanuel Macron',
      'emmanuel-macron:Macron',
    ]);
    expect(mentions('Georgia voted. Officials in Georgia agreed; georgia no.')).toEqual([
      'country-geo:Georgia',
    ]);
  });

  it('follows the demonym and first-mention options', () => {
    expect(mentions('French officials')).toEqual(['country-fra:French']);
    expect(mentions('French officials', { demonyms: false })).toEqual([]);
    expect(mentions('France, France', { firstMentionOnly: true })).toEqual(['country-fra:France']);
  });

  it('matches CJK names without spaces', () => {
    expect(mentions('今天中国宣布')).toEqual(['china-cn:中国']);
  });

  it('counts possessives as mentions, straight or curly, after the full name for surnames', () => {
    expect(mentions("Emmanuel Macron's plan and Macron’s aides")).toEqual([
      'emmanuel-macron:Emmanuel Macron',
      'emmanuel-macron:Macron',
    ]);
    expect(mentions("France's and the United States’ positions")).toEqual([
      'country-fra:France',
      'country-usa:United States',
    ]);
  });

  it('matches a name hyphenated at a line break, with the range covering the raw text', () => {
    const text = 'The Cyber-\n  security Act passed.';
    expect(mentions(text)).toEqual(['cybersecurity-act:Cyber-\n  security Act']);
    expect(mentions('The Cyber-security Act passed.')).toEqual([]);
  });

  it('keeps word boundaries in Cyrillic and Greek', () => {
    expect(mentions('Россия и Греция')).toEqual(['country-rus:Россия']);
    expect(mentions('Россиянин сказал')).toEqual([]);
    expect(mentions('η ΕΛΛΆΔΑ σήμερα')).toEqual(['country-grc:ΕΛΛΆΔΑ']);
    expect(mentions('Ελλάδας')).toEqual([]);
  });

  it('matches CJK and Hangul names inside running text, without spaces', () => {
    expect(mentions('中国和日本今天')).toEqual(['china-cn:中国', 'country-jpn:日本']);
    expect(mentions('오늘한국정부는')).toEqual(['country-kor:한국']);
    expect(mentions('오늘하구정부는')).toEqual([]);
    // After a long stretch of ASCII, which the scanner takes sixteen characters at a time.
    expect(
      mentions('The joint statement was read out in Beijing: 今天中国和日本宣布, said the France desk'),
    ).toEqual(['china-cn:中国', 'country-jpn:日本', 'country-fra:France']);
  });
});

describe('choosing between claimants of one alias', () => {
  const claimants = new MatchIndex(
    buildAliasIndex('1', [
      entity('penny-wong', 'person', 'Penny Wong', [{ text: 'Wong', rule: 'after-full-name' }]),
      entity('lawrence-wong', 'person', 'Lawrence Wong', [{ text: 'Wong', rule: 'after-full-name' }]),
      entity('country-mco', 'country', 'Monaco'),
      entity('lisa-monaco', 'person', 'Lisa Monaco', [{ text: 'Monaco', rule: 'after-full-name' }]),
      entity('budapest-convention', 'initiative', 'Budapest Convention', [{ text: 'Cybercrime Convention' }]),
      entity('un-cybercrime-convention', 'initiative', 'UN Convention against Cybercrime', [
        { text: 'Cybercrime Convention', rule: 'in-context', context: ['ad-hoc-committee'] },
      ]),
      entity('ad-hoc-committee', 'organization', 'Ad Hoc Committee'),
      entity('country-gbr', 'country', 'United Kingdom'),
      entity('nca-uk', 'organization', 'National Crime Agency', [
        { text: 'NCA', caseSensitive: true, rule: 'in-context', context: ['country-gbr'] },
      ]),
    ]),
  );
  const found = (text: string): string[] =>
    findMentions(claimants, text, newPageMatchState()).map(
      (m) => `${claimants.idOf(m.entity)}:${text.slice(m.start, m.end)}`,
    );

  it('gives a shared surname to the person whose full name came last', () => {
    expect(found('Lawrence Wong met Penny Wong. Wong said')).toContain('penny-wong:Wong');
    expect(found('Penny Wong met Lawrence Wong. Wong said')).toContain('lawrence-wong:Wong');
    expect(found('Wong said')).toEqual([]);
  });

  it('prefers a claimant picked out by the full name over one without a rule', () => {
    expect(found('Monaco is small.')).toEqual(['country-mco:Monaco']);
    expect(found('Lisa Monaco spoke. Then Monaco left.')).toEqual([
      'lisa-monaco:Lisa Monaco',
      'lisa-monaco:Monaco',
    ]);
  });

  it('counts an in-context alias only after one of its context entities, and then prefers it', () => {
    expect(found('the Cybercrime Convention')).toEqual(['budapest-convention:Cybercrime Convention']);
    expect(found('The Ad Hoc Committee agreed the Cybercrime Convention')).toEqual([
      'ad-hoc-committee:Ad Hoc Committee',
      'un-cybercrime-convention:Cybercrime Convention',
    ]);
    expect(found('the NCA said')).toEqual([]);
    expect(found('In the United Kingdom, the NCA said')).toEqual([
      'country-gbr:United Kingdom',
      'nca-uk:NCA',
    ]);
  });
});

describe('a context of a whole kind', () => {
  const byKind = new MatchIndex(
    buildAliasIndex('1', [
      entity('sandworm', 'threat-actor', 'Sandworm Team', [
        { text: 'Sandworm', rule: 'in-context', context: ['kind:threat-actor', 'kind:incident'] },
      ]),
      entity('notpetya', 'incident', 'NotPetya'),
    ]),
  );
  const found = (text: string): string[] =>
    findMentions(byKind, text, newPageMatchState()).map((m) => byKind.idOf(m.entity));

  it('counts the alias once any entity of a listed kind was mentioned', () => {
    expect(found('Sandworm, the novel')).toEqual([]);
    expect(found('NotPetya was the work of Sandworm')).toEqual(['notpetya', 'sandworm']);
  });
});
