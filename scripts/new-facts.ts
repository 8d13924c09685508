/**
 * npx tsx scripts/new-facts.ts NOW.json OLD.json [--seed N] [--size N] [--list]
 *
 * Lists the facts of a compiled dataset (NOW, from `npm run dataset -- --export NOW.json`) that an older
 * export (OLD, built the same way from an earlier commit, e.g. in a `git worktree add /tmp/old <commit>`)
 * does not have, in the fact format of scripts/sample-facts.ts, and draws a reproducible sample of them with
 * the same sampler (same per-kind shares, same seeded generator), for data/VERIFIED.md.
 *
 * A fact counts as the same in both exports when its kind, entity id and text agree; its source is not
 * compared, so a fact whose source was only replaced is not new (a summary or date that was rewritten is).
 * With --list, prints every new fact instead of the sample.
 *
 * Example (the sample of December 2026):
 *   npx tsx scripts/new-facts.ts /tmp/now.json /tmp/old.json --seed 20261204 --size 60
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { listFacts, sampleFacts, type Fact, type SampledDataset } from './sample-facts';

const key = (f: Fact): string => `${f.kind}\u0000${f.entityId}\u0000${f.fact}`;

export function newFacts(now: SampledDataset, old: SampledDataset): Fact[] {
  const before = new Set(listFacts(old).map(key));
  return listFacts(now).filter((f) => !before.has(key(f)));
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      seed: { type: 'string', default: '20261204' },
      size: { type: 'string', default: '60' },
      list: { type: 'boolean', default: false },
    },
  });
  const [nowFile, oldFile] = positionals;
  if (!nowFile || !oldFile) {
    console.error('usage: npx tsx scripts/new-facts.ts NOW.json OLD.json [--seed N] [--size N] [--list]');
    process.exit(2);
  }
  // The compiled export has every field the sampler reads (and more, which it ignores).
  const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as SampledDataset;
  const facts = newFacts(read(nowFile), read(oldFile));
  const seed = Number(values.seed);
  const shown = values.list ? facts : sampleFacts(facts, Number(values.size), seed);
  const counts = new Map<string, number>();
  for (const f of facts) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  const byKind = [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(
    values.list
      ? `<!-- ${facts.length} new facts (${byKind}) -->`
      : `<!-- seed ${seed}; ${shown.length} of ${facts.length} new facts (${byKind}) -->`,
  );
  const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
  shown.forEach((f, i) => {
    console.log(`| ${i + 1} | ${f.kind} | ${f.entityId} | ${cell(f.fact)} | ${f.source} |`);
  });
}

main();
