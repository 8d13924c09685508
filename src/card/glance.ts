/**
 * What a card says at a glance, worked out from the card's data: the title the article used, the type and
 * status, one count of distinct members, the ranked "then and now" lines, and what the card's entity has to
 * do with the other names on the page. Pure apart from the reader's language (t()); the card renders it.
 *
 * Every statement comes with the relation or date it rests on, so the card can number its source.
 */
import { lifespan, type CardData, type CardEntityRef, type CardRelation } from '../shared/card-data';
import type { Entity } from '../shared/model';
import type { RelationType } from '../shared/vocabulary';
import { t, type MessageKey } from '../i18n/t';
import { dateBounds, isAfter, statusNow, statusOn, type FactStatus } from './as-of';
import { NOT_THEN, formatDate, relationPhrase } from './format';

/** A statement and the source it rests on. */
export interface Fact {
  text: string;
  source?: string;
  asOf?: string;
  /** The other entity the statement is about, when it is about one. */
  about?: string;
}

export interface GlanceInput {
  data: CardData;
  /** The article's date, when the page declares one. */
  articleDate?: string;
  today: string;
  /** Ids of the entities the page names, in order of first mention. */
  pageIds: readonly string[];
}

/** The entity did not exist yet on the article's date: nothing to compare, one grey line. */
function createdAfter(data: CardData, date: string): Fact | undefined {
  const { start } = lifespan(data.entity);
  if (!start || !isAfter(start, date)) return undefined;
  return { text: t('card_created_after', formatDate(start)) };
}

const fact = (text: string, from?: { source: string; asOf: string; otherId?: string }): Fact => ({
  text,
  ...(from ? { source: from.source, asOf: from.asOf } : {}),
  ...(from?.otherId ? { about: from.otherId } : {}),
});

// ---------------------------------------------------------------------------------------------------------
// Title, type, summary

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * The name as the article wrote it (the alias it matched, in the dataset's spelling), with the official
 * name beneath when it differs. A demonym ("French") is not a name: the card then shows the entity's name.
 */
export function titleOf(entity: Entity, mentionText?: string): { title: string; official?: string } {
  const official = entity.names?.official;
  const full = (title: string): { title: string; official?: string } => {
    const beneath = fold(title) !== fold(entity.name) ? entity.name : official;
    return beneath && fold(beneath) !== fold(title) ? { title, official: beneath } : { title };
  };
  if (!mentionText) return full(entity.name);
  const said = fold(mentionText);
  if (said === fold(entity.name)) return full(entity.name);
  const alias = entity.aliases.find((a) => fold(a.text) === said);
  if (!alias || alias.demonym) return full(entity.name);
  return full(alias.text);
}

/** The summary's first sentence (a full stop followed by a capital, not after an initial or "St"). */
export function firstSentence(text: string): string {
  const re = /([.!?])\s+(?=[A-Z"“(])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    if (/(^|\s)([A-Z]|St|Dr|Mr|Ms|Mrs|No|vs|U\.S|U\.K|e\.g|i\.e)$/.test(before)) continue;
    return text.slice(0, m.index + 1);
  }
  return text;
}

const TYPE_KEYS: Record<string, MessageKey> = {
  'initiative:declaration': 'card_type_declaration',
  'initiative:treaty': 'card_type_treaty',
  'initiative:protocol': 'card_type_protocol',
  'initiative:un-process': 'card_type_un_process',
  'initiative:report': 'card_type_report',
  'initiative:norms': 'card_type_norms',
  'initiative:multistakeholder': 'card_type_multistakeholder',
  'initiative:national-strategy': 'card_type_national_strategy',
  'initiative:coalition': 'card_type_coalition',
  'initiative:forum': 'card_type_forum',
  'initiative:manual': 'card_type_manual',
  'initiative:framework': 'card_type_framework',
  'initiative:legislation': 'card_type_legislation',
  'initiative:regulation': 'card_type_regulation',
  'initiative:directive': 'card_type_directive',
  'initiative:bill': 'card_type_bill',
  'initiative:process': 'card_type_process',
  'initiative:meeting': 'card_type_meeting',
  'initiative:programme': 'card_type_programme',
  'initiative:sanctions-regime': 'card_type_sanctions_regime',
  'initiative:resolution': 'card_type_resolution',
  'initiative:list': 'card_type_list',
  'organization:agency': 'card_type_agency',
  'organization:company': 'card_type_company',
  'organization:think-tank': 'card_type_think_tank',
  'organization:ngo': 'card_type_ngo',
  'organization:international-body': 'card_type_international_body',
  'organization:industry-body': 'card_type_industry_body',
  'organization:academic': 'card_type_academic',
  'organization:ministry': 'card_type_ministry',
  'organization:government-body': 'card_type_government_body',
  'organization:legislature': 'card_type_legislature',
  'organization:committee': 'card_type_committee',
  'organization:intelligence-service': 'card_type_intelligence_service',
  'organization:military': 'card_type_military',
  'organization:law-enforcement': 'card_type_law_enforcement',
  'organization:court': 'card_type_court',
  'organization:political-party': 'card_type_political_party',
  'country:state': 'card_type_state',
  'country:observer-state': 'card_type_observer_state',
  'country:bloc': 'card_type_bloc',
  'threat-actor:state-linked': 'card_type_actor_state_linked',
  'threat-actor:criminal': 'card_type_actor_criminal',
  'threat-actor:ransomware': 'card_type_actor_ransomware',
  'threat-actor:hacktivist': 'card_type_actor_hacktivist',
  'threat-actor:persona': 'card_type_actor_persona',
  'threat-actor:unattributed': 'card_type_actor_unattributed',
  'incident:intrusion': 'card_type_incident_intrusion',
  'incident:attack': 'card_type_incident_attack',
  'incident:ransomware': 'card_type_incident_ransomware',
  'incident:leak': 'card_type_incident_leak',
  'incident:campaign': 'card_type_incident_campaign',
  'incident:supply-chain': 'card_type_incident_supply_chain',
  'incident:espionage': 'card_type_incident_espionage',
  'incident:influence-operation': 'card_type_incident_influence_operation',
  'incident:law-enforcement': 'card_type_incident_law_enforcement',
};

/** "Treaty · binding", "UN process", "Intelligence service": the entity's type in the reader's words. */
export function typeBadge(entity: Pick<Entity, 'kind' | 'type'>): string | undefined {
  const key = TYPE_KEYS[`${entity.kind}:${entity.type}`];
  return key ? t(key) : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Memberships: one standing per member, from all its relations

const MEMBERSHIP: ReadonlySet<string> = new Set([
  'supports',
  'signed',
  'ratified',
  'party',
  'member',
  'withdrew',
]);
const RANK: Partial<Record<RelationType, number>> = {
  party: 5,
  ratified: 4,
  member: 3,
  supports: 3,
  signed: 2,
};

export const isMembership = (r: CardRelation): boolean => MEMBERSHIP.has(r.type);

type StandingState = 'in' | 'out' | 'withdrew' | 'unknown';
interface Standing {
  state: StandingState;
  /** The relation the standing rests on (the strongest one in force, or the unknown one). */
  rel?: CardRelation;
  /** Now: listed as held on a date (`heldThrough`), not confirmed since; counted as listed. */
  lastSeen?: boolean;
}

function standingOf(rels: readonly CardRelation[], date: string, now: boolean): Standing {
  const status = (r: CardRelation): FactStatus => (now ? statusNow(r, date) : statusOn(r, date));
  let best: CardRelation | undefined;
  let unknown: CardRelation | undefined;
  let withdrew: CardRelation | undefined;
  for (const r of rels) {
    const s = status(r);
    if (r.type === 'withdrew') {
      if (s === 'active') withdrew = r;
      else if (s === 'unknown') unknown ??= r;
      continue;
    }
    const rank = RANK[r.type] ?? 1;
    if (s === 'active' && (!best || rank > (RANK[best.type] ?? 1))) best = r;
    else if (s === 'unknown' && (!unknown || rank > (RANK[unknown.type] ?? 1))) unknown = r;
  }
  if (withdrew) return { state: 'withdrew', rel: withdrew };
  if (best) return { state: 'in', rel: best };
  if (now && unknown?.heldThrough && !unknown.to) return { state: 'in', rel: unknown, lastSeen: true };
  if (unknown) return { state: 'unknown', rel: unknown };
  return { state: 'out' };
}

const NOUN: Partial<Record<RelationType, MessageKey>> = {
  supports: 'card_noun_supports',
  signed: 'card_noun_signed',
  ratified: 'card_noun_ratified',
  party: 'card_noun_party',
  member: 'card_noun_member',
  withdrew: 'card_noun_withdrew',
  runs: 'card_noun_runs',
  hosts: 'card_noun_hosts',
  'holds-role': 'card_noun_holds_role',
  'affiliated-with': 'card_noun_affiliated_with',
  'part-of': 'card_noun_part_of',
};

const noun = (type: RelationType): string => t(NOUN[type] ?? 'card_noun_member');

/** "since 10 Nov 2021", or "listed by 10 Nov 2019" when the source only shows it held by then. */
function sinceText(r: { from?: string; startedBy?: true }): string {
  if (!r.from) return '';
  return t(r.startedBy ? 'card_listed_by' : 'card_since', formatDate(r.from));
}

/** "party since 1 Jul 2007", "supporter, listed by 10 Nov 2019", "supporter". */
function standingNow(s: Standing): string {
  const r = s.rel;
  if (!r) return t('card_stance_not_joined');
  if (s.state === 'withdrew') return r.from ? t('card_withdrew_on', formatDate(r.from)) : noun('withdrew');
  if (s.state === 'unknown') return t('card_not_known');
  if (s.lastSeen && r.heldThrough) return t('card_seen_on', [noun(r.type), formatDate(r.heldThrough.date)]);
  return nounSince(r);
}

/** "party since 1 Jul 2007", "supporter, listed by 10 Nov 2019", "member". */
function nounSince(r: CardRelation): string {
  if (!r.from) return noun(r.type);
  if (r.startedBy) return t('card_noun_listed', [noun(r.type), formatDate(r.from)]);
  // A ratification is an act on a day ("ratified 19 Apr 2024"); the others are states since a day.
  if (r.type === 'ratified') return t('card_noun_with_date', [noun(r.type), formatDate(r.from)]);
  return t('card_noun_with_date', [noun(r.type), t('card_since', formatDate(r.from))]);
}

function standingThen(s: Standing, nowType: RelationType | undefined): string {
  if (s.state === 'in' && s.rel) return t('card_then_was', noun(s.rel.type));
  if (s.state === 'withdrew') return t('card_then_was', noun('withdrew'));
  if (s.state === 'unknown') return t('card_not_known_then');
  return t('card_then_was', t(NOT_THEN[nowType ?? 'member']));
}

const differs = (a: Standing, b: Standing): boolean =>
  a.state !== b.state || (a.state === 'in' && a.rel?.type !== b.rel?.type);

/** Relations grouped by the other end, in first-seen order. */
function byOther(rels: readonly CardRelation[]): Map<string, CardRelation[]> {
  const out = new Map<string, CardRelation[]>();
  for (const r of rels) {
    const list = out.get(r.otherId);
    if (list) list.push(r);
    else out.set(r.otherId, [r]);
  }
  return out;
}

/** One row per member (a state that ratified and became a party is one row), its standing now. */
export interface MemberRow {
  otherId: string;
  name: string;
  text: string;
  rel: CardRelation;
}

export function memberRows(rels: readonly CardRelation[], today: string): MemberRow[] {
  const rows: MemberRow[] = [];
  for (const [otherId, list] of byOther(rels)) {
    const now = standingOf(list, today, true);
    const rel = now.rel ?? list[0]!;
    const extra = list
      .filter((r) => r !== rel && r.from && r.type !== rel.type)
      .map((r) => t('card_noun_with_date', [noun(r.type), formatDate(r.from!)]));
    const text = [standingNow(now), ...extra].join('; ');
    rows.push({ otherId, name: rel.otherShort, text, rel });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------
// Counts: distinct members by status, and how complete the list is

type List = NonNullable<Entity['lists']>[number];

const COUNT_STATES: Partial<Record<RelationType, MessageKey>> = {
  party: 'card_count_states_party',
  ratified: 'card_count_states_ratified',
  supports: 'card_count_states_supports',
  member: 'card_count_states_member',
  signed: 'card_count_states_signed',
};
const COUNT_ALL: Partial<Record<RelationType, MessageKey>> = {
  party: 'card_count_all_party',
  ratified: 'card_count_all_ratified',
  supports: 'card_count_all_supports',
  member: 'card_count_all_member',
  signed: 'card_count_all_signed',
};

/** The list's strongest relation type names its members (a treaty's ratified+party list counts parties). */
function listType(list: List): RelationType {
  return [...list.types].sort((a, b) => (RANK[b] ?? 0) - (RANK[a] ?? 0))[0] ?? 'member';
}

const isState = (r: CardRelation): boolean => r.otherKind === 'country' && r.otherType !== 'bloc';

/** Distinct members of a list on a date (or now), and how many of them are only "unknown" then. */
function membersOn(
  data: CardData,
  list: Pick<List, 'types' | 'members'>,
  date: string,
  now: boolean,
): { in: number; unknown: number; ids: Set<string> } {
  const types: ReadonlySet<string> = new Set(list.types);
  const rels = data.relations.filter(
    (r) => !r.outgoing && types.has(r.type) && (list.members === 'all' || isState(r)),
  );
  const ids = new Set<string>();
  let unknown = 0;
  for (const [id, group] of byOther(rels)) {
    const s = standingOf(group, date, now);
    if (s.state === 'in') ids.add(id);
    else if (s.state === 'unknown') unknown++;
  }
  return { in: ids.size, unknown, ids };
}

function countPhrase(list: Pick<List, 'types' | 'members'>, n: number | string): string {
  const type = listType(list as List);
  const key = (list.members === 'states' ? COUNT_STATES : COUNT_ALL)[type] ?? 'card_count_all_member';
  return t(key, typeof n === 'number' ? grouped(n) : n);
}

/** 1215 as "1 215" (a thin space groups thousands in both languages). */
const grouped = (n: number): string => n.toLocaleString('en').replace(/,/g, '\u202f');

/** The membership lists a card counts: the entity's list heads, or its membership relations as one list. */
function listsOf(data: CardData): List[] {
  if (data.entity.lists?.length) {
    // States first: the count a reader asks for ("how many states?"); then all members.
    return [...data.entity.lists].sort(
      (a, b) => (a.members === 'states' ? -1 : 0) - (b.members === 'states' ? -1 : 0),
    );
  }
  const types = [...new Set(data.relations.filter((r) => !r.outgoing && isMembership(r)).map((r) => r.type))];
  if (types.length === 0) return [];
  return [
    { types, members: 'all', complete: false, listed: 0, source: data.entity.source, asOf: data.entity.asOf },
  ];
}

/**
 * One count of distinct members by status: "76 parties · 1 signed only", "81 states · 1 215 supporters in
 * all", "67 of 74 members listed", "34 signatories listed (those of 17 Apr 2018; list not complete)".
 */
export function memberCount(data: CardData, today: string): Fact | undefined {
  const lists = listsOf(data);
  const main = lists[0];
  if (!main) return undefined;
  const { in: n, ids } = membersOn(data, main, today, true);
  if (n === 0) return undefined;
  const parts: string[] = [];
  const head = data.entity.lists?.length ? main : undefined;
  if (!head) parts.push(t('card_count_listed', countPhrase(main, n)));
  else if (head.complete) parts.push(countPhrase(main, n));
  else if (head.officialCount !== undefined)
    parts.push(
      t('card_count_listed', countPhrase(main, t('card_n_of_m', [grouped(n), grouped(head.officialCount)]))),
    );
  else {
    const launch = data.entity.dates.find((d) => d.type === 'launched' || d.type === 'adopted');
    parts.push(
      launch && launch.date === head.asOf
        ? t('card_count_partial_at_launch', [countPhrase(main, n), formatDate(head.asOf)])
        : t('card_count_partial', countPhrase(main, n)),
    );
  }
  // Signatories that never became members of a treaty's list: "1 signed only".
  if (!main.types.includes('signed')) {
    const signedOnly = new Set(
      data.relations
        .filter((r) => !r.outgoing && r.type === 'signed' && (main.members === 'all' || isState(r)))
        .filter((r) => !ids.has(r.otherId) && statusNow(r, today) === 'active')
        .map((r) => r.otherId),
    );
    if (signedOnly.size > 0) parts.push(t('card_count_signed_only', String(signedOnly.size)));
  }
  const all = lists.find((l) => l !== main && l.members === 'all');
  if (all) {
    const m = membersOn(data, all, today, true).in;
    if (m > n) parts.push(t('card_count_in_all', grouped(m)));
  }
  const text = parts.join(' · ');
  return fact(text, head ?? undefined);
}

// ---------------------------------------------------------------------------------------------------------
// Status chip

const HEAD_ROLE =
  /^(President|Prime Minister|Federal Chancellor|Chancellor of (Germany|Austria)|King|Queen|Monarch|Premier|Supreme Leader|Emir|Sultan|Taoiseach)\b/;

export const isHeadRole = (role: string | undefined): boolean =>
  !!role && HEAD_ROLE.test(role) && !/^President of the (European|Council|General)/.test(role);

const dateOf = (e: Entity, ...types: string[]): Entity['dates'][number] | undefined =>
  types.map((type) => e.dates.find((d) => d.type === type)).find((d) => d !== undefined);

/** "In force since 1 Jul 2004", "Ended 2021", "President of Kenya since 13 Sep 2022", "UN member since 1945". */
export function statusChip(data: CardData, today: string): Fact | undefined {
  const e = data.entity;
  const past = (d: { date: string }): boolean => !isAfter(d.date, today);
  switch (e.kind) {
    case 'initiative': {
      const ended = dateOf(e, 'ended');
      if (ended && past(ended)) return fact(t('card_chip_ended', formatDate(ended.date)), ended);
      const force = dateOf(e, 'entered-into-force');
      if (force && past(force)) return fact(t('card_chip_in_force', formatDate(force.date)), force);
      const open = dateOf(e, 'opened-for-signature');
      if (open && (e.type === 'treaty' || e.type === 'protocol'))
        return fact(t('card_chip_not_in_force', formatDate(open.date)), open);
      const started = dateOf(e, 'started');
      if (started) return fact(t('card_chip_running', formatDate(started.date)), started);
      const launched = dateOf(e, 'launched', 'adopted', 'founded', 'signed', 'published');
      if (launched)
        return fact(
          t(`card_chip_${launched.type === 'launched' ? 'launched' : 'adopted'}`, formatDate(launched.date)),
          launched,
        );
      return undefined;
    }
    case 'person': {
      const died = dateOf(e, 'died');
      if (died) return fact(t('card_chip_died', formatDate(died.date)), died);
      const roles = data.relations.filter((r) => r.type === 'holds-role' && r.outgoing);
      const current = roles
        .filter((r) => statusNow(r, today) === 'active')
        .sort(
          (a, b) =>
            Number(isHeadRole(b.role)) - Number(isHeadRole(a.role)) ||
            (b.from ?? '').localeCompare(a.from ?? ''),
        );
      const top = current[0];
      if (top) {
        const role = roleTitle(top);
        return fact(top.from ? t('card_chip_in_office', [role, sinceText(top)]) : role, top);
      }
      const seen = roles
        .filter((r) => r.heldThrough && !r.to)
        .sort((a, b) => b.heldThrough!.date.localeCompare(a.heldThrough!.date))[0];
      if (seen)
        return fact(
          t('card_chip_last_seen_held', [roleTitle(seen), formatDate(seen.heldThrough!.date)]),
          seen,
        );
      const last = roles.filter((r) => r.to).sort((a, b) => b.to!.localeCompare(a.to!))[0];
      if (last) return fact(t('card_chip_former', [roleTitle(last), formatDate(last.to!)]), last);
      return undefined;
    }
    case 'country': {
      const un = dateOf(e, 'un-admission');
      if (un) return fact(t('card_chip_un_member', formatDate(un.date)), un);
      return undefined;
    }
    case 'threat-actor': {
      const first = dateOf(e, 'first-seen');
      const last = dateOf(e, 'last-seen');
      if (first && last)
        return fact(t('card_chip_active_span', [formatDate(first.date), formatDate(last.date)]), last);
      if (first) return fact(t('card_chip_active_since', formatDate(first.date)), first);
      if (last) return fact(t('card_chip_last_seen', formatDate(last.date)), last);
      return undefined;
    }
    case 'incident': {
      const started = dateOf(e, 'started');
      const disclosed = dateOf(e, 'disclosed');
      if (started) return fact(t('card_chip_started', formatDate(started.date)), started);
      if (disclosed) return fact(t('card_chip_disclosed', formatDate(disclosed.date)), disclosed);
      return undefined;
    }
    default: {
      const ended = dateOf(e, 'ended');
      if (ended && past(ended)) return fact(t('card_chip_ended', formatDate(ended.date)), ended);
      const founded = dateOf(e, 'founded', 'launched', 'started');
      return founded ? fact(t('card_chip_founded', formatDate(founded.date)), founded) : undefined;
    }
  }
}

/** A role as a person's card names it: the title, and where when the title does not say. */
function roleTitle(r: CardRelation): string {
  const role = r.role ?? t('card_role_fallback');
  if (!r.outgoing) return role;
  if (
    r.otherId === r.subject ||
    fold(role).includes(fold(r.otherShort)) ||
    fold(role).includes(fold(r.otherName))
  )
    return role;
  return `${role}, ${r.otherShort}`;
}

// ---------------------------------------------------------------------------------------------------------
// Then and now: at most three ranked lines, and one grey line for what came after the article

export interface ThenAndNow {
  lines: Fact[];
  /** What the article could not know: instruments created since, parts begun since. */
  since?: Fact;
}

const MAX_THEN = 3;
const ATTRIBUTION_TYPES: ReadonlySet<string> = new Set(['attributed-to', 'responded-to', 'targeted']);

/** Is all of `date` before the other end came into being? */
const notYetThen = (r: CardRelation, date: string): boolean => !!r.otherStart && isAfter(r.otherStart, date);

/** A list of names, cut after a few: "A, B, C and 4 more". */
export function nameList(names: readonly string[], max = 3): string {
  if (names.length <= max) return names.join(', ');
  return t('card_list_more', [names.slice(0, max).join(', '), String(names.length - max)]);
}

export function thenAndNow(input: GlanceInput): ThenAndNow {
  const { data, articleDate } = input;
  if (!articleDate) return { lines: [] };
  const later = data.entity.kind === 'incident' ? undefined : createdAfter(data, articleDate);
  if (later) return { lines: [], since: later };
  switch (data.entity.kind) {
    case 'incident':
    case 'threat-actor':
      return attributionThenNow(input, articleDate);
    case 'person':
      return personThenNow(input, articleDate);
    default:
      return membershipThenNow(input, articleDate);
  }
}

function rankByPage(pageIds: readonly string[]): (id: string) => number {
  const order = new Map(pageIds.map((id, i) => [id, i]));
  return (id) => order.get(id) ?? Number.POSITIVE_INFINITY;
}

/** Initiatives, countries, organisations: memberships (one line per other end), totals, role changes. */
function membershipThenNow(input: GlanceInput, date: string): ThenAndNow {
  const { data, today, pageIds } = input;
  const self = data.entity;
  const pageRank = rankByPage(pageIds);
  const named: { rank: number; changed: boolean; line: Fact }[] = [];
  const others: { from: string; line: Fact; name: string }[] = [];
  const since: CardRelation[] = [];
  const parts = seriesParts(data, date);
  const running = parts.filter((p) => p.runningThen);
  const later = parts.filter((p) => p.rel.otherStart && isAfter(p.rel.otherStart, date));
  if (running.length > 0) {
    const p = running[0]!;
    named.push({
      rank: -1,
      changed: true,
      line: fact(t('card_part_running', [p.rel.otherShort, p.span]), p.rel),
    });
  }
  since.push(...later.map((p) => p.rel));
  const memberships = data.relations.filter(
    (r) => isMembership(r) || r.type === 'runs' || r.type === 'hosts',
  );
  for (const [otherId, rels] of byOther(memberships)) {
    const first = rels[0]!;
    const isNamed = pageRank(otherId) !== Number.POSITIVE_INFINITY;
    if (first.outgoing && notYetThen(first, date)) {
      // Did not exist on the article's date: nothing to compare; at most a word on the grey line.
      if (standingOf(rels, today, true).state === 'in') since.push(first);
      continue;
    }
    const then = standingOf(rels, date, false);
    const now = standingOf(rels, today, true);
    const changed = then.state !== 'unknown' && now.state !== 'unknown' && differs(then, now);
    const rel = now.rel ?? then.rel ?? first;
    const name = first.otherShort;
    if (changed) {
      const text = t('card_line', [name, standingThen(then, now.rel?.type), standingNow(now)]);
      if (isNamed) named.push({ rank: pageRank(otherId), changed: true, line: fact(text, rel) });
      else others.push({ from: rel.from ?? '', line: fact(text, rel), name });
    } else if (isNamed) {
      const text =
        now.state === 'in' && then.state === 'in'
          ? t('card_line_same', [name, t('card_then_and_now', noun(now.rel!.type))])
          : now.state === 'in' && then.state === 'unknown'
            ? t('card_line', [name, t('card_not_known_then'), standingNow(now)])
            : undefined;
      if (text) named.push({ rank: pageRank(otherId), changed: false, line: fact(text, rel) });
    }
  }
  // Named states with no relation at all, against a list that is complete for states: "not a supporter".
  const complete = (data.entity.lists ?? []).find((l) => l.complete);
  if (complete && self.kind === 'initiative') {
    const members = new Set(memberships.map((r) => r.otherId));
    const createdLater = self.dates.length > 0 && self.dates.every((d) => isAfter(d.date, date));
    for (const id of pageIds) {
      if (members.has(id) || id === self.id || createdLater || !id.startsWith('country-')) continue;
      const name = data.names[id];
      if (!name) continue;
      named.push({
        rank: pageRank(id),
        changed: true,
        line: {
          ...fact(t('card_line_same', [name, t('card_never', noun(listType(complete)))]), complete),
          about: id,
        },
      });
    }
  }
  named.sort((a, b) => Number(b.changed) - Number(a.changed) || a.rank - b.rank);
  const lines: Fact[] = named.map((n) => n.line);
  const total = totalLine(input, date);
  if (total) lines.push(total);
  const roles = roleChangeLine(input, date);
  if (roles) lines.push(roles);
  others.sort((a, b) => b.from.localeCompare(a.from));
  if (lines.length + others.length <= MAX_THEN) lines.push(...others.map((o) => o.line));
  else if (lines.length < MAX_THEN) {
    const o = others[0]!;
    lines.push({
      ...o.line,
      text: t('card_changed_since', nameList(others.map((x) => x.name))),
      about: undefined,
    });
  }
  return {
    lines: lines.slice(0, MAX_THEN),
    ...(since.length > 0
      ? {
          since: {
            text: t('card_since_article', nameList(since.map((r) => r.otherShort))),
            source: since[0]!.source,
            asOf: since[0]!.asOf,
          },
        }
      : {}),
  };
}

/** "46 parties then, 76 now"; for a country, the main instruments joined then and now. */
function totalLine(input: GlanceInput, date: string): Fact | undefined {
  const { data, today } = input;
  if (data.entity.kind === 'country') {
    const grid = stanceGrid(input);
    const existed = grid.filter((g) => g.then !== 'not-yet');
    const thenIn = existed.filter((g) => g.then === 'in').length;
    const nowIn = grid.filter((g) => g.now === 'in').length;
    if (grid.length === 0 || existed.some((g) => g.then === 'unknown')) return undefined;
    if (thenIn === nowIn && existed.length === grid.length) return undefined;
    return fact(
      t('card_total_instruments', [
        String(thenIn),
        String(existed.length),
        String(nowIn),
        String(grid.length),
      ]),
    );
  }
  if (data.entity.kind !== 'initiative') return undefined;
  const main = listsOf(data)[0];
  if (!main) return undefined;
  if (data.entity.dates.length > 0 && data.entity.dates.every((d) => isAfter(d.date, date))) return undefined;
  const then = membersOn(data, main, date, false);
  const now = membersOn(data, main, today, true).in;
  if (then.in === 0 && then.unknown > 0) return undefined;
  if (then.in === now && then.unknown === 0) return undefined;
  const phrase = countPhrase(main, then.in);
  const text = t('card_total_then_now', [
    then.unknown > 0 ? t('card_at_least', phrase) : phrase,
    grouped(now),
  ]);
  return fact(text.charAt(0).toUpperCase() + text.slice(1), data.entity.lists?.[0]);
}

/** People in roles at the entity, by title: who held it then and who holds it now. */
export interface RoleHolders {
  role: string;
  then: CardRelation[];
  now: CardRelation[];
  /** Holders last seen in post, not confirmed since. */
  lastSeen: CardRelation[];
}

export function roleHolders(data: CardData, date: string | undefined, today: string): RoleHolders[] {
  const byRole = new Map<string, CardRelation[]>();
  for (const r of data.relations) {
    if (r.type !== 'holds-role' || r.outgoing || !r.role) continue;
    const list = byRole.get(r.role) ?? [];
    list.push(r);
    byRole.set(r.role, list);
  }
  const out: RoleHolders[] = [];
  for (const [role, rels] of byRole) {
    out.push({
      role,
      then: date ? rels.filter((r) => statusOn(r, date) === 'active') : [],
      now: rels.filter((r) => statusNow(r, today) === 'active'),
      lastSeen: rels.filter((r) => !r.to && r.heldThrough && statusNow(r, today) === 'unknown'),
    });
  }
  return out.sort((a, b) => Number(isHeadRole(b.role)) - Number(isHeadRole(a.role)));
}

const people = (rels: readonly CardRelation[]): string =>
  [...new Set(rels.map((r) => r.otherShort))].join(', ');

export function holdersNowText(h: RoleHolders): string | undefined {
  if (h.now.length > 0) return people(h.now);
  const seen = h.lastSeen.sort((a, b) => b.heldThrough!.date.localeCompare(a.heldThrough!.date))[0];
  return seen
    ? t('card_person_last_seen', [
        seen.otherShort,
        t('card_seen_on', [noun('holds-role'), formatDate(seen.heldThrough!.date)]),
      ])
    : undefined;
}

/** "Prime Minister of the United Kingdom then: Theresa May, now: Keir Starmer": one line, heads first. */
function roleChangeLine(input: GlanceInput, date: string): Fact | undefined {
  const { data, today } = input;
  for (const h of roleHolders(data, date, today)) {
    if (data.entity.kind === 'country' && !isHeadRole(h.role)) continue;
    if (h.then.length === 0) continue;
    const nowText = holdersNowText(h);
    if (!nowText) continue;
    // Nothing known changed: the same people then and now (or last seen since, not confirmed).
    if (people(h.then) === people(h.now.length > 0 ? h.now : h.lastSeen)) continue;
    const rel = h.now[0] ?? h.lastSeen[0] ?? h.then[0]!;
    return fact(t('card_role_change', [h.role, people(h.then), nowText]), rel);
  }
  return undefined;
}

/** A person's roles: changes first (roles at names on this page before others), then roles held then and now. */
function personThenNow(input: GlanceInput, date: string): ThenAndNow {
  const { data, today, pageIds } = input;
  const pageRank = rankByPage(pageIds);
  const groups = new Map<string, CardRelation[]>();
  for (const r of data.relations) {
    if (r.type !== 'holds-role' || !r.outgoing) continue;
    const key = `${r.otherId}|${r.role ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const rows: { rank: number; changed: boolean; from: string; line: Fact }[] = [];
  for (const rels of groups.values()) {
    const then = rels.map((r) => statusOn(r, date));
    const now = rels.map((r) => statusNow(r, today));
    const thenHeld = then.includes('active');
    const nowHeld = now.includes('active');
    const thenKnown = thenHeld || then.every((s) => s === 'inactive');
    const lastSeen = rels.find((r, i) => now[i] === 'unknown' && r.heldThrough && !r.to);
    const nowKnown = nowHeld || now.every((s) => s === 'inactive') || !!lastSeen;
    if (!thenKnown || !nowKnown) continue;
    const first = rels[0]!;
    const role = roleTitle(first);
    const current = rels.find((r, i) => now[i] === 'active');
    const heldThen = rels.find((r, i) => then[i] === 'active');
    let text: string | undefined;
    let rel = first;
    if (thenHeld && nowHeld) {
      text = t('card_line_same', [role, t('card_then_and_now', noun('holds-role'))]);
      rel = current!;
    } else if (thenHeld && lastSeen) {
      text = t('card_line', [
        role,
        t('card_then_was', noun('holds-role')),
        t('card_seen_on', [noun('holds-role'), formatDate(lastSeen.heldThrough!.date)]),
      ]);
      rel = lastSeen;
    } else if (thenHeld) {
      text = t('card_line', [
        role,
        t('card_then_was', noun('holds-role')),
        heldThen!.to ? t('card_no_longer_since', formatDate(heldThen!.to)) : t('card_no_longer'),
      ]);
      rel = heldThen!;
    } else if (nowHeld) {
      text = t('card_line', [role, t('card_then_was', t('card_then_not_holds_role')), nounSince(current!)]);
      rel = current!;
    }
    if (!text) continue;
    rows.push({
      rank: pageRank(first.otherId),
      changed: !(thenHeld && nowHeld),
      from: rel.from ?? '',
      line: fact(text, rel),
    });
  }
  rows.sort(
    (a, b) => a.rank - b.rank || Number(b.changed) - Number(a.changed) || b.from.localeCompare(a.from),
  );
  return { lines: rows.slice(0, MAX_THEN).map((r) => r.line) };
}

/** "the United Kingdom, the United States" from a relation's `by`. */
export function byNames(data: CardData, r: CardRelation): string[] {
  return (r.by ?? []).map((id) => data.names[id] ?? id);
}

/** "GRU Unit 26165 (GRU)": an attribution's target with the whole it is part of. */
export function targetName(r: CardRelation): string {
  if (!r.otherPartOf || r.otherShort.includes(r.otherPartOf)) return r.otherShort;
  return t('card_part_of_whole', [r.otherShort, r.otherPartOf]);
}

/**
 * Incidents and threat actors: who had attributed it on the article's date and who had not yet; the
 * responses that came after.
 */
function attributionThenNow(input: GlanceInput, date: string): ThenAndNow {
  const { data, pageIds } = input;
  const pageRank = rankByPage(pageIds);
  const attributions = data.relations
    .filter((r) => r.type === 'attributed-to' && r.outgoing && r.from)
    .sort((a, b) => a.from!.localeCompare(b.from!));
  const lines: Fact[] = [];
  const made = attributions.filter((r) => statusOn(r, date) === 'active');
  const later = attributions.filter((r) => statusOn(r, date) === 'inactive');
  // One item per target and day: "United Kingdom, United States (to GRU, 15 Feb 2018)"; names on the page first.
  const byRank = (r: CardRelation): number => Math.min(...(r.by ?? []).map(pageRank));
  const items = (list: CardRelation[]): { text: string; rank: number; rel: CardRelation }[] => {
    const groups = new Map<string, CardRelation[]>();
    for (const r of list) {
      const key = `${r.otherId}|${r.from}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    return [...groups.values()]
      .map((g) => {
        const by = [...new Set(g.flatMap((r) => byNames(data, r)))];
        const rank = Math.min(...g.map(byRank));
        const r = g[0]!;
        return {
          text: t('card_attr_item', [
            nameList(by, 3) || t('card_attr_someone'),
            targetName(r),
            formatDate(r.from!),
          ]),
          rank,
          rel: r,
        };
      })
      .sort((a, b) => a.rank - b.rank);
  };
  if (attributions.length > 0) {
    if (made.length > 0) {
      const shown = items(made);
      lines.push(
        fact(
          t(
            'card_attr_had',
            nameList(
              shown.map((i) => i.text),
              2,
            ),
          ),
          shown[0]!.rel,
        ),
      );
    } else lines.push(fact(t('card_attr_none_then')));
    if (later.length > 0) {
      // Who had not yet said so, each with the day they first did.
      const first = new Map<string, CardRelation>();
      for (const r of later) for (const b of r.by ?? []) if (!first.has(b)) first.set(b, r);
      const who = [...first.entries()]
        .filter(([b]) => !made.some((m) => m.by?.includes(b)))
        .sort(([a], [b]) => pageRank(a) - pageRank(b))
        .map(([b, r]) => t('card_attr_who', [data.names[b] ?? b, formatDate(r.from!)]));
      if (who.length > 0) lines.push(fact(t('card_attr_not_yet', nameList(who, 3)), later[0]!));
    }
  }
  const responses = data.relations
    .filter((r) => r.type === 'responded-to' && !r.outgoing && r.from && statusOn(r, date) === 'inactive')
    .sort((a, b) => a.from!.localeCompare(b.from!));
  if (responses.length > 0) {
    const items = responses.map((r) =>
      t('card_response_item', [
        r.otherShort,
        r.action ? t(ACTION_KEYS[r.action]) : t('card_action_statement'),
        formatDate(r.from!),
      ]),
    );
    lines.push(fact(t('card_responses_since', nameList(items, 2)), responses[0]!));
  }
  // Incidents tied to a threat actor after the article.
  const incidents = data.relations.filter(
    (r) =>
      r.type === 'attributed-to' &&
      !r.outgoing &&
      r.otherKind === 'incident' &&
      r.otherStart &&
      isAfter(r.otherStart, date),
  );
  const since =
    incidents.length > 0
      ? fact(
          t('card_since_article', nameList([...new Set(incidents.map((r) => r.otherShort))])),
          incidents[0]!,
        )
      : undefined;
  return { lines: lines.slice(0, MAX_THEN), ...(since ? { since } : {}) };
}

export const ACTION_KEYS: Record<NonNullable<CardRelation['action']>, MessageKey> = {
  sanctions: 'card_action_sanctions',
  indictment: 'card_action_indictment',
  arrest: 'card_action_arrest',
  expulsion: 'card_action_expulsion',
  takedown: 'card_action_takedown',
  advisory: 'card_action_advisory',
  statement: 'card_action_statement',
  reward: 'card_action_reward',
};

// ---------------------------------------------------------------------------------------------------------
// In this article

/** What the card's entity has to do with the other names on the page, from the dataset's relations. */
export function inThisArticle(input: GlanceInput, skip: ReadonlySet<string>, max: number): Fact[] {
  const { data, pageIds } = input;
  const pageRank = rankByPage(pageIds);
  const self = data.entity.id;
  const out: { rank: number; line: Fact }[] = [];
  const seen = new Set<string>();
  const eventful = data.entity.kind === 'incident' || data.entity.kind === 'threat-actor';
  // Of several relations with one name, the one in force now, else the latest.
  const ordered = [...data.relations].sort(
    (a, b) =>
      Number(statusNow(b, input.today) === 'active') - Number(statusNow(a, input.today) === 'active') ||
      (b.from ?? '').localeCompare(a.from ?? ''),
  );
  for (const r of ordered) {
    if (r.otherId === self) continue;
    // On an incident's or actor's dated card, then-and-now already says who attributed it when.
    if (eventful && input.articleDate && r.type === 'attributed-to' && r.outgoing) continue;
    const viaBy =
      eventful && r.outgoing
        ? (r.by ?? []).find((id) => pageRank(id) !== Number.POSITIVE_INFINITY && id !== self)
        : undefined;
    const rank = Math.min(pageRank(r.otherId), viaBy ? pageRank(viaBy) : Number.POSITIVE_INFINITY);
    if (rank === Number.POSITIVE_INFINITY) continue;
    if (skip.has(r.otherId) && !viaBy) continue;
    const key = `${r.otherId}|${r.type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ rank, line: fact(relationSentence(data, r, input.today), r) });
  }
  return out
    .sort((a, b) => a.rank - b.rank)
    .slice(0, max)
    .map((o) => o.line);
}

/** A relation as one sentence from the card entity's side, with its date. */
export function relationSentence(data: CardData, r: CardRelation, today: string): string {
  let label: string;
  if (r.type === 'holds-role')
    label = r.outgoing ? roleTitle(r) : `${r.otherShort}: ${r.role ?? t('card_role_fallback')}`;
  else if (r.type === 'attributed-to' && r.outgoing) label = relationPhrase(r.type, true, targetName(r));
  else label = relationPhrase(r.type, r.outgoing, r.otherShort);
  if (r.type === 'responded-to' && r.action) label = `${label} (${t(ACTION_KEYS[r.action])})`;
  const by = byNames(data, r);
  if (by.length > 0) label = t('card_by', [label, nameList(by, 3)]);
  const when =
    r.from && r.to
      ? `${formatDate(r.from)} – ${formatDate(r.to)}`
      : ATTRIBUTION_TYPES.has(r.type) && r.from
        ? formatDate(r.from)
        : r.from
          ? sinceText(r)
          : r.to
            ? t('card_until', formatDate(r.to))
            : '';
  const held =
    !r.to && r.heldThrough && statusNow(r, today) === 'unknown'
      ? t('card_seen_on', [noun(r.type), formatDate(r.heldThrough.date)])
      : '';
  return [label, when, held].filter(Boolean).join(', ');
}

// ---------------------------------------------------------------------------------------------------------
// Country cards: the stance grid

type StanceState = 'in' | 'out' | 'withdrew' | 'unknown' | 'not-listed' | 'not-yet';

export interface StanceRow {
  instrument: CardEntityRef;
  named: boolean;
  then?: StanceState;
  thenText?: string;
  now: StanceState;
  nowText: string;
  rel?: CardRelation;
}

function stanceCell(s: Standing, complete: boolean): { state: StanceState; text: string } {
  if (s.state === 'in' && s.rel && s.lastSeen && s.rel.heldThrough) {
    return {
      state: 'in',
      text: t('card_stance_seen', [noun(s.rel.type), formatDate(s.rel.heldThrough.date)]),
    };
  }
  if (s.state === 'in' && s.rel) {
    const when = s.rel.from
      ? s.rel.startedBy
        ? t('card_listed_by', s.rel.from.slice(0, 4))
        : s.rel.from.slice(0, 4)
      : '';
    return {
      state: 'in',
      text: when ? t('card_noun_with_date', [noun(s.rel.type), when]) : noun(s.rel.type),
    };
  }
  if (s.state === 'withdrew') return { state: 'withdrew', text: noun('withdrew') };
  if (s.state === 'unknown') return { state: 'unknown', text: t('card_not_known') };
  return complete
    ? { state: 'out', text: t('card_stance_not_joined') }
    : { state: 'not-listed', text: t('card_stance_not_listed') };
}

export function stanceGrid(input: GlanceInput): StanceRow[] {
  const { data, articleDate, today, pageIds } = input;
  const pageRank = rankByPage(pageIds);
  const rows: StanceRow[] = [];
  for (const instrument of data.instruments ?? []) {
    const rels = data.relations.filter((r) => r.outgoing && r.otherId === instrument.id && isMembership(r));
    const complete = (instrument.lists ?? []).some((l) => l.complete);
    const now = stanceCell(standingOf(rels, today, true), complete);
    const row: StanceRow = {
      instrument,
      named: pageRank(instrument.id) !== Number.POSITIVE_INFINITY,
      now: now.state,
      nowText: now.text,
      ...(rels[0] ? { rel: standingOf(rels, today, true).rel ?? rels[0] } : {}),
    };
    if (articleDate) {
      if (instrument.start && isAfter(instrument.start, articleDate)) {
        row.then = 'not-yet';
        row.thenText = t('card_stance_not_yet');
      } else {
        const then = stanceCell(standingOf(rels, articleDate, false), complete || rels.length === 0);
        // Absent from a partial list today says nothing about then either.
        row.then = rels.length === 0 && !complete ? 'not-listed' : then.state;
        row.thenText = rels.length === 0 && !complete ? t('card_stance_not_listed') : then.text;
      }
    }
    rows.push(row);
  }
  return rows.sort((a, b) => pageRank(a.instrument.id) - pageRank(b.instrument.id));
}

// ---------------------------------------------------------------------------------------------------------
// Series: which part was running on a date

export interface PartRow {
  rel: CardRelation;
  span: string;
  outcome?: string;
  runningThen: boolean;
}

export function seriesParts(data: CardData, articleDate: string | undefined): PartRow[] {
  return data.relations
    .filter((r) => r.type === 'part-of' && !r.outgoing && r.otherKind === 'initiative')
    .sort((a, b) => (a.otherStart ?? '').localeCompare(b.otherStart ?? ''))
    .map((r) => {
      const span =
        r.otherStart && r.otherEnd
          ? `${formatDate(r.otherStart)} – ${formatDate(r.otherEnd)}`
          : r.otherStart
            ? t('card_since', formatDate(r.otherStart))
            : '';
      const reports = (r.otherParts ?? []).map((p) =>
        p.start ? `${p.short} (${formatDate(p.start)})` : p.short,
      );
      const outcome = [r.note, ...reports].filter(Boolean).join('; ') || undefined;
      let runningThen = false;
      if (articleDate && r.otherStart) {
        const started =
          !isAfter(r.otherStart, articleDate) &&
          dateBounds(r.otherStart).last <= dateBounds(articleDate).first;
        const ended = r.otherEnd ? dateBounds(r.otherEnd).last < dateBounds(articleDate).first : false;
        runningThen = started && !ended;
      }
      return { rel: r, span, ...(outcome ? { outcome } : {}), runningThen };
    });
}
