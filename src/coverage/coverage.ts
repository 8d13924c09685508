/**
 * Knowledge coverage, measured the way a reader meets names: for each article of a set (data/coverage/),
 * the names a policy reader would want explained, with their kinds and counts, are laid out in the order the
 * article gives them and run through NormLens's own matcher and rules. A name counts as explained when a
 * mention of the right kind (and, where the set says which entity is meant, of that entity) covers it.
 * Only the names are stored, never the articles' text. Pure: scripts/coverage.ts reads the files.
 */
import { z } from 'zod';
import { ENTITY_KINDS, type EntityKind } from '../shared/vocabulary';
import type { MatchIndex } from '../annotate/alias-index';
import { findMentions, newPageMatchState } from '../annotate/find-mentions';

/** Kinds a set may record that the dataset does not model (measured apart, never counted as a miss). */
const EXTRA_KINDS = ['malware'] as const;

const nameEntry = z
  .object({
    text: z.string().min(1),
    kind: z.enum([...ENTITY_KINDS, ...EXTRA_KINDS]),
    /** Also right: an entity the dataset may model as another kind (an annual forum, a body and its process). */
    alsoKind: z.enum([...ENTITY_KINDS, ...EXTRA_KINDS]).optional(),
    count: z.number().int().positive(),
    demonym: z.boolean().optional(),
    /** The entity meant, in words. */
    means: z.string().min(1),
    /** Where the dataset has it: the id of the entity meant, so a match of another entity counts as wrong. */
    entity: z.string().optional(),
  })
  .strict();
export type NameEntry = z.infer<typeof nameEntry>;

const article = z
  .object({
    url: z.url(),
    date: z.preprocess(
      (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' ? String(v) : v),
      z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
    ),
    outlet: z.string().min(1),
    /** What part of the page was read and annotated. */
    read: z.enum(['opening', 'whole']),
    names: z.array(nameEntry).min(1),
  })
  .strict();

export const coverageSet = z.object({ articles: z.array(article).min(1) }).strict();
export type CoverageSet = z.infer<typeof coverageSet>;

/** One name of one article, as the matcher saw it. */
interface NameResult {
  article: string;
  entry: NameEntry;
  /** Occurrences explained with the right kind and entity. */
  explained: number;
  /** Occurrences matched to an entity of the right kind but not the one meant. */
  wrongEntity: number;
  /** Occurrences matched to an entity of another kind. */
  wrongKind: number;
  /** What the matcher chose, when it chose something else (entity ids). */
  chosen: string[];
}

interface KindTally {
  names: number;
  namesExplained: number;
  occurrences: number;
  occurrencesExplained: number;
}

export interface CoverageReport {
  articles: number;
  outlets: number;
  byKind: Record<string, KindTally>;
  results: NameResult[];
}

/**
 * The text the matcher reads for one article: every occurrence of every name, in the article's order, each
 * in a short neutral clause so that no name starts a sentence and no two names run together.
 */
export function articleText(names: readonly NameEntry[]): {
  text: string;
  spans: [number, number, number][];
} {
  let text = '';
  // [entry index, start, end] of each occurrence.
  const spans: [number, number, number][] = [];
  names.forEach((entry, i) => {
    for (let k = 0; k < entry.count; k++) {
      text += 'Then ';
      spans.push([i, text.length, text.length + entry.text.length]);
      text += `${entry.text} was named. `;
    }
  });
  return { text, spans };
}

export function measureCoverage(set: CoverageSet, index: MatchIndex): CoverageReport {
  const results: NameResult[] = [];
  for (const a of set.articles) {
    const { text, spans } = articleText(a.names);
    const mentions = findMentions(index, text, newPageMatchState(), {
      demonyms: true,
      firstMentionOnly: false,
    });
    const perEntry = a.names.map((entry): NameResult => ({
      article: a.url,
      entry,
      explained: 0,
      wrongEntity: 0,
      wrongKind: 0,
      chosen: [],
    }));
    let m = 0;
    for (const [i, start, end] of spans) {
      const result = perEntry[i]!;
      while (m < mentions.length && mentions[m]!.end <= start) m++;
      // Every mention inside this occurrence: the one of the right kind wins.
      const inside = [];
      for (let j = m; j < mentions.length && mentions[j]!.start < end; j++) inside.push(mentions[j]!);
      const kinds = new Set<string>([
        result.entry.kind,
        ...(result.entry.alsoKind ? [result.entry.alsoKind] : []),
      ]);
      const right = inside.filter((x) => kinds.has(index.kindOf(x.entity)));
      const meant = result.entry.entity;
      if (right.some((x) => meant === undefined || index.idOf(x.entity) === meant)) result.explained++;
      else if (right.length > 0) {
        result.wrongEntity++;
        result.chosen.push(...right.map((x) => index.idOf(x.entity)));
      } else if (inside.length > 0) {
        result.wrongKind++;
        result.chosen.push(...inside.map((x) => index.idOf(x.entity)));
      }
    }
    results.push(...perEntry);
  }
  const byKind: Record<string, KindTally> = {};
  for (const r of results) {
    const t = (byKind[r.entry.kind] ??= {
      names: 0,
      namesExplained: 0,
      occurrences: 0,
      occurrencesExplained: 0,
    });
    t.names++;
    t.occurrences += r.entry.count;
    t.occurrencesExplained += r.explained;
    // A name is explained when every one of its occurrences is.
    if (r.explained === r.entry.count) t.namesExplained++;
  }
  return {
    articles: set.articles.length,
    outlets: new Set(set.articles.map((a) => a.outlet)).size,
    byKind,
    results,
  };
}

export const COVERAGE_TARGETS = { names: 0.9, occurrences: 0.95 } as const;
/** The kinds the targets apply to. */
export const TARGET_KINDS: readonly EntityKind[] = ['initiative', 'organization', 'person'];
