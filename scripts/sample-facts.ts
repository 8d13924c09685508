/**
 * npx tsx scripts/sample-facts.ts EXPORT.json [--seed N] [--size N]
 * Lists every checkable fact of a compiled dataset (from `npm run dataset -- --export EXPORT.json`) and
 * draws a reproducible random sample of them for data/VERIFIED.md, stratified across the five kinds of
 * fact (initiative, country, person, organization, relation) so that no kind is left out by chance.
 * Prints the sample as a Markdown table to fill in; the same seed and dataset always give the same sample.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ENTITY_KINDS, type EntityKind } from '../src/shared/vocabulary';

// Only the fields the sampler reads; unknown keys are dropped rather than rejected, so the script keeps
// working when the compiled format gains fields.
const sourcedDate = z.object({ type: z.string(), date: z.string(), source: z.string() });
const entitySchema = z.object({
  id: z.string(),
  kind: z.enum(ENTITY_KINDS),
  name: z.string(),
  summary: z.string(),
  source: z.string(),
  codes: z.record(z.string(), z.string()).optional(),
  dates: z.array(sourcedDate),
});
const relationSchema = z.object({
  subject: z.string(),
  type: z.string(),
  object: z.string(),
  role: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  source: z.string(),
});
const exportSchema = z.object({ entities: z.array(entitySchema), relations: z.array(relationSchema) });
export type SampledDataset = z.infer<typeof exportSchema>;
type Entity = SampledDataset['entities'][number];
type Relation = SampledDataset['relations'][number];

export type FactKind = EntityKind | 'relation';
export interface Fact {
  kind: FactKind;
  entityId: string;
  fact: string;
  source: string;
}

// Share of the sample per kind. People weigh most: their roles change (elections, appointments) and many
// were first written from memory; country facts come from a maintained package and weigh least.
const KIND_WEIGHTS: Readonly<Record<FactKind, number>> = {
  initiative: 0.15,
  country: 0.05,
  person: 0.25,
  organization: 0.15,
  'threat-actor': 0.1,
  incident: 0.1,
  relation: 0.2,
};
const FACT_KINDS = Object.keys(KIND_WEIGHTS) as FactKind[];

function entityFacts(entity: Entity): Fact[] {
  const kind: FactKind = entity.kind;
  const facts: Fact[] = [];
  if (entity.kind === 'country') {
    const codes = entity.codes ? `ISO ${entity.codes['iso2']}/${entity.codes['iso3']}` : 'no ISO code';
    facts.push({
      kind,
      entityId: entity.id,
      fact: `${entity.name}: ${codes}; ${entity.summary}`,
      source: entity.source,
    });
  } else {
    facts.push({ kind, entityId: entity.id, fact: `summary: ${entity.summary}`, source: entity.source });
  }
  for (const date of entity.dates) {
    facts.push({ kind, entityId: entity.id, fact: `${date.type} ${date.date}`, source: date.source });
  }
  return facts;
}

function relationFact(relation: Relation): Fact {
  const span = [relation.from && `from ${relation.from}`, relation.to && `to ${relation.to}`].filter(Boolean);
  // A role is a fact about the person who holds it; every other relation is a membership-like fact.
  if (relation.type === 'holds-role') {
    return {
      kind: 'person',
      entityId: relation.subject,
      fact: `role "${relation.role ?? ''}" at ${relation.object} ${span.join(' ')}`.trim(),
      source: relation.source,
    };
  }
  return {
    kind: 'relation',
    entityId: relation.object,
    fact: `${relation.subject} ${relation.type} ${relation.object} ${span.join(' ')}`.trim(),
    source: relation.source,
  };
}

export function listFacts(data: SampledDataset): Fact[] {
  return [...data.entities.flatMap(entityFacts), ...data.relations.map(relationFact)];
}

/** mulberry32: a tiny seeded generator, enough for a reproducible draw (not for anything secret). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws about `size` facts, each kind's share by KIND_WEIGHTS (partial Fisher–Yates per kind). */
export function sampleFacts(facts: readonly Fact[], size: number, seed: number): Fact[] {
  const random = seededRandom(seed);
  return FACT_KINDS.flatMap((kind) => {
    const pool = facts.filter((f) => f.kind === kind);
    const take = Math.min(Math.round(size * KIND_WEIGHTS[kind]), pool.length);
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(random() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    return pool.slice(0, take);
  });
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { seed: { type: 'string', default: '20261127' }, size: { type: 'string', default: '130' } },
  });
  const file = positionals[0];
  if (!file) {
    console.error('usage: npx tsx scripts/sample-facts.ts EXPORT.json [--seed N] [--size N]');
    process.exit(2);
  }
  const data = exportSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const seed = Number(values.seed);
  const facts = listFacts(data);
  const sample = sampleFacts(facts, Number(values.size), seed);
  console.log(`<!-- seed ${seed}; ${sample.length} of ${facts.length} facts -->`);
  sample.forEach((f, i) => {
    const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
    console.log(`| ${i + 1} | ${f.kind} | ${f.entityId} | ${cell(f.fact)} | ${f.source} |`);
  });
}

// Run only as a command, so tests can import the pure functions above.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
