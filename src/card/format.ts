/** Formatting for cards: partial dates, relation phrases, kind names, safe links. */
import type { EntityKind, RelationType } from '../shared/vocabulary';
import { t, uiLanguage, type MessageKey } from '../i18n/t';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "2018", "Nov 2018" or "12 Nov 2018": only the precision the data has. English keeps this compact
 * day-month-year form; other languages use Intl with the same precision.
 */
export function formatDate(date: string, lang = safeUiLanguage()): string {
  const [y, m, d] = date.split('-');
  if (!m) return y ?? date;
  if (!lang.toLowerCase().startsWith('en')) {
    const when = new Date(Date.UTC(Number(y), Number(m) - 1, d ? Number(d) : 1));
    if (!Number.isNaN(when.getTime())) {
      return new Intl.DateTimeFormat(lang, {
        timeZone: 'UTC',
        year: 'numeric',
        month: 'short',
        ...(d ? { day: 'numeric' } : {}),
      }).format(when);
    }
  }
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

function safeUiLanguage(): string {
  try {
    return uiLanguage() || 'en';
  } catch {
    return 'en'; // outside an extension context (unit tests of pure callers)
  }
}

const OUTGOING: Record<RelationType, MessageKey> = {
  supports: 'card_rel_out_supports',
  signed: 'card_rel_out_signed',
  ratified: 'card_rel_out_ratified',
  party: 'card_rel_out_party',
  member: 'card_rel_out_member',
  withdrew: 'card_rel_out_withdrew',
  runs: 'card_rel_out_runs',
  hosts: 'card_rel_out_hosts',
  'holds-role': 'card_rel_out_holds_role',
  'attributed-to': 'card_rel_out_attributed_to',
  'responded-to': 'card_rel_out_responded_to',
  targeted: 'card_rel_out_targeted',
  'part-of': 'card_rel_out_part_of',
  'affiliated-with': 'card_rel_out_affiliated_with',
};

const INCOMING: Record<RelationType, MessageKey> = {
  supports: 'card_rel_in_supports',
  signed: 'card_rel_in_signed',
  ratified: 'card_rel_in_ratified',
  party: 'card_rel_in_party',
  member: 'card_rel_in_member',
  withdrew: 'card_rel_in_withdrew',
  runs: 'card_rel_in_runs',
  hosts: 'card_rel_in_hosts',
  'holds-role': 'card_rel_in_holds_role',
  'attributed-to': 'card_rel_in_attributed_to',
  'responded-to': 'card_rel_in_responded_to',
  targeted: 'card_rel_in_targeted',
  'part-of': 'card_rel_in_part_of',
  'affiliated-with': 'card_rel_in_affiliated_with',
};

/** "supports Paris Call" / "Paris Call (supporter)": `other` is the relation's far end. */
export function relationPhrase(type: RelationType, outgoing: boolean, other: string): string {
  return t(outgoing ? OUTGOING[type] : INCOMING[type], other);
}

/** When a fact did not hold then: "not a supporter". */
export const NOT_THEN: Record<RelationType, MessageKey> = {
  supports: 'card_then_not_supports',
  signed: 'card_then_not_signed',
  ratified: 'card_then_not_ratified',
  party: 'card_then_not_party',
  member: 'card_then_not_member',
  withdrew: 'card_then_not_withdrew',
  runs: 'card_then_not_runs',
  hosts: 'card_then_not_hosts',
  'holds-role': 'card_then_not_holds_role',
  'attributed-to': 'card_then_not_attributed_to',
  'responded-to': 'card_then_not_responded_to',
  targeted: 'card_then_not_targeted',
  'part-of': 'card_then_not_part_of',
  'affiliated-with': 'card_then_not_affiliated_with',
};

const KIND_KEYS: Record<EntityKind, MessageKey> = {
  initiative: 'card_kind_initiative',
  country: 'card_kind_country',
  person: 'card_kind_person',
  organization: 'card_kind_organization',
  'threat-actor': 'card_kind_threat_actor',
  incident: 'card_kind_incident',
};

export function kindLabel(kind: EntityKind): string {
  return t(KIND_KEYS[kind]);
}

const KIND_PLURAL_KEYS: Record<EntityKind, MessageKey> = {
  initiative: 'popup_kind_initiatives',
  country: 'popup_kind_countries',
  person: 'popup_kind_people',
  organization: 'popup_kind_organizations',
  'threat-actor': 'popup_kind_threat_actors',
  incident: 'popup_kind_incidents',
};

/** "Initiatives", "Threat actors": a kind as a heading or a setting. */
export function kindPluralLabel(kind: EntityKind): string {
  return t(KIND_PLURAL_KEYS[kind]);
}

/** Only http(s) URLs become links; anything else is shown as text. */
export function safeHref(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export function sourceLabel(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Categories of a counts file (data/relations/*-counts.yaml) with their phrase, e.g. "81 states". */
const COUNT_KEYS: Record<string, MessageKey> = {
  state: 'card_count_state',
  'public-authority': 'card_count_public_authority',
  'private-sector': 'card_count_private_sector',
  'civil-society': 'card_count_civil_society',
  international: 'card_count_international',
};

/**
 * "81 states · 37 public authorities · …" in the reader's language. Rows the source left without a category
 * ("undefined") and empty categories are not shown; a category added to the data before it has a phrase
 * here reads as its key with spaces.
 */
export function countsText(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([key, n]) => n > 0 && key !== 'undefined')
    .map(([key, n]) => {
      const messageKey = COUNT_KEYS[key];
      return messageKey ? t(messageKey, String(n)) : `${n} ${key.replace(/-/g, ' ')}`;
    })
    .join(' · ');
}
