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

/** How far past its own date a dataset version may be released, or the reader's clock be behind. */
const VERSION_SLACK_DAYS = 3;

/** The calendar date a dataset version names (versions are YYYY.MM.DD[.N]), as YYYY-MM-DD. */
function versionDate(version: string): string | undefined {
  const m = /^(\d{4})\.(\d{1,2})\.(\d{1,2})(\.\d+)?$/.exec(version);
  if (!m) return undefined;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/**
 * Could this version exist by `now`? A version dated more than a few days ahead is a typo or a bad release
 * (9999.12.31): installed, it would refuse every real release after it, so it is never believed.
 */
export function isPlausibleVersion(version: string, now: Date): boolean {
  const date = versionDate(version);
  if (!date) return false;
  const latest = new Date(now.getTime() + VERSION_SLACK_DAYS * 86_400_000).toISOString().slice(0, 10);
  return date <= latest;
}
