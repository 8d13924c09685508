/**
 * Popup search: names, aliases and acronyms, case and diacritics ignored, results as you type.
 * MiniSearch gives prefix and typo-tolerant matching with ranking; our fold() makes terms comparable.
 */
import MiniSearch from 'minisearch';
import type { SearchEntity } from '../shared/protocol';
import { fold } from '../text/fold';

export interface SearchHit {
  id: string;
  name: string;
  kind: SearchEntity['kind'];
  /** The alias that matched when it is not the name, to explain the hit. */
  matchedAlias?: string;
}

interface Doc {
  id: string;
  name: string;
  aliases: string;
  kind: SearchEntity['kind'];
}

export class EntitySearch {
  private readonly mini: MiniSearch<Doc>;
  private readonly byId = new Map<string, SearchEntity>();

  constructor(entities: readonly SearchEntity[]) {
    this.mini = new MiniSearch<Doc>({
      fields: ['name', 'aliases'],
      storeFields: ['name', 'kind'],
      processTerm: (term) => fold(term) || null,
      tokenize: (text) => text.split(/[\s\-–—/,;:()"“”«»]+/u).filter(Boolean),
      searchOptions: {
        boost: { name: 2 },
        prefix: true,
        fuzzy: (term) => (term.length > 4 ? 0.2 : false),
        combineWith: 'AND',
      },
    });
    this.mini.addAll(
      entities.map((e) => {
        this.byId.set(e.id, e);
        return { id: e.id, name: e.name, aliases: e.aliases.map((a) => a.text).join(' | '), kind: e.kind };
      }),
    );
  }

  search(query: string, limit = 20): SearchHit[] {
    const q = query.trim();
    if (!q) return [];
    const folded = fold(q);
    // An exact name or alias ("GCSC", "Appel de Paris") outranks entities that merely contain the words.
    const exact = (id: string): boolean => {
      const e = this.byId.get(id)!;
      return fold(e.name) === folded || e.aliases.some((a) => fold(a.text) === folded);
    };
    const results = this.mini.search(q);
    const ranked = [
      ...results.filter((r) => exact(String(r.id))),
      ...results.filter((r) => !exact(String(r.id))),
    ];
    return ranked.slice(0, limit).map((r) => {
      const e = this.byId.get(String(r.id))!;
      const matchedAlias = fold(e.name).includes(folded)
        ? undefined
        : e.aliases.find((a) => fold(a.text).includes(folded))?.text;
      return { id: e.id, name: e.name, kind: e.kind, ...(matchedAlias ? { matchedAlias } : {}) };
    });
  }
}
