/**
 * Popup search: names, aliases and acronyms, case and diacritics ignored, results as you type. MiniSearch
 * gives word-prefix and typo-tolerant matching with ranking; our fold() makes terms comparable. On top:
 * - the reader's language first: aliases in it (and untagged, English ones) match by word prefix and with
 *   typos; aliases in other languages only by whole words, and rank lower ("GRU" does not bring up the
 *   German "Gruppe der Sieben"; "appel de paris" still finds the Paris Call);
 * - a typo must keep the word's first letter ("ASEAN" does not bring up Sean Cairncross), and two swapped
 *   letters count as one typo ("Macorn" finds Macron);
 * - a query that is an acronym in the dataset ("GRU", "ASEAN", "gcsc") brings up that entity first and then
 *   only entities with that whole word, nothing that merely starts with it;
 * - names written with particles and hyphens are found written together too ("ledrian", "jeanyves").
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { SearchEntity } from '../shared/protocol';
import { fold } from '../text/fold';

export interface SearchHit {
  id: string;
  name: string;
  kind: SearchEntity['kind'];
  /** The alias that matched when it is not the name, to explain the hit. */
  matchedAlias?: string;
}

export interface SearchOptions {
  /** The reader's language (BCP 47, e.g. the browser's UI language); default English. */
  lang?: string;
}

interface Doc {
  id: string;
  name: string;
  /** Aliases in the reader's language, in English or untagged. */
  aliases: string;
  /** Aliases in other languages. */
  foreign: string;
  /** Names with particles or hyphens written together ("ledrian", "jeanyves"). */
  compounds: string;
  kind: SearchEntity['kind'];
}

const SPLIT = /[\s\-–—/,;:()"“”«»'’]+/u;
const tokenize = (text: string): string[] => text.split(SPLIT).filter(Boolean);
/** A name as its folded words, so "Côte d'Ivoire" and "cote d ivoire" compare equal. */
const key = (text: string): string => tokenize(fold(text)).join(' ');

/** Words that start a compound surname or name: "Le Drian", "de Villepin", "von der Leyen", "Van Rompuy". */
const PARTICLES = new Set([
  'le',
  'la',
  'les',
  'de',
  'du',
  'des',
  'd',
  'l',
  'van',
  'von',
  'der',
  'den',
  'di',
  'da',
  'del',
  'della',
  'dos',
  'al',
  'el',
  'ben',
  'bin',
  'ter',
  'ten',
  'st',
  'saint',
  'sainte',
]);

/**
 * A name's words joined where readers often write them together, folded: hyphenated and apostrophed words
 * ("Jean-Yves" gives "jeanyves", "d'Estaing" "destaing") and particles with the words they lead ("Le Drian"
 * gives "ledrian", "von der Leyen" "vonderleyen").
 */
function compoundsOf(text: string): string[] {
  const out: string[] = [];
  const words = text
    .split(/\s+/)
    .map((w) => fold(w))
    .filter(Boolean);
  const bare = (w: string): string => w.replace(/[-'’]/g, '');
  words.forEach((word, i) => {
    if (bare(word) !== word && bare(word).length > 0) out.push(bare(word));
    if (!PARTICLES.has(word) || (i > 0 && PARTICLES.has(words[i - 1]!))) return;
    let joined = word;
    for (let j = i + 1; j < words.length; j++) {
      joined += bare(words[j]!);
      if (!PARTICLES.has(words[j]!)) break;
    }
    if (joined !== word) out.push(joined);
  });
  return out;
}

/** An acronym as the dataset writes it: capitals and digits, 2 to 8 characters ("GRU", "APT28", "G7"). */
function isAcronym(text: string): boolean {
  return /^[\p{Lu}][\p{Lu}\d&]{1,7}$/u.test(text);
}

/** The primary language subtag, lower case ("fr-CA" gives "fr"). */
function primary(lang: string | undefined): string {
  return (lang ?? 'en').split(/[-_]/)[0]!.toLowerCase() || 'en';
}

/** Every adjacent pair of letters swapped once, for words of four letters and more. */
function transpositions(term: string): string[] {
  if (term.length < 4) return [];
  const out = new Set<string>();
  for (let i = 0; i + 1 < term.length; i++) {
    if (term[i] === term[i + 1]) continue;
    out.add(term.slice(0, i) + term[i + 1]! + term[i]! + term.slice(i + 2));
  }
  return [...out];
}

/** Typos allowed in a query word: none below four letters, one up to eight, two beyond. */
const fuzziness = (term: string): number | false => (term.length < 4 ? false : term.length < 9 ? 1 : 2);

/**
 * Did every query word match a word of the result by itself, a prefix of it, or a typo that keeps its first
 * letter? MiniSearch reports which of the document's words matched, not which query word each one matched.
 */
function typosKeepFirstLetter(result: SearchResult): boolean {
  const matched = Object.keys(result.match);
  return result.queryTerms.every((q) => matched.some((t) => t.startsWith(q) || t[0] === q[0]));
}

interface Scored {
  id: string;
  score: number;
}

export class EntitySearch {
  private readonly mini: MiniSearch<Doc>;
  private readonly byId = new Map<string, SearchEntity>();
  /** Folded acronym → the entities that have it as their name or an alias. */
  private readonly acronyms = new Map<string, Set<string>>();
  /** Folded name, alias or compound → the entities that have it whole. */
  private readonly whole = new Map<string, Set<string>>();
  private readonly lang: string;

  constructor(entities: readonly SearchEntity[], options: SearchOptions = {}) {
    this.lang = primary(options.lang);
    this.mini = new MiniSearch<Doc>({
      fields: ['name', 'aliases', 'foreign', 'compounds'],
      storeFields: ['name', 'kind'],
      processTerm: (term) => fold(term) || null,
      tokenize,
    });
    const note = (map: Map<string, Set<string>>, key: string, id: string): void => {
      const set = map.get(key);
      if (set) set.add(id);
      else map.set(key, new Set([id]));
    };
    this.mini.addAll(
      entities.map((e) => {
        this.byId.set(e.id, e);
        const own: string[] = [];
        const foreign: string[] = [];
        for (const a of e.aliases) (this.isOwn(a.lang) ? own : foreign).push(a.text);
        const compounds = [e.name, ...own].flatMap(compoundsOf);
        for (const text of [e.name, ...e.aliases.map((a) => a.text)]) {
          note(this.whole, key(text), e.id);
          if (isAcronym(text)) note(this.acronyms, key(text), e.id);
        }
        for (const c of compounds) note(this.whole, c, e.id);
        return {
          id: e.id,
          name: e.name,
          aliases: own.join(' | '),
          foreign: foreign.join(' | '),
          compounds: compounds.join(' '),
          kind: e.kind,
        };
      }),
    );
  }

  /** An alias in the reader's language, in English (the dataset's default) or untagged. */
  private isOwn(lang: string | undefined): boolean {
    const l = primary(lang);
    return l === this.lang || l === 'en';
  }

  search(query: string, limit = 20): SearchHit[] {
    const q = query.trim();
    if (!q) return [];
    const folded = fold(q);
    const words = key(q);
    const scores = new Map<string, number>();
    const add = (results: readonly Scored[], weight: number): void => {
      for (const r of results) scores.set(r.id, Math.max(scores.get(r.id) ?? 0, r.score * weight));
    };
    const acronymOf = this.acronyms.get(words);
    // Whole words in every field, other languages' aliases included (they rank lower).
    add(
      this.find(q, { prefix: false, fuzzy: false, boost: { name: 3, aliases: 2, foreign: 1, compounds: 1 } }),
      1,
    );
    if (!acronymOf) {
      // Word prefixes and typos in the reader's language only.
      add(
        this.find(q, {
          fields: ['name', 'aliases', 'compounds'],
          prefix: true,
          fuzzy: fuzziness,
          boost: { name: 3, aliases: 2, compounds: 1 },
          filter: typosKeepFirstLetter,
        }),
        1,
      );
    }
    const exact = this.whole.get(words);
    if (!exact && !acronymOf) {
      // Two letters swapped in one word ("Macorn"): each such spelling, as whole words, a little lower.
      const terms = tokenize(q);
      terms.forEach((term, i) => {
        for (const swapped of transpositions(term)) {
          const variant = [...terms.slice(0, i), swapped, ...terms.slice(i + 1)].join(' ');
          add(
            this.find(variant, { fields: ['name', 'aliases', 'compounds'], prefix: false, fuzzy: false }),
            0.8,
          );
        }
      });
    }
    // The acronym itself first, then any exact name or alias, then by score.
    const rank = (id: string): number => (acronymOf?.has(id) ? 2 : exact?.has(id) ? 1 : 0);
    const ranked = [...scores].sort(([a, sa], [b, sb]) => rank(b) - rank(a) || sb - sa).map(([id]) => id);
    return ranked.slice(0, limit).map((id) => {
      const e = this.byId.get(id)!;
      const matchedAlias = fold(e.name).includes(folded)
        ? undefined
        : e.aliases.find((a) => fold(a.text).includes(folded))?.text;
      return { id: e.id, name: e.name, kind: e.kind, ...(matchedAlias ? { matchedAlias } : {}) };
    });
  }

  private find(
    q: string,
    options: {
      fields?: (keyof Doc)[];
      prefix: boolean;
      fuzzy: false | ((term: string) => number | false);
      boost?: Partial<Record<keyof Doc, number>>;
      filter?: (result: SearchResult) => boolean;
    },
  ): Scored[] {
    return this.mini
      .search(q, {
        fields: options.fields ?? ['name', 'aliases', 'foreign', 'compounds'],
        prefix: options.prefix,
        fuzzy: options.fuzzy,
        combineWith: 'AND',
        ...(options.boost ? { boost: options.boost } : {}),
        ...(options.filter ? { filter: options.filter } : {}),
      })
      .map((r) => ({ id: String(r.id), score: r.score }));
  }
}
