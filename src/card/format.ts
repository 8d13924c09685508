/** Formatting for cards: partial dates, relation phrases, safe links. Pure. */
import type { RelationType } from '../dataset/schema';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2018", "Nov 2018" or "12 Nov 2018": only the precision the data has. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  if (!m) return y ?? date;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

export function formatSpan(from?: string, to?: string): string {
  if (from && to) return `${formatDate(from)} – ${formatDate(to)}`;
  if (from) return `since ${formatDate(from)}`;
  if (to) return `until ${formatDate(to)}`;
  return '';
}

const OUTGOING: Record<RelationType, string> = {
  supports: 'supports',
  signed: 'signed',
  ratified: 'ratified',
  party: 'party to',
  member: 'member of',
  withdrew: 'withdrew from',
  runs: 'runs',
  hosts: 'hosts',
  'holds-role': 'role at',
};

const INCOMING: Record<RelationType, string> = {
  supports: 'supporter',
  signed: 'signatory',
  ratified: 'ratified',
  party: 'party',
  member: 'member',
  withdrew: 'withdrew',
  runs: 'run by',
  hosts: 'hosted by',
  'holds-role': 'role held by',
};

export function relationPhrase(type: RelationType, outgoing: boolean): string {
  return outgoing ? OUTGOING[type] : INCOMING[type];
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

export const KIND_LABEL = {
  initiative: 'Initiative',
  country: 'Country',
  person: 'Person',
  organization: 'Organisation',
} as const;
