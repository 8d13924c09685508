/**
 * "Wrong match" reports: the reader's own list of matches NormLens got wrong, kept in a storage item, shown
 * and exported as JSON in the options page, never sent anywhere. Filed only by a content script for its own
 * tab; the page's address comes from the tab, cut to its origin and path (no query or fragment, which can
 * hold tokens and tracking ids).
 */
import {
  MAX_WRONG_MATCHES,
  getWrongMatches,
  wrongMatchesItem,
  type WrongMatchReport,
} from '../shared/storage';

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

export async function addWrongMatch(
  report: Omit<WrongMatchReport, 'id' | 'reportedAt'>,
  now = new Date(),
): Promise<WrongMatchReport> {
  const list = await getWrongMatches();
  const entry: WrongMatchReport = { ...report, id: crypto.randomUUID(), reportedAt: now.toISOString() };
  await wrongMatchesItem.setValue([...list, entry].slice(-MAX_WRONG_MATCHES));
  return entry;
}
