import { describe, expect, it } from 'vitest';
import { buildAliasIndex, MatchIndex } from '../../src/annotate/alias-index';
import { Automaton } from '../../src/annotate/automaton';
import { findMentions, newPageMatchState, type MatchOptions } from '../../src/annotate/find-mentions';
import type { Entity } from '../../src/dataset/schema';
import { FoldBuffer } from '../../src/text/fold';

function entity(id: string, kind: Entity['kind'], name: string, aliases: Entity['aliases'] = []): Entity {
  return {
    id,
    kind,
    type: 'x',
    name,
    aliases,
    summary: '',
    source: 'https://x.org',
    asOf: '2026-01-01',
    dates: [],
  };
}

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
];

const index = new MatchIndex(buildAliasIndex('1', ENTITIES));

function mentions(text: string, options?: Partial<MatchOptions>): string[] {
  const buf = new FoldBuffer();
  buf.append(text, 0);
  return findMentions(index, text, buf, newPageMatchState(), {
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
});
