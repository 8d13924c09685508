/**
 * Sources as numbered notes: one list per card, each source once, numbered in the order the card first
 * cites it. A fact shows its number; its as-of date only when that is more than a year before today.
 */

export interface Note {
  n: number;
  url: string;
  /** The latest as-of date of the facts citing it. */
  asOf: string;
}

const OLD_AFTER_DAYS = 365;

export class Notes {
  private readonly byUrl = new Map<string, Note>();

  /** The number of a source, adding it on first use. */
  ref(url: string, asOf: string): number {
    let note = this.byUrl.get(url);
    if (!note) {
      note = { n: this.byUrl.size + 1, url, asOf };
      this.byUrl.set(url, note);
    } else if (asOf > note.asOf) note.asOf = asOf;
    return note.n;
  }

  list(): Note[] {
    return [...this.byUrl.values()];
  }
}

/** Is an as-of date old enough to show beside the fact (over a year before today)? */
export function isOldAsOf(asOf: string, today: string): boolean {
  const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${asOf}T00:00:00Z`)) / 86_400_000;
  return days > OLD_AFTER_DAYS;
}
