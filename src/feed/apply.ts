/**
 * Applying a verified update to the database. Staging first (the verified payload is written to its own
 * table), then ONE transaction over entities, relations, meta and staging swaps the dataset and clears the
 * staging row: readers see the old dataset or the new one, never a mix, and a worker stopped at any point
 * leaves either the staged update (finished at next start) or the applied one. Settings and sites are
 * never in the transaction.
 */
import type { AliasIndexWire } from '../annotate/alias-index';
import { compareVersions } from '../shared/dates';
import { type Dataset } from '../shared/model';
import type { MetaRow, NormLensDB } from '../db/database';
import { getAliasIndex } from '../db/queries';
import { replaceDataset } from '../db/seed';
import { FeedError } from './errors';
import { applyPatch } from './patch';
import type { StagedUpdate } from './verify';

export async function stageUpdate(db: NormLensDB, update: StagedUpdate, now: Date): Promise<void> {
  await db.staging.put({ key: 'pending', update, stagedAt: now.toISOString() });
}

/**
 * Apply the staged update, if any, atomically. Returns the new alias index when the dataset changed.
 * A staged update that no longer fits (the installed version moved on) is dropped with an error.
 */
export async function applyStaged(db: NormLensDB, now: Date): Promise<AliasIndexWire | undefined> {
  let refusal: FeedError | undefined;
  const applied = await db.transaction('rw', [db.entities, db.relations, db.meta, db.staging], async () => {
    const staged = await db.staging.get('pending');
    if (!staged) return false;
    await db.staging.delete('pending');
    const meta = (await db.meta.get('dataset')) as MetaRow<'dataset'> | undefined;
    const installed = meta?.value.version;
    const { update } = staged;
    if (installed !== undefined && compareVersions(update.version, installed) <= 0) {
      refusal = new FeedError('older-version', [update.version, installed]);
      return false;
    }
    let next: Dataset;
    if (update.kind === 'snapshot') {
      next = update.dataset;
    } else {
      if (!meta || installed !== update.patch.from) {
        refusal = new FeedError('wrong-base', [update.patch.from, installed ?? '']);
        return false;
      }
      const base: Dataset = {
        format: 1,
        version: installed,
        generatedAt: meta.value.generatedAt,
        entities: await db.entities.toArray(),
        relations: await db.relations.toArray(),
      };
      try {
        next = applyPatch(base, update.patch);
      } catch (error) {
        refusal = error instanceof FeedError ? error : new FeedError('apply-failed', [String(error)]);
        return false;
      }
    }
    await replaceDataset(db, next, now);
    return true;
  });
  if (refusal) throw refusal;
  return applied ? getAliasIndex(db) : undefined;
}
