/** Partial dates and dataset versions, without the schema library: content scripts use them too. */

/**
 * Years from 1000 on: people's births and old treaties are real dates; anything earlier in this dataset is a
 * typo. The upper bound only catches typos too; the compiler rejects as-of dates after the generation date.
 */
const EARLIEST_YEAR = 1000;
const LATEST_YEAR = 2100;

export function isRealPartialDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  if (y === undefined || y < EARLIEST_YEAR || y > LATEST_YEAR) return false;
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d >= 1 && d <= daysInMonth;
}

/** a < b for dates of any precision, compared on the precision both have. */
export function isBefore(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
}

/** Compare two dataset versions part by part; negative when a is older than b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
