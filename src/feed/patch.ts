/** Making and applying dataset patches: pure functions over compiled datasets. */
import { datasetProblem, type Dataset } from '../shared/model';
import { FeedError } from './errors';
import { PATCH_FORMAT, type DatasetPatch } from './manifest';

function changed<T extends { id: string }>(before: readonly T[], after: readonly T[]) {
  const old = new Map(before.map((x) => [x.id, JSON.stringify(x)]));
  const now = new Set(after.map((x) => x.id));
  return {
    put: after.filter((x) => old.get(x.id) !== JSON.stringify(x)),
    delete: before.filter((x) => !now.has(x.id)).map((x) => x.id),
  };
}

/** The smallest patch (by id) that turns `from` into `to`. */
export function makePatch(from: Dataset, to: Dataset): DatasetPatch {
  return {
    patchFormat: PATCH_FORMAT,
    from: from.version,
    to: to.version,
    generatedAt: to.generatedAt,
    entities: changed(from.entities, to.entities),
    relations: changed(from.relations, to.relations),
  };
}

function applyChanges<T extends { id: string }>(
  rows: readonly T[],
  change: { put: T[]; delete: string[] },
): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of change.delete) byId.delete(id);
  for (const row of change.put) byId.set(row.id, row);
  return [...byId.values()];
}

/**
 * Apply a patch to the dataset it was made from. Refuses any other base, and any result that is not a whole
 * dataset (see datasetProblem: a dangling relation, an id twice, past the caps).
 */
export function applyPatch(base: Dataset, patch: DatasetPatch): Dataset {
  if (base.version !== patch.from) throw new FeedError('wrong-base', [patch.from, base.version]);
  const entities = applyChanges(base.entities, patch.entities);
  const relations = applyChanges(base.relations, patch.relations);
  const problem = datasetProblem({ entities, relations });
  if (problem) throw new FeedError('invalid-record', [`patch ${patch.from} → ${patch.to}`, problem]);
  return { format: 1, version: patch.to, generatedAt: patch.generatedAt, entities, relations };
}
