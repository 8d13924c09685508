/**
 * Seeds a compiled dataset into the database in one transaction: readers see the old dataset or the new
 * one, never a mix. The reader's settings and sites are in other tables and are never touched here.
 */
import { buildAliasIndex } from '../annotate/alias-index';
import { compareVersions } from '../shared/dates';
import { dataset as datasetSchema, type Dataset } from '../shared/model';
import type { MetaRow, NormLensDB } from './database';

export async function installedDatasetVersion(db: NormLensDB): Promise<string | undefined> {
  const row = (await db.meta.get('dataset')) as MetaRow<'dataset'> | undefined;
  return row?.value.version;
}

/** Parse and validate untrusted JSON as a dataset; throws an Error saying what is wrong. */
export function parseDataset(json: unknown): Dataset {
  const result = datasetSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`invalid dataset: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'unknown error'}`);
  }
  return result.data;
}

/**
 * Replace the dataset when `incoming` is newer than the installed one (or nothing is installed).
 * Returns whether it was applied.
 */
export async function seedDataset(db: NormLensDB, incoming: Dataset, now = new Date()): Promise<boolean> {
  // The version is read inside the same rw transaction as the swap: a feed update committed between a
  // read outside it and the swap would otherwise be overwritten by this (older) bundled copy.
  return db.transaction('rw', db.entities, db.relations, db.meta, async () => {
    const installed = await installedDatasetVersion(db);
    if (installed !== undefined && compareVersions(incoming.version, installed) <= 0) return false;
    await replaceDataset(db, incoming, now);
    return true;
  });
}

/**
 * Swap the whole dataset (entities, relations, version row and alias index). Call inside a rw transaction
 * over entities, relations and meta, so the swap is one atomic step.
 */
export async function replaceDataset(db: NormLensDB, incoming: Dataset, now: Date): Promise<void> {
  const index = buildAliasIndex(incoming.version, incoming.entities);
  await db.entities.clear();
  await db.relations.clear();
  await db.entities.bulkPut(incoming.entities);
  await db.relations.bulkPut(incoming.relations);
  await db.meta.bulkPut([
    {
      key: 'dataset',
      value: {
        version: incoming.version,
        generatedAt: incoming.generatedAt,
        installedAt: now.toISOString(),
      },
    },
    { key: 'aliasIndex', value: index },
  ]);
}
