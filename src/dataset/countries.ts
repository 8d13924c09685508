/**
 * Country entities generated from the maintained `world-countries` package (ISO codes, names in English,
 * French, German and Spanish, demonyms, UN membership), refined by data/countries/*.yaml. Names are never
 * hand-typed here; only the ambiguity rules and extra aliases are ours.
 */
import type { Alias } from '../shared/model';
import type { AliasRule } from '../shared/vocabulary';
import type { SourceEntity } from './schema';
import { fold } from '../text/fold';

export interface WorldCountry {
  cca2: string;
  cca3: string;
  ccn3?: string;
  unMember: boolean;
  subregion?: string;
  region?: string;
  name: { common: string; official: string };
  translations: Record<string, { common: string; official: string } | undefined>;
  demonyms?: Record<string, { m?: string; f?: string } | undefined>;
}

export interface CountryOverride {
  /** Extra aliases (acronyms, historic or local names). */
  aliases?: Alias[];
  /** Rules for generated aliases, keyed by the alias text. */
  rules?: Record<string, AliasRule>;
  /** Generated aliases to drop (false friends such as German "Island" for Iceland). */
  drop?: string[];
  type?: 'state' | 'observer-state';
}

export interface CountryProvenance {
  /** Where the names and codes can be checked. */
  namesSource: string;
  membersSource: string;
  observersSource: string;
  asOf: string;
}

/** UN observer states that are not members. The package marks the Holy See as a member; the UN does not. */
const OBSERVERS = new Set(['VAT', 'PSE']);

const LANGS: [string, string][] = [
  ['fra', 'fr'],
  ['deu', 'de'],
  ['spa', 'es'],
];

function countryId(cca3: string): string {
  return `country-${cca3.toLowerCase()}`;
}

export function generateCountries(
  world: readonly WorldCountry[],
  overrides: Record<string, CountryOverride>,
  provenance: CountryProvenance,
): SourceEntity[] {
  const chosen = world.filter((c) => OBSERVERS.has(c.cca3) || (c.unMember && c.cca3 !== 'VAT'));
  const draft = chosen.map((c) => {
    const override = overrides[c.cca3] ?? {};
    const observer = OBSERVERS.has(c.cca3);
    const aliases: Alias[] = [];
    const add = (text: string | undefined, extra: Partial<Alias> = {}): void => {
      if (!text || text === c.name.common) return;
      if (override.drop?.includes(text)) return;
      aliases.push({ text, ...extra });
    };
    add(c.name.official);
    for (const [key, lang] of LANGS) {
      const t = c.translations[key];
      // Foreign names are proper nouns: they count only when capitalised.
      add(t?.common, { lang, rule: 'capitalised' });
      add(t?.official, { lang, rule: 'capitalised' });
    }
    const demonyms = c.demonyms ?? {};
    for (const [key, lang] of [['eng', 'en'] as const, ['fra', 'fr'] as const]) {
      add(demonyms[key]?.m, { lang, demonym: true });
      add(demonyms[key]?.f, { lang, demonym: true });
    }
    for (const a of override.aliases ?? []) aliases.push(a);
    for (const a of aliases) {
      const rule = override.rules?.[a.text];
      if (rule) a.rule = rule;
    }
    const place = c.subregion ?? c.region;
    const summary = observer
      ? `${c.name.common}: a non-member observer state at the United Nations${place ? `, in ${place}` : ''}. ISO code ${c.cca2}.`
      : `${c.name.common}: a member state of the United Nations${place ? `, in ${place}` : ''}. ISO code ${c.cca2}.`;
    const entity: SourceEntity = {
      id: countryId(c.cca3),
      kind: 'country',
      type: override.type ?? (observer ? 'observer-state' : 'state'),
      name: c.name.common,
      aliases: dedupeAliases(c.name.common, aliases),
      summary,
      codes: { iso2: c.cca2, iso3: c.cca3, ...(c.ccn3 ? { isoNumeric: c.ccn3 } : {}) },
      names: {
        official: c.name.official,
        ...Object.fromEntries(
          LANGS.map(([key, lang]) => [lang, c.translations[key]?.common ?? ''] as const).filter(([, v]) => v),
        ),
      },
      source: observer ? provenance.observersSource : provenance.membersSource,
      asOf: provenance.asOf,
      dates: [],
      roles: [],
      relations: [],
    };
    const nameRule = override.rules?.[c.name.common];
    if (nameRule) {
      // The common name itself is ambiguous (Georgia, Chad, Jordan): the name carries the rule and the
      // official name is the one that always counts.
      entity.nameRule = nameRule;
    }
    return entity;
  });
  return dropSharedAliases(draft);
}

function dedupeAliases(name: string, aliases: Alias[]): Alias[] {
  const seen = new Set([fold(name)]);
  const out: Alias[] = [];
  for (const a of aliases) {
    const key = fold(a.text) + (a.caseSensitive ? `|${a.text}` : '');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}

/**
 * A generated alias that two countries share ("Congolese", "Dominican") names neither for sure: drop it
 * from both rather than guess.
 */
function dropSharedAliases(countries: SourceEntity[]): SourceEntity[] {
  const owners = new Map<string, Set<string>>();
  for (const c of countries) {
    for (const text of [c.name, ...c.aliases.map((a) => a.text)]) {
      const key = fold(text);
      const set = owners.get(key) ?? new Set<string>();
      set.add(c.id);
      owners.set(key, set);
    }
  }
  for (const c of countries) {
    c.aliases = c.aliases.filter(
      (a) => (owners.get(fold(a.text))?.size ?? 0) <= 1 || a.caseSensitive === true,
    );
  }
  return countries;
}
