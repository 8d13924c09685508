/**
 * "Wrong match" reports: the reader's own list of matches NormLens got wrong, kept in a storage item, shown
 * and exported as JSON in the options page, never sent anywhere. Filed only by a content script for its own
 * tab, from a click the browser marked as the reader's; the page's address comes from the tab, cut to its
 * origin and path (no query or fragment, which can hold tokens and tracking ids). A page that scripts the
 * button cannot flood the list: the same report again is the same report, and a tab gets a few a minute.
 */
import {
  MAX_WRONG_MATCHES,
  getWrongMatches,
  wrongMatchesItem,
  type WrongMatchReport,
} from '../shared/storage';

/** Reports a tab may file per minute; a reader's clicks stay far below it, a script's run hits it at once. */
export const REPORTS_PER_MINUTE = 5;

/** A page's address as a report keeps it: origin and path only. */
export function reportUrl(raw: string): string | undefined {
  try {
    const u = new URL(raw);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    return `${u.origin}${u.pathname}`;
  } catch {
    return undefined;
  }
}

/** Recent report times per tab, for the rate limit (kept in memory: a worker restart forgets, harmlessly). */
const recent = new Map<number, number[]>();

export async function addWrongMatch(
  report: Omit<WrongMatchReport, 'id' | 'reportedAt'>,
  now = new Date(),
  tabId?: number,
): Promise<WrongMatchReport> {
  const list = await getWrongMatches();
  // The same match on the same page again: the reader already said so.
  const same = list.find(
    (r) =>
      r.entityId === report.entityId && r.matchedText === report.matchedText && r.pageUrl === report.pageUrl,
  );
  if (same) return same;
  if (tabId !== undefined) {
    const times = (recent.get(tabId) ?? []).filter((t) => now.getTime() - t < 60_000);
    if (times.length >= REPORTS_PER_MINUTE)
      throw new Error('too many reports from this tab; try again in a minute');
    recent.set(tabId, [...times, now.getTime()]);
  }
  const entry: WrongMatchReport = { ...report, id: crypto.randomUUID(), reportedAt: now.toISOString() };
  await wrongMatchesItem.setValue([...list, entry].slice(-MAX_WRONG_MATCHES));
  return entry;
}
