/**
 * Part 2 of the benchmark, run in Node: does the matcher's cost depend on the dictionary's size? 1 MB of
 * generated prose is scanned with NormLens's matcher built over 1k, 10k and 100k aliases, and, for
 * contrast, with a RegExp union of 1k and 5k person names (stopped at a time cap: it can take minutes).
 *
 * Dictionaries are nested: the smallest is a slice of the real dataset (whole entities, in a seeded
 * shuffled order, so every kind is represented); the larger ones are the whole dataset plus synthetic
 * person names. The text mentions real aliases from the smallest dictionary (found by every size) and
 * person-like names that are in no dictionary: they share first names and surname syllables with the
 * dictionaries, so the automaton follows them partway in, but every size reports the same mentions and the
 * ratio between sizes measures the dictionary's size alone, not how many more hits a bigger one finds.
 */
import type { Entity } from '../src/shared/model';
import { aliasTexts, buildMatcher, buildWire, syntheticPerson } from './engine';
import { generateParagraphs, seededRandom, syntheticNames } from './generated-text';
import { aliasUnionSource, UNION_FLAGS } from './regexp-union';
import { median } from './stats';

export interface DictionaryRun {
  /** The nominal size (1k, 10k, 100k). */
  size: number;
  /** Aliases actually in the built index. */
  aliases: number;
  buildMs: number;
  /** Median time to scan the whole text. */
  scanMs: number;
  mentions: number;
}

export interface RegExpRun {
  names: number;
  /** Median time to scan the whole text, or null when the cap was hit. */
  scanMs: number | null;
  capMs: number;
  /** How far it got before the cap (1 when it finished). */
  scannedFraction: number;
  hits: number;
}

export interface DictionaryResult {
  runtime: string;
  textChars: number;
  paragraphs: number;
  runs: DictionaryRun[];
  /** scanMs of the largest dictionary over the smallest. */
  largestOverSmallest: number | null;
  regexp: RegExpRun[];
}

export interface DictionaryOptions {
  sizes: readonly number[];
  chars: number;
  repeats: number;
  regexpNames: readonly number[];
  regexpCapMs: number;
  log: (line: string) => void;
}

export const DEFAULT_DICTIONARY_OPTIONS: DictionaryOptions = {
  sizes: [1_000, 10_000, 100_000],
  chars: 1 << 20,
  repeats: 9,
  regexpNames: [1_000, 5_000],
  regexpCapMs: 20_000,
  log: () => undefined,
};

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Entities whose index holds about `size` aliases: a slice of the real ones, or all plus synthetic people. */
export function dictionaryEntities(
  real: readonly Entity[],
  realAliasCount: number,
  size: number,
  synthetic: readonly string[],
): Entity[] {
  if (size <= realAliasCount) {
    const out: Entity[] = [];
    let count = 0;
    for (const entity of real) {
      const room = size - count;
      if (room <= 0) break;
      const own = aliasTexts([entity]).length;
      out.push(own <= room ? entity : { ...entity, aliases: entity.aliases.slice(0, Math.max(0, room - 1)) });
      count += Math.min(own, room);
    }
    return out;
  }
  const extra = size - realAliasCount;
  if (extra > synthetic.length) throw new Error(`need ${extra} synthetic names, have ${synthetic.length}`);
  return [...real, ...synthetic.slice(0, extra).map((name, n) => syntheticPerson(n, name))];
}

interface RegExpScan {
  ms: number;
  /** Fraction of the paragraphs scanned before the cap (1 when it finished). */
  fraction: number;
  hits: number;
}

function timeRegExp(paragraphs: readonly string[], source: string, capMs: number): RegExpScan {
  const started = performance.now();
  const re = new RegExp(source, UNION_FLAGS);
  let hits = 0;
  let scanned = 0;
  for (const paragraph of paragraphs) {
    re.lastIndex = 0;
    while (re.exec(paragraph) !== null) hits++;
    scanned++;
    if (performance.now() - started > capMs) break;
  }
  return { ms: performance.now() - started, fraction: scanned / paragraphs.length, hits };
}

export function runDictionaryBench(
  dataset: { version: string; entities: readonly Entity[] },
  options: DictionaryOptions = DEFAULT_DICTIONARY_OPTIONS,
): DictionaryResult {
  const real = shuffled(dataset.entities, 42);
  const realAliasCount = aliasTexts(real).length;
  const largest = Math.max(...options.sizes, ...options.regexpNames);
  const inDictionaries = Math.max(largest - realAliasCount, ...options.regexpNames);
  const smallest = dictionaryEntities(real, realAliasCount, Math.min(...options.sizes), []);
  const realMentions = aliasTexts(smallest);
  const names = syntheticNames(inDictionaries + realMentions.length, 3);
  const synthetic = names.slice(0, inDictionaries);
  const mentionPool = [...realMentions, ...names.slice(inDictionaries)];
  const paragraphs = generateParagraphs({ chars: options.chars, mentions: mentionPool, wordsPerMention: 40 });
  const textChars = paragraphs.reduce((n, p) => n + p.length, 0);

  const built = options.sizes.map((size) => {
    const entities = dictionaryEntities(real, realAliasCount, size, synthetic);
    const t0 = performance.now();
    const wire = buildWire(dataset.version, entities);
    const matcher = buildMatcher(wire);
    const buildMs = performance.now() - t0;
    const mentions = matcher.countMentions(paragraphs); // warm-up: the same JIT state for every size
    return { size, aliases: wire.aliases.length, buildMs, matcher, mentions, times: [] as number[] };
  });
  // Rounds interleave the sizes, so a burst of other work on the machine (or a garbage collection left
  // over from building the largest index) slows every size alike instead of one.
  for (let r = 0; r < options.repeats; r++) {
    for (const b of built) {
      const s = performance.now();
      b.mentions = b.matcher.countMentions(paragraphs);
      b.times.push(performance.now() - s);
    }
  }
  const runs: DictionaryRun[] = built.map((b) => {
    const run = {
      size: b.size,
      aliases: b.aliases,
      buildMs: b.buildMs,
      scanMs: median(b.times)!,
      mentions: b.mentions,
    };
    options.log(
      `  matcher, ${run.aliases} aliases: scan ${run.scanMs.toFixed(1)} ms, build ${run.buildMs.toFixed(0)} ms, ${run.mentions} mentions`,
    );
    return run;
  });

  const regexp: RegExpRun[] = [];
  for (const count of options.regexpNames) {
    const source = aliasUnionSource(synthetic.slice(0, count));
    const first = timeRegExp(paragraphs, source, options.regexpCapMs);
    const finished = first.fraction === 1;
    const times = [first.ms];
    // Repeat only what finished quickly; a run near the cap says enough on its own.
    if (finished && first.ms * options.repeats < options.regexpCapMs) {
      for (let r = 1; r < options.repeats; r++)
        times.push(timeRegExp(paragraphs, source, options.regexpCapMs).ms);
    }
    const run: RegExpRun = {
      names: count,
      scanMs: finished ? median(times) : null,
      capMs: options.regexpCapMs,
      scannedFraction: first.fraction,
      hits: first.hits,
    };
    options.log(
      `  RegExp union, ${count} names: ${run.scanMs === null ? `> ${options.regexpCapMs / 1000} s (${(run.scannedFraction * 100).toFixed(1)}% scanned)` : `${run.scanMs.toFixed(1)} ms`}`,
    );
    regexp.push(run);
  }

  const first = runs[0];
  const last = runs[runs.length - 1];
  return {
    runtime: `Node ${process.version}`,
    textChars,
    paragraphs: paragraphs.length,
    runs,
    largestOverSmallest: first && last && first.scanMs > 0 ? last.scanMs / first.scanMs : null,
    regexp,
  };
}
