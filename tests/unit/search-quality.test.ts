/**
 * Popup search on the real dataset (data/, compiled): typos with swapped letters, French names of people,
 * the reader's language first, no junk from other languages' aliases or from typos that change a word's
 * first letter, and acronyms that bring up their entity first and nothing that merely starts with them.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAndCompile } from '../../src/dataset/load-sources';
import { EntitySearch } from '../../src/popup/search';
import type { SearchEntity } from '../../src/shared/protocol';

const { dataset, errors } = loadAndCompile(join(resolve(import.meta.dirname, '../..'), 'data'));
const entities: SearchEntity[] = dataset.entities.map((e) => ({
  id: e.id,
  name: e.name,
  kind: e.kind,
  type: e.type,
  aliases: e.aliases.map((a) => (a.lang ? { text: a.text, lang: a.lang } : { text: a.text })),
}));
const english = new EntitySearch(entities, { lang: 'en' });
const french = new EntitySearch(entities, { lang: 'fr-FR' });
const names = (search: EntitySearch, q: string, limit = 20): string[] =>
  search.search(q, limit).map((h) => h.name);

describe('popup search on the real dataset', () => {
  it('compiles', () => expect(errors).toEqual([]));

  it('finds a name with two letters swapped ("Macorn", "Ptuin", "Lazrus")', () => {
    expect(names(english, 'Macorn')[0]).toBe('Emmanuel Macron');
    expect(names(english, 'Vladimir Ptuin')[0]).toBe('Vladimir Putin');
    expect(names(english, 'Lazrus')[0]).toBe('Lazarus Group');
  });

  it('finds French names however they are typed: accents, hyphens and particles', () => {
    expect(names(english, 'Elisabeth Borne')[0]).toBe('Élisabeth Borne');
    expect(names(english, 'edouard philippe')[0]).toBe('Édouard Philippe');
    expect(names(english, 'Jean Yves Le Drian')[0]).toBe('Jean-Yves Le Drian');
    expect(names(english, 'ledrian')[0]).toBe('Jean-Yves Le Drian');
    expect(names(english, 'Le Drian')[0]).toBe('Jean-Yves Le Drian');
    expect(names(english, 'Jean-Marc Ayrault')[0]).toBe('Jean-Marc Ayrault');
    expect(names(english, 'Cedric O')[0]).toBe('Cédric O');
    expect(names(english, 'Gerald Darmanin')[0]).toBe('Gérald Darmanin');
    expect(names(english, 'Manuel Vals')[0]).toBe('Manuel Valls');
    expect(names(english, 'Borne Elisabeth')[0]).toBe('Élisabeth Borne');
  });

  it('"GRU" brings up the GRU and its units, nothing that merely starts with the letters', () => {
    const hits = names(english, 'GRU');
    expect(hits[0]).toBe(
      'Main Directorate of the General Staff of the Armed Forces of the Russian Federation',
    );
    expect(hits).not.toContain('Group of Seven'); // its German alias "Gruppe der Sieben"
    expect(hits.filter((n) => /\bGru(?!\b)/i.test(n))).toEqual([]); // Grupo Bancolombia, Grupo Fleury
    // Every hit has the whole word in its name or one of its aliases.
    const byId = new Map(entities.map((e) => [e.id, e]));
    const withWord = (id: string): boolean =>
      [byId.get(id)!.name, ...byId.get(id)!.aliases.map((a) => a.text)].some((t) => /\bGRU\b/i.test(t));
    expect(english.search('GRU').filter((h) => !withWord(h.id))).toEqual([]);
  });

  it('"ASEAN" brings up ASEAN, not Sean Cairncross (a typo may not change the first letter)', () => {
    const hits = names(english, 'ASEAN');
    expect(hits[0]).toBe('Association of Southeast Asian Nations');
    expect(hits).not.toContain('Sean Cairncross');
    expect(names(english, 'asean')).not.toContain('Sean Cairncross');
    expect(names(english, 'Emmanuel')).not.toContain('Manuel Valls');
    // Sean Cairncross himself is still found.
    expect(names(english, 'Sean Cairncross')[0]).toBe('Sean Cairncross');
  });

  it('weights exact acronyms first, whatever their case: "gcsc", "NATO", "APT28"', () => {
    expect(names(english, 'gcsc')[0]).toBe('Global Commission on the Stability of Cyberspace');
    expect(names(english, 'NATO')[0]).toBe('North Atlantic Treaty Organization');
    expect(names(english, 'APT28')[0]).toBe('APT28');
  });

  it('aliases in other languages match whole words only, and in the reader’s language by prefix too', () => {
    // Whole words in any language still work: a French name for an English reader.
    expect(names(english, 'appel de paris')[0]).toBe('Paris Call for Trust and Security in Cyberspace');
    expect(names(english, 'Gruppe der Sieben')[0]).toBe('Group of Seven');
    // A prefix of a French alias finds it for a French reader, not for an English one.
    expect(names(french, 'appel de par')[0]).toBe('Paris Call for Trust and Security in Cyberspace');
    expect(names(english, 'appel de par')).not.toContain('Paris Call for Trust and Security in Cyberspace');
  });

  it('prefix matches start at a word start', () => {
    // "stab" starts a word of the GCSC's name; "tability" starts none.
    expect(names(english, 'Global Commission on the Stab')[0]).toBe(
      'Global Commission on the Stability of Cyberspace',
    );
    expect(names(english, 'tability')).not.toContain('Global Commission on the Stability of Cyberspace');
  });

  it('finds the new kinds by name and vendor alias: threat actors and incidents', () => {
    const kinds = (q: string): string[] => english.search(q, 5).map((h) => h.kind);
    expect(kinds('Sandworm')[0]).toBe('threat-actor');
    expect(kinds('NotPetya')[0]).toBe('incident');
    expect(names(english, 'Volt Typhoon')[0]).toBe('Volt Typhoon');
    expect(english.search('Fancy Bear', 3)[0]).toMatchObject({ name: 'APT28', matchedAlias: 'Fancy Bear' });
  });
});
