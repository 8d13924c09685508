/** Counts for `npm run dataset -- --stats`: entities per kind, relations per type, share of sourced facts. */
import type { Dataset } from '../shared/model';

export interface DatasetStats {
  version: string;
  entitiesByKind: Record<string, number>;
  relationsByType: Record<string, number>;
  facts: number;
  sourcedFacts: number;
}

export function datasetStats(dataset: Dataset): DatasetStats {
  const entitiesByKind: Record<string, number> = {};
  const relationsByType: Record<string, number> = {};
  let facts = 0;
  let sourcedFacts = 0;
  const count = (f: { source?: string; asOf?: string }): void => {
    facts++;
    if (f.source && f.asOf) sourcedFacts++;
  };
  for (const e of dataset.entities) {
    entitiesByKind[e.kind] = (entitiesByKind[e.kind] ?? 0) + 1;
    count(e);
    e.dates.forEach(count);
    e.counts?.forEach(count);
    e.roles?.forEach(count);
  }
  for (const r of dataset.relations) {
    relationsByType[r.type] = (relationsByType[r.type] ?? 0) + 1;
    count(r);
  }
  return { version: dataset.version, entitiesByKind, relationsByType, facts, sourcedFacts };
}

export function formatStats(s: DatasetStats): string {
  const rows = (o: Record<string, number>): string =>
    Object.entries(o)
      .sort()
      .map(([k, v]) => `  ${k.padEnd(16)} ${String(v).padStart(6)}`)
      .join('\n');
  const share = s.facts === 0 ? 100 : (100 * s.sourcedFacts) / s.facts;
  return [
    `dataset ${s.version}`,
    'entities by kind:',
    rows(s.entitiesByKind),
    'relations by type:',
    rows(s.relationsByType),
    `facts with source and as-of date: ${s.sourcedFacts}/${s.facts} (${share.toFixed(1)}%)`,
  ].join('\n');
}
