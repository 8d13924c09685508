/**
 * What scripts/import-people.ts imports: for each stored EveryPolitician repository (Wikidata-derived
 * holders of cabinet posts, `html/holders21.csv`), which of its position labels are the offices NormLens
 * covers, and the English title each role gets. Labels are the repository's own (the Wikidata label of the
 * position item); a label not listed here is not imported. Where a repository lacks an office, the
 * importer falls back to the multi-country sources (world-leaders-2021, world/foreign, world-leaders-current)
 * and, failing those, leaves the office out (it is then reported as not covered).
 */

/** The offices imported, as the report counts them. */
export const OFFICES = [
  'head-of-state',
  'head-of-government',
  'foreign',
  'defence',
  'interior',
  'digital',
] as const;
export type Office = (typeof OFFICES)[number];

export interface OfficeRule {
  /** The position label in html/holders21.csv, exactly. */
  label: string;
  offices: Office[];
  /** The role title written in the person file. */
  title: string;
  /** An organisation entity the role is held at (default: the country). */
  at?: string;
}

export interface CountryConfig {
  /** every-politician-scrapers/<repo> */
  repo?: string;
  iso3: string;
  /** "of <name>" in generated titles and summaries. */
  name: string;
  /** Key of the country in open-data-archive/world-leaders-current (`countries.<key>`). */
  wlc?: string;
  /** CIA World Factbook (factbook.json) file, for the cross-check of heads of state and government. */
  factbook?: string;
  /** Country label in world-leaders-2021 data/wikidata.csv. */
  wl2021?: string;
  /** Language of native-script names from world-leaders-current (`name_local`). */
  lang?: string;
  /** Titles for heads of state or government the country repository lacks (taken from other sources). */
  heads?: { state?: string; government?: string };
  rules: OfficeRule[];
}

const HS: Office[] = ['head-of-state'];
const HG: Office[] = ['head-of-government'];
const BOTH: Office[] = ['head-of-state', 'head-of-government'];
const FA: Office[] = ['foreign'];
const DF: Office[] = ['defence'];
const IN: Office[] = ['interior'];
const DG: Office[] = ['digital'];

/** Short helper: the same title pattern "<label> of <country>" for the usual ministries. */
function of(label: string, offices: Office[], country: string, title?: string): OfficeRule {
  return { label, offices, title: title ?? `${label} of ${country}` };
}

export const COUNTRIES: CountryConfig[] = [
  {
    repo: 'argentina-ministers',
    iso3: 'ARG',
    name: 'Argentina',
    wlc: 'argentina',
    factbook: 'south-america/ar.json',
    wl2021: 'Argentina',
    lang: 'es',
    rules: [
      of('President', BOTH, 'Argentina'),
      of('Minister of Foreign Affairs and Worship', FA, 'Argentina'),
      of('Minister of Defence', DF, 'Argentina'),
      of('Minister of the Interior', IN, 'Argentina'),
    ],
  },
  {
    repo: 'australia-cabinet',
    iso3: 'AUS',
    name: 'Australia',
    wlc: 'australia',
    factbook: 'australia-oceania/as.json',
    wl2021: 'Australia',
    heads: { state: 'Monarch of Australia' },
    rules: [
      of('Prime Minister', HG, 'Australia'),
      of('Minister for Foreign Affairs', FA, 'Australia'),
      of('Minister for Defence', DF, 'Australia'),
      of('Minister for Home Affairs', IN, 'Australia'),
      of('Minister for Cybersecurity', DG, 'Australia', 'Minister for Cyber Security of Australia'),
    ],
  },
  {
    repo: 'austria-cabinet',
    iso3: 'AUT',
    name: 'Austria',
    factbook: 'europe/au.json',
    wl2021: 'Austria',
    rules: [
      of('President', HS, 'Austria', 'Federal President of Austria'),
      of('Federal Chancellor', HG, 'Austria'),
      of('Federal Minister of European and International Affairs', FA, 'Austria'),
      of('Federal Minister of National Defence', DF, 'Austria'),
      of('Federal Minister of the Interior', IN, 'Austria'),
      of('Federal Minister for Digital and Economic Affairs', DG, 'Austria'),
    ],
  },
  {
    repo: 'belgium-cabinet',
    iso3: 'BEL',
    name: 'Belgium',
    factbook: 'europe/be.json',
    wl2021: 'Belgium',
    rules: [
      of('King', HS, 'Belgium', 'King of the Belgians'),
      of('Prime Minister', HG, 'Belgium'),
      of('Minister of Foreign Affairs', FA, 'Belgium'),
      of('Minister of Defence', DF, 'Belgium'),
      of('Minister of the Interior', IN, 'Belgium'),
    ],
  },
  {
    repo: 'brazil-ministers',
    iso3: 'BRA',
    name: 'Brazil',
    wlc: 'brazil',
    factbook: 'south-america/br.json',
    wl2021: 'Brazil',
    lang: 'pt',
    rules: [
      of('President', BOTH, 'Brazil'),
      of('Minister of External Relations', FA, 'Brazil'),
      of('Minister of Defence', DF, 'Brazil'),
    ],
  },
  {
    repo: 'bulgaria-cabinet',
    iso3: 'BGR',
    name: 'Bulgaria',
    factbook: 'europe/bu.json',
    wl2021: 'Bulgaria',
    rules: [
      of('President', HS, 'Bulgaria'),
      of('Prime Minister', HG, 'Bulgaria'),
      of('Minister of Foreign Affairs', FA, 'Bulgaria'),
      of('Minister of Defence', DF, 'Bulgaria'),
      of('Minister of Interior', IN, 'Bulgaria', 'Minister of the Interior of Bulgaria'),
    ],
  },
  {
    repo: 'canada-cabinet',
    iso3: 'CAN',
    name: 'Canada',
    wlc: 'canada',
    factbook: 'north-america/ca.json',
    wl2021: 'Canada',
    rules: [
      of('monarch', HS, 'Canada', 'Monarch of Canada'),
      of('Prime Minister', HG, 'Canada'),
      of('Minister of Foreign Affairs', FA, 'Canada'),
      of('Minister of National Defence', DF, 'Canada'),
      of('Minister of Digital Government', DG, 'Canada'),
    ],
  },
  {
    repo: 'china-ministers',
    iso3: 'CHN',
    name: 'China',
    wlc: 'china',
    factbook: 'east-n-southeast-asia/ch.json',
    wl2021: "People's Republic of China",
    lang: 'zh',
    rules: [
      of('President', HS, 'China'),
      of('Premier of the State Council', HG, 'China', 'Premier of China'),
      of('Minister of Foreign Affairs', FA, 'China'),
      of('Minister of National Defence', DF, 'China'),
      of('Minister of Industry and Information Technology', DG, 'China'),
    ],
  },
  {
    repo: 'croatia-ministers',
    iso3: 'HRV',
    name: 'Croatia',
    factbook: 'europe/hr.json',
    wl2021: 'Croatia',
    rules: [
      of('President', HS, 'Croatia'),
      of('Prime Minister', HG, 'Croatia'),
      of('Minister of Foreign and European Affairs', FA, 'Croatia'),
      of('Minister of Defence', DF, 'Croatia'),
      of('Minister of the Interior', IN, 'Croatia'),
    ],
  },
  {
    repo: 'cyprus-cabinet',
    iso3: 'CYP',
    name: 'Cyprus',
    factbook: 'europe/cy.json',
    wl2021: 'Cyprus',
    rules: [
      of('President', BOTH, 'Cyprus'),
      of('Minister of Foreign Affairs', FA, 'Cyprus'),
      of('Minister of Defence', DF, 'Cyprus'),
      of('Minister of Interior', IN, 'Cyprus', 'Minister of the Interior of Cyprus'),
      of('Deputy Minister of Research, Innovation and Digital Policy', DG, 'Cyprus'),
    ],
  },
  {
    repo: 'czech-ministers',
    iso3: 'CZE',
    name: 'Czechia',
    factbook: 'europe/ez.json',
    wl2021: 'Czech Republic',
    rules: [
      of('President', HS, 'Czechia'),
      of('Prime Minister', HG, 'Czechia'),
      of('Minister of Foreign Affairs', FA, 'Czechia'),
      of('Minister of Defence', DF, 'Czechia'),
      of('Minister of the Interior', IN, 'Czechia'),
    ],
  },
  {
    repo: 'denmark-cabinet',
    iso3: 'DNK',
    name: 'Denmark',
    factbook: 'europe/da.json',
    wl2021: 'Denmark',
    rules: [
      of('monarch', HS, 'Denmark', 'Monarch of Denmark'),
      of('Prime Minister', HG, 'Denmark'),
      of('Minister of Foreign Affairs', FA, 'Denmark'),
      of('Minister of Defence', DF, 'Denmark'),
      of('Minister of the Interior', IN, 'Denmark'),
    ],
  },
  {
    repo: 'estonia',
    iso3: 'EST',
    name: 'Estonia',
    factbook: 'europe/en.json',
    wl2021: 'Estonia',
    rules: [
      of('President', HS, 'Estonia'),
      of('Prime Minister', HG, 'Estonia'),
      of('Minister of Foreign Affairs', FA, 'Estonia'),
      of('Minister of Defence', DF, 'Estonia'),
      of('Minister of the Interior', IN, 'Estonia'),
      of('Minister of Entrepreneurship and Information Technology', DG, 'Estonia'),
      of('Minister of Foreign Trade and Information Technology', DG, 'Estonia'),
    ],
  },
  {
    repo: 'finland-cabinet',
    iso3: 'FIN',
    name: 'Finland',
    factbook: 'europe/fi.json',
    wl2021: 'Finland',
    rules: [
      of('President', HS, 'Finland'),
      of('Prime Minister', HG, 'Finland'),
      of('Minister for Foreign Affairs', FA, 'Finland'),
      of('Minister of Defence', DF, 'Finland'),
      of('Minister of the Interior', IN, 'Finland'),
    ],
  },
  {
    repo: 'france-cabinet',
    iso3: 'FRA',
    name: 'France',
    wlc: 'france',
    factbook: 'europe/fr.json',
    wl2021: 'France',
    lang: 'fr',
    rules: [
      of('President', HS, 'France'),
      of('Prime Minister', HG, 'France'),
      {
        label: 'Minister of Foreign Affairs',
        offices: FA,
        title: 'Minister of Foreign Affairs of France',
        at: 'french-foreign-ministry',
      },
      {
        label: 'Minister of Europe and Foreign Affairs',
        offices: FA,
        title: 'Minister for Europe and Foreign Affairs of France',
        at: 'french-foreign-ministry',
      },
      of('Minister of the Armed Forces', DF, 'France'),
      of('Minister of the Interior', IN, 'France'),
      of('Secretary of State for Digital Affairs', DG, 'France'),
      of(
        'Minister of Economy, Industry and Digital',
        DG,
        'France',
        'Minister of the Economy, Industry and Digital Affairs of France',
      ),
    ],
  },
  {
    iso3: 'DEU',
    name: 'Germany',
    wlc: 'germany',
    factbook: 'europe/gm.json',
    wl2021: 'Germany',
    lang: 'de',
    heads: { state: 'Federal President of Germany', government: 'Federal Chancellor of Germany' },
    rules: [],
  },
  {
    repo: 'greece-cabinet',
    iso3: 'GRC',
    name: 'Greece',
    factbook: 'europe/gr.json',
    wl2021: 'Greece',
    rules: [
      of('President', HS, 'Greece'),
      of('Prime Minister', HG, 'Greece'),
      of('Minister for Foreign Affairs', FA, 'Greece'),
      of('Minister for National Defence', DF, 'Greece'),
      of('Minister of the Interior', IN, 'Greece'),
      of('Minister of Digital Governance', DG, 'Greece'),
    ],
  },
  {
    repo: 'hungary-cabinet',
    iso3: 'HUN',
    name: 'Hungary',
    factbook: 'europe/hu.json',
    wl2021: 'Hungary',
    rules: [
      of('President', HS, 'Hungary'),
      of('Prime Minister', HG, 'Hungary'),
      of('Minister of Foreign Affairs', FA, 'Hungary'),
      of('Minister of Defence', DF, 'Hungary'),
      of('Minister of Interior', IN, 'Hungary', 'Minister of the Interior of Hungary'),
    ],
  },
  {
    repo: 'india-ministers',
    iso3: 'IND',
    name: 'India',
    wlc: 'india',
    factbook: 'south-asia/in.json',
    wl2021: 'India',
    lang: 'hi',
    // "Minister of Foreign Affairs" in this repository lists India's Foreign Secretaries (civil servants):
    // left out on purpose.
    rules: [
      of('President', HS, 'India'),
      of('Prime Minister', HG, 'India'),
      of('Minister of External Affairs', FA, 'India'),
      of('Minister of Defence', DF, 'India'),
      of('Minister of Home Affairs', IN, 'India'),
      of('Minister of Electronics and Information Technology', DG, 'India'),
    ],
  },
  {
    repo: 'indonesia-ministers',
    iso3: 'IDN',
    name: 'Indonesia',
    wlc: 'indonesia',
    factbook: 'east-n-southeast-asia/id.json',
    wl2021: 'Indonesia',
    lang: 'id',
    rules: [
      of('President', BOTH, 'Indonesia'),
      of('Minister of Foreign Affairs', FA, 'Indonesia'),
      of('Minister of Defence', DF, 'Indonesia'),
      of('Minister of Home Affairs', IN, 'Indonesia'),
      of(
        'Minister of Communication and Information',
        DG,
        'Indonesia',
        'Minister of Communication and Information Technology of Indonesia',
      ),
    ],
  },
  {
    repo: 'ireland-ministers',
    iso3: 'IRL',
    name: 'Ireland',
    factbook: 'europe/ei.json',
    wl2021: 'Ireland',
    heads: { government: 'Taoiseach of Ireland' },
    rules: [
      of('President', HS, 'Ireland'),
      of('Minister for Foreign Affairs and Trade', FA, 'Ireland'),
      of('Minister for Defence', DF, 'Ireland'),
    ],
  },
  {
    repo: 'italy-ministers',
    iso3: 'ITA',
    name: 'Italy',
    wlc: 'italy',
    factbook: 'europe/it.json',
    wl2021: 'Italy',
    lang: 'it',
    rules: [
      of('President', HS, 'Italy'),
      of('Prime Minister', HG, 'Italy'),
      of('Minister of Foreign Affairs', FA, 'Italy'),
      of('Minister of Defence', DF, 'Italy'),
      of('Minister of the Interior', IN, 'Italy'),
      of('Minister for Technological Innovation', DG, 'Italy'),
    ],
  },
  {
    repo: 'japan-ministers',
    iso3: 'JPN',
    name: 'Japan',
    wlc: 'japan',
    factbook: 'east-n-southeast-asia/ja.json',
    wl2021: 'Japan',
    lang: 'ja',
    rules: [
      of('Emperor', HS, 'Japan'),
      of('Prime Minister', HG, 'Japan'),
      of('Minister for Foreign Affairs', FA, 'Japan'),
      of('Minister of Defence', DF, 'Japan'),
      of('Minister for Internal Affairs and Communications', IN, 'Japan'),
      of('Minister for Digital Transformation', DG, 'Japan'),
      of('Minister in charge of Information Technology Policy', DG, 'Japan'),
    ],
  },
  {
    repo: 'latvia-cabinet',
    iso3: 'LVA',
    name: 'Latvia',
    factbook: 'europe/lg.json',
    wl2021: 'Latvia',
    rules: [
      of('President', HS, 'Latvia'),
      of('Prime Minister', HG, 'Latvia'),
      of('Minister of Foreign Affairs', FA, 'Latvia'),
      of('Minister of Defence', DF, 'Latvia'),
      of('Minister of the Interior', IN, 'Latvia'),
    ],
  },
  {
    repo: 'lithuania',
    iso3: 'LTU',
    name: 'Lithuania',
    factbook: 'europe/lh.json',
    wl2021: 'Lithuania',
    rules: [
      of('President', HS, 'Lithuania'),
      of('Prime Minister', HG, 'Lithuania'),
      of('Minister of Foreign Affairs', FA, 'Lithuania'),
      of('Minister of National Defence', DF, 'Lithuania'),
      of('Minister of the Interior', IN, 'Lithuania'),
    ],
  },
  {
    repo: 'luxembourg-cabinet',
    iso3: 'LUX',
    name: 'Luxembourg',
    factbook: 'europe/lu.json',
    wl2021: 'Luxembourg',
    heads: { state: 'Grand Duke of Luxembourg' },
    rules: [
      of('Prime Minister', HG, 'Luxembourg'),
      of('Minister of Foreign and European Affairs', FA, 'Luxembourg'),
      of('Minister of Defence', DF, 'Luxembourg'),
      of('Minister for Home Affairs', IN, 'Luxembourg'),
      of('Minister for Digitalisation', DG, 'Luxembourg'),
      of('Minister Delegate for Digitalisation', DG, 'Luxembourg'),
    ],
  },
  {
    repo: 'malta-ministers',
    iso3: 'MLT',
    name: 'Malta',
    factbook: 'europe/mt.json',
    wl2021: 'Malta',
    rules: [
      of('President', HS, 'Malta'),
      of('Prime Minister', HG, 'Malta'),
      of('Minister for Foreign Affairs', FA, 'Malta'),
      of('Minister for Home Affairs', IN, 'Malta'),
      of('Minister for Home Affairs and National Security', IN, 'Malta'),
    ],
  },
  {
    repo: 'mexico-ministers',
    iso3: 'MEX',
    name: 'Mexico',
    wlc: 'mexico',
    factbook: 'north-america/mx.json',
    wl2021: 'Mexico',
    lang: 'es',
    rules: [
      of('President', BOTH, 'Mexico'),
      of('Secretary of Foreign Affairs', FA, 'Mexico'),
      of('Secretary of National Defense', DF, 'Mexico'),
    ],
  },
  {
    repo: 'netherlands-cabinet',
    iso3: 'NLD',
    name: 'the Netherlands',
    factbook: 'europe/nl.json',
    wl2021: 'Kingdom of the Netherlands',
    rules: [
      of('monarch', HS, 'the Netherlands', 'King of the Netherlands'),
      of('Prime Minister', HG, 'the Netherlands'),
      of('Minister of Foreign Affairs', FA, 'the Netherlands'),
      of('Minister of Defence', DF, 'the Netherlands'),
      of('Minister of the Interior and Kingdom Relations', IN, 'the Netherlands'),
    ],
  },
  {
    repo: 'poland-cabinet',
    iso3: 'POL',
    name: 'Poland',
    factbook: 'europe/pl.json',
    wl2021: 'Poland',
    rules: [
      of('President', HS, 'Poland'),
      of('Prime Minister', HG, 'Poland'),
      of('Minister of Foreign Affairs', FA, 'Poland'),
      of('Minister of National Defence', DF, 'Poland'),
      of('Minister of the Interior and Administration', IN, 'Poland'),
    ],
  },
  {
    repo: 'portugal-cabinet',
    iso3: 'PRT',
    name: 'Portugal',
    factbook: 'europe/po.json',
    wl2021: 'Portugal',
    rules: [
      of('President', HS, 'Portugal'),
      of('Prime Minister', HG, 'Portugal'),
      of('Minister of Foreign Affairs', FA, 'Portugal'),
      of('Minister of National Defence', DF, 'Portugal'),
      of('Minister of Internal Administration', IN, 'Portugal'),
    ],
  },
  {
    repo: 'romania-cabinet',
    iso3: 'ROU',
    name: 'Romania',
    factbook: 'europe/ro.json',
    wl2021: 'Romania',
    rules: [
      of('President', HS, 'Romania'),
      of('Prime Minister', HG, 'Romania'),
      of('Minister of Foreign Affairs', FA, 'Romania'),
      of('Minister of National Defence', DF, 'Romania'),
      of('Minister of Internal Affairs', IN, 'Romania'),
      of('Minister of Communications and Information Society', DG, 'Romania'),
      of('Minister of Research, Innovation and Digitalization', DG, 'Romania'),
    ],
  },
  {
    repo: 'russia-cabinet',
    iso3: 'RUS',
    name: 'Russia',
    wlc: 'russia',
    factbook: 'central-asia/rs.json',
    wl2021: 'Russia',
    lang: 'ru',
    rules: [
      of('President', HS, 'Russia'),
      of('Prime Minister', HG, 'Russia'),
      of('Minister of Foreign Affairs', FA, 'Russia'),
      of('Minister of Defence', DF, 'Russia'),
      of('Minister of Internal Affairs', IN, 'Russia'),
      of('Minister of Digital Development, Communications and Mass Media', DG, 'Russia'),
    ],
  },
  {
    repo: 'saudi-ministers',
    iso3: 'SAU',
    name: 'Saudi Arabia',
    wlc: 'saudi_arabia',
    factbook: 'middle-east/sa.json',
    wl2021: 'Saudi Arabia',
    lang: 'ar',
    rules: [
      of('King', HS, 'Saudi Arabia'),
      of('Prime Minister', HG, 'Saudi Arabia'),
      of('Minister of Foreign Affairs', FA, 'Saudi Arabia'),
      of('Minister of Defence', DF, 'Saudi Arabia'),
    ],
  },
  {
    repo: 'slovakia-cabinet',
    iso3: 'SVK',
    name: 'Slovakia',
    factbook: 'europe/lo.json',
    wl2021: 'Slovakia',
    rules: [
      of('President', HS, 'Slovakia'),
      of('Prime Minister', HG, 'Slovakia'),
      of('Minister of Foreign Affairs', FA, 'Slovakia'),
      of('Minister of Foreign and European Affairs', FA, 'Slovakia'),
      of('Minister of Defence', DF, 'Slovakia'),
      of('Minister of Interior', IN, 'Slovakia', 'Minister of the Interior of Slovakia'),
    ],
  },
  {
    repo: 'slovenia-cabinet',
    iso3: 'SVN',
    name: 'Slovenia',
    factbook: 'europe/si.json',
    wl2021: 'Slovenia',
    rules: [
      of('President', HS, 'Slovenia'),
      of('Prime Minister', HG, 'Slovenia'),
      of('Minister of Foreign Affairs', FA, 'Slovenia'),
      of('Minister of Defence', DF, 'Slovenia'),
      of('Minister of the Interior', IN, 'Slovenia'),
      of('Minister without Portfolio for Digital Transformation', DG, 'Slovenia'),
    ],
  },
  {
    repo: 'south-africa-cabinet',
    iso3: 'ZAF',
    name: 'South Africa',
    wlc: 'south_africa',
    factbook: 'africa/sf.json',
    wl2021: 'South Africa',
    rules: [
      of('President', BOTH, 'South Africa'),
      of('Minister of International Relations and Cooperation', FA, 'South Africa'),
      of(
        'Minister of Defence',
        DF,
        'South Africa',
        'Minister of Defence and Military Veterans of South Africa',
      ),
      of('Minister of Home Affairs', IN, 'South Africa'),
    ],
  },
  {
    repo: 'south-korea-ministers',
    iso3: 'KOR',
    name: 'South Korea',
    wlc: 'south_korea',
    factbook: 'east-n-southeast-asia/ks.json',
    wl2021: 'South Korea',
    lang: 'ko',
    rules: [
      of('President', BOTH, 'South Korea'),
      of('Minister of Foreign Affairs', FA, 'South Korea'),
      of('Minister of Defence', DF, 'South Korea', 'Minister of National Defense of South Korea'),
      of('Minister of the Interior and Safety', IN, 'South Korea'),
    ],
  },
  {
    repo: 'spain-ministers',
    iso3: 'ESP',
    name: 'Spain',
    factbook: 'europe/sp.json',
    wl2021: 'Spain',
    rules: [
      of('monarch', HS, 'Spain', 'King of Spain'),
      of('Prime Minister', HG, 'Spain'),
      of('Minister of Foreign Affairs', FA, 'Spain'),
      of('Minister of Foreign Affairs and Cooperation', FA, 'Spain'),
      of(
        'Minister of Foreign Affairs, European Union and Foreign Aid',
        FA,
        'Spain',
        'Minister of Foreign Affairs, European Union and Cooperation of Spain',
      ),
      of('Minister of Defence', DF, 'Spain'),
      of('Minister of the Interior', IN, 'Spain'),
      of('Minister for the Economy and Digital Transformation', DG, 'Spain'),
    ],
  },
  {
    repo: 'sweden-cabinet',
    iso3: 'SWE',
    name: 'Sweden',
    factbook: 'europe/sw.json',
    wl2021: 'Sweden',
    rules: [
      of('monarch', HS, 'Sweden', 'King of Sweden'),
      of('Prime Minister', HG, 'Sweden'),
      of('Minister for Foreign Affairs', FA, 'Sweden'),
      of('Minister for Defence', DF, 'Sweden'),
      of('Minister for Information Technology', DG, 'Sweden'),
    ],
  },
  {
    repo: 'turkey-ministers',
    iso3: 'TUR',
    name: 'Turkey',
    wlc: 'turkey',
    factbook: 'middle-east/tu.json',
    wl2021: 'Turkey',
    lang: 'tr',
    rules: [
      of('President', HS, 'Turkey'),
      of('Prime Minister', HG, 'Turkey'),
      of('Minister of Foreign Affairs', FA, 'Turkey'),
      of('Minister of National Defence', DF, 'Turkey'),
      of('Minister of the Interior', IN, 'Turkey'),
    ],
  },
  {
    // Ministers come from the IfG Ministers Database (see import-people.ts); only the monarch from here.
    repo: 'united-kingdom-cabinet',
    iso3: 'GBR',
    name: 'the United Kingdom',
    wlc: 'uk',
    factbook: 'europe/uk.json',
    wl2021: 'United Kingdom',
    rules: [of('monarch', HS, 'the United Kingdom', 'Monarch of the United Kingdom')],
  },
  {
    repo: 'us-cabinet',
    iso3: 'USA',
    name: 'the United States',
    wlc: 'usa',
    factbook: 'north-america/us.json',
    wl2021: 'United States of America',
    rules: [
      of('President', BOTH, 'the United States'),
      {
        label: 'Secretary of State',
        offices: FA,
        title: 'United States Secretary of State',
        at: 'us-state-department',
      },
      of('Secretary of Defence', DF, 'the United States', 'United States Secretary of Defense'),
      of(
        'Secretary of Homeland Security',
        IN,
        'the United States',
        'United States Secretary of Homeland Security',
      ),
      of('Attorney General', IN, 'the United States', 'United States Attorney General'),
    ],
  },
];

/** world-leaders-2021 position labels (lower-cased) that are heads of state, by country label. */
export const WL2021_HEAD_OF_STATE = /^(president|monarch|king|emperor|grand duke)\b/i;
export const WL2021_HEAD_OF_GOVERNMENT = /^(prime minister|federal chancellor|premier|taoiseach)\b/i;

/** UK ministers from the IfG Ministers Database: post names (exact) and the office each counts as. */
export const IFG_POSTS: Record<string, { offices: Office[]; title: string; at?: string }> = {
  'Prime Minister': { offices: HG, title: 'Prime Minister of the United Kingdom' },
  'Secretary of State for Foreign and Commonwealth Affairs': {
    offices: FA,
    title: 'Secretary of State for Foreign and Commonwealth Affairs',
  },
  'Secretary of State for Foreign, Commonwealth and Development Affairs': {
    offices: FA,
    title: 'Secretary of State for Foreign, Commonwealth and Development Affairs',
    at: 'uk-fcdo',
  },
  'Secretary of State for Defence': {
    offices: DF,
    title: 'Secretary of State for Defence of the United Kingdom',
  },
  'Secretary of State for the Home Department': {
    offices: IN,
    title: 'Home Secretary of the United Kingdom',
  },
  'Secretary of State for Digital, Culture, Media and Sport': {
    offices: DG,
    title: 'Secretary of State for Digital, Culture, Media and Sport',
  },
  'Secretary of State for Science, Innovation and Technology': {
    offices: DG,
    title: 'Secretary of State for Science, Innovation and Technology',
  },
  'Minister for Digital and the Creative Industries': {
    offices: DG,
    title: 'Minister for Digital and the Creative Industries (UK)',
  },
  'Minister for Digital and Broadband': { offices: DG, title: 'Minister for Digital and Broadband (UK)' },
  'Minister for Digital Infrastructure': { offices: DG, title: 'Minister for Digital Infrastructure (UK)' },
  'Minister for Digital and Culture': { offices: DG, title: 'Minister for Digital and Culture (UK)' },
  'Minister for Tech and the Digital Economy': {
    offices: DG,
    title: 'Minister for Tech and the Digital Economy (UK)',
  },
  'Minister for Media, Data, and Digital Infrastructure': {
    offices: DG,
    title: 'Minister for Media, Data and Digital Infrastructure (UK)',
  },
  'Minister for Data and Digital Infrastructure': {
    offices: DG,
    title: 'Minister for Data and Digital Infrastructure (UK)',
  },
  'Minister for AI and Digital Government': {
    offices: DG,
    title: 'Minister for AI and Digital Government (UK)',
  },
  'Minister for Digital Government and Data': {
    offices: DG,
    title: 'Minister for Digital Government and Data (UK)',
  },
  'Minister for the Future Digital Economy and Online Safety': {
    offices: DG,
    title: 'Minister for the Future Digital Economy and Online Safety (UK)',
  },
  'Minister for Digital Economy': { offices: DG, title: 'Minister for the Digital Economy (UK)' },
};

/** Countries' ISO alpha-3 code of every country in scope (G20 states and EU members), for the report. */
export const SCOPE = COUNTRIES.map((c) => c.iso3);
