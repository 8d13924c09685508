/**
 * The page digest: the entities NormLens found on a page, grouped by kind, and the same as Markdown with
 * each entity's key fact (our summary), its source and as-of date, for the reader's notes. Pure.
 */
import type { EntityKind } from '../shared/vocabulary';
import { ENTITY_KINDS } from '../shared/vocabulary';
import { escapeMarkdown, markdownUrl, sourceHost } from '../card/citation';

export interface DigestEntry {
  id: string;
  name: string;
  kind: EntityKind;
  count: number;
  /** The first mention as the page writes it. */
  written?: string;
}

/** The name a digest row shows: the page's own shorter form ("GRU", "Paris Call") when it has one. */
export function shortName(entry: DigestEntry): string {
  const written = entry.written?.trim();
  return written && written.length < entry.name.length ? written : entry.name;
}

/** One line of gist: a summary's first sentence (the row cuts it to its width). */
export function gistOf(summary: string): string {
  const text = summary.replace(/\s+/g, ' ').trim();
  // A sentence ends at . ! ? followed by a space and a capital or a digit (not "U.S. officials", "e.g. the").
  const end = /[.!?](?=\s+["“(]?[A-Z0-9À-Þ])/.exec(text);
  return end ? text.slice(0, end.index + 1) : text;
}

export interface DigestGroup {
  kind: EntityKind;
  entries: DigestEntry[];
  /** Mentions of all the group's entities together. */
  mentions: number;
}

/** Group by kind in a fixed kind order; inside a kind, most mentioned first, then by name. */
export function groupByKind(entries: readonly DigestEntry[]): DigestGroup[] {
  return ENTITY_KINDS.map((kind) => {
    const list = entries
      .filter((e) => e.kind === kind)
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    return { kind, entries: list, mentions: list.reduce((n, e) => n + e.count, 0) };
  }).filter((g) => g.entries.length > 0);
}

export interface DigestFact {
  summary: string;
  source: string;
  /** Already formatted, e.g. "as of 1 Jun 2025". */
  asOf: string;
  /**
   * The card's count of members, as the card words it ("67 of 74 members listed", "81 states · 1,215
   * supporters in all"): a partial list says so here too. With the list's own source and as-of date.
   */
  count?: { text: string; source?: string; asOf?: string };
}

export interface DigestLabels {
  title: string;
  kind: (kind: EntityKind) => string;
  mentions: (count: number) => string;
  via: string;
}

export function digestMarkdown(
  pageUrl: string,
  groups: readonly DigestGroup[],
  facts: ReadonlyMap<string, DigestFact>,
  labels: DigestLabels,
): string {
  const lines = [`## ${escapeMarkdown(labels.title)}`, '', `<${markdownUrl(pageUrl)}>`];
  for (const group of groups) {
    lines.push('', `### ${escapeMarkdown(labels.kind(group.kind))}`, '');
    for (const e of group.entries) {
      const fact = facts.get(e.id);
      const head = `- **${escapeMarkdown(e.name)}** (${escapeMarkdown(labels.mentions(e.count))})`;
      if (!fact) {
        lines.push(head);
        continue;
      }
      const cite = (source: string, asOf: string) =>
        `([${escapeMarkdown(sourceHost(source))}](${markdownUrl(source)}), ${escapeMarkdown(asOf)})`;
      let line = `${head}: ${escapeMarkdown(fact.summary)} ${cite(fact.source, fact.asOf)}`;
      if (fact.count) {
        const { text, source, asOf } = fact.count;
        line += ` ${escapeMarkdown(text)}${source ? ` ${cite(source, asOf ?? fact.asOf)}` : ''}`;
      }
      lines.push(line);
    }
  }
  lines.push('', `_${escapeMarkdown(labels.via)}_`);
  return lines.join('\n');
}
