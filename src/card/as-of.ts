/**
 * Facts as of a date: was a relation (membership, role) in force on the day an article was written, and is
 * it now? Pure. Dates have only the precision the data has (YYYY, YYYY-MM, YYYY-MM-DD), so every comparison
 * is between intervals: "2021" against "Nov 2021" is neither before nor after, and the answer is `unknown`.
 * Unknown is never shown as a fact.
 */

export type FactStatus = 'active' | 'inactive' | 'unknown';

/** A dated fact, as relations carry it. */
export interface DatedFact {
  from?: string;
  /** `from` is only the date by which the fact held (see the dataset schema). */
  startedBy?: true;
  to?: string;
  note?: string;
  /** Known to hold on this date, and not claimed since (see the dataset schema). */
  heldThrough?: { date: string };
}

/** First and last day covered by a partial date, as comparable YYYY-MM-DD strings. */
export function dateBounds(date: string): { first: string; last: string } {
  const [y, m, d] = date.split('-');
  if (d) return { first: date, last: date };
  if (m) {
    const days = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return { first: `${y}-${m}-01`, last: `${y}-${m}-${String(days).padStart(2, '0')}` };
  }
  return { first: `${y}-01-01`, last: `${y}-12-31` };
}

type Order = 'before' | 'after' | 'overlap';

/** Compare two partial dates: `before` when all of a is strictly before all of b. */
function compare(a: string, b: string): Order {
  const A = dateBounds(a);
  const B = dateBounds(b);
  if (A.last < B.first) return 'before';
  if (A.first > B.last) return 'after';
  return 'overlap';
}

/**
 * Some sources only say a fact held "by" a date (e.g. a supporters page that went online a year after the
 * launch): its `from` is then a latest possible start, not the start. The data marks these `startedBy`;
 * before such a date the fact is unknown, not absent.
 */
export function startIsOnlyLatest(fact: DatedFact): boolean {
  return fact.startedBy === true;
}

/** Was the fact in force on `date`? */
export function statusOn(fact: DatedFact, date: string): FactStatus {
  let started: boolean | undefined;
  if (fact.from === undefined) started = undefined;
  else {
    const order = compare(fact.from, date);
    if (order === 'before' || (order === 'overlap' && fact.from === date && date.length === 10))
      started = true;
    else if (order === 'after' && !startIsOnlyLatest(fact)) started = false;
    else started = undefined;
  }
  let ended: boolean | undefined;
  if (fact.to === undefined) {
    // Last seen held on a date: after it, nothing is known (never "still", never "no longer").
    ended = fact.heldThrough && compare(fact.heldThrough.date, date) === 'before' ? undefined : false;
  } else {
    const order = compare(fact.to, date);
    // A fact ends on its `to` date: on that day it no longer holds (a successor takes office that day).
    if (order === 'before' || (order === 'overlap' && fact.to === date && date.length === 10)) ended = true;
    else if (order === 'after') ended = false;
    else ended = undefined;
  }
  if (started === false || ended === true) return 'inactive';
  if (started === true && ended === false) return 'active';
  return 'unknown';
}

export interface FactThenAndNow<F extends DatedFact> {
  fact: F;
  then: FactStatus;
  now: FactStatus;
}

/**
 * Facts whose status differs between the article's date and today, both known. `today` is a full date
 * (YYYY-MM-DD). A fact without any date is left out: nothing can be said about when it held.
 */
export function changedSince<F extends DatedFact>(
  facts: readonly F[],
  articleDate: string,
  today: string,
): FactThenAndNow<F>[] {
  const out: FactThenAndNow<F>[] = [];
  for (const fact of facts) {
    if (fact.from === undefined && fact.to === undefined) continue;
    const then = statusOn(fact, articleDate);
    const now = statusNow(fact, today);
    if (then !== 'unknown' && now !== 'unknown' && then !== now) out.push({ fact, then, now });
  }
  return out;
}

/**
 * Is the fact in force today, as the data knows it? A fact in the dataset without an end holds now even when
 * its start is unknown (the data lists it as current), unless it was only last seen held on an earlier date.
 */
export function statusNow(fact: DatedFact, today: string): FactStatus {
  const status = statusOn(fact, today);
  if (status !== 'unknown' || fact.from !== undefined) return status;
  return statusOn({ ...fact, from: '1000' }, today);
}

/** Is all of date `a` after all of date `b` (partial dates: "2021" is not after "2021-11")? */
export function isAfter(a: string, b: string): boolean {
  return compare(a, b) === 'after';
}

/** Facts known to hold on the date (e.g. the roles a person held when the article was written). */
export function heldOn<F extends DatedFact>(facts: readonly F[], date: string): F[] {
  return facts.filter((f) => statusOn(f, date) === 'active');
}

/** Today as YYYY-MM-DD (UTC). */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Whole days between two full dates (b - a). */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * The date the dataset's facts were gathered: its version is YYYY.MM.DD.N; a version in another form falls
 * back to the compile date.
 */
export function datasetDate(dataset: { version: string; generatedAt: string }): string {
  const m = /^(\d{4})\.(\d{2})\.(\d{2})/.exec(dataset.version);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : dataset.generatedAt.slice(0, 10);
}

const STALE_AFTER_DAYS = 90;

export function isStale(dataset: { version: string; generatedAt: string }, today: string): boolean {
  return daysBetween(datasetDate(dataset), today) > STALE_AFTER_DAYS;
}
