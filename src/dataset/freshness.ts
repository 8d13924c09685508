/**
 * Freshness: which roles and memberships the dataset calls current without a recent dated confirmation.
 * Pure; `npm run dataset -- --stale DAYS` prints it and `dataset:release` refuses stale current roles.
 */
import { CURRENT_STATE_TYPES } from '../shared/vocabulary';
import { type Dataset } from '../shared/model';

export interface StaleFact {
  /** The person (roles) or the relation's id. */
  what: string;
  kind: 'role' | 'relation';
  type: string;
  /** The date of the latest confirmation, or undefined when there is none. */
  confirmed: string | undefined;
  /** Days from that confirmation to `today` (Infinity without one). */
  days: number;
}

const DAY = 86_400_000;

/** `dataset:release` refuses a current role last confirmed longer ago than this. */
export const RELEASE_MAX_UNCONFIRMED_DAYS = 180;

function daysBetween(from: string, to: string): number {
  return Math.floor((Date.parse(to) - Date.parse(from)) / DAY);
}

/** Every current role and current-state relation confirmed more than `days` before `today` (YYYY-MM-DD). */
export function staleFacts(dataset: Dataset, today: string, days: number): StaleFact[] {
  const stale: StaleFact[] = [];
  const check = (
    what: string,
    kind: StaleFact['kind'],
    type: string,
    confirmed: string | undefined,
  ): void => {
    const age = confirmed ? daysBetween(confirmed, today) : Infinity;
    if (age > days) stale.push({ what, kind, type, confirmed, days: age });
  };
  for (const e of dataset.entities) {
    for (const r of e.roles ?? [])
      if (!r.to && !r.heldThrough) check(`${e.id}: ${r.title}`, 'role', 'role', r.confirmed?.date);
  }
  const current: readonly string[] = CURRENT_STATE_TYPES;
  for (const r of dataset.relations) {
    if (r.to || r.heldThrough || !current.includes(r.type)) continue;
    check(r.id, r.type === 'holds-role' ? 'role' : 'relation', r.type, r.confirmed?.date);
  }
  return stale.sort((a, b) => b.days - a.days || a.what.localeCompare(b.what));
}

export function formatStale(stale: readonly StaleFact[], days: number): string {
  if (stale.length === 0) return `no current role or membership unconfirmed for more than ${days} days`;
  const lines = stale.map(
    (s) =>
      `  ${s.confirmed ? `confirmed ${s.confirmed} (${s.days} days)` : 'never confirmed'.padEnd(30)}  ${s.what}`,
  );
  return [
    `${stale.length} current role(s) or membership(s) unconfirmed for more than ${days} days:`,
    ...lines,
  ].join('\n');
}
