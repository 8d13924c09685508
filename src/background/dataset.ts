/**
 * The dataset in the background's database: seeding the copy bundled with the extension, and the store the
 * feed updater stages and applies verified updates through. Every replacement swaps entities, relations,
 * version and alias index in one transaction (src/db/dataset.ts), building the index here, once per version.
 */
import { browser } from 'wxt/browser';
import { buildAliasIndex } from '../annotate/alias-index';
import { compareVersions, isPlausibleVersion } from '../shared/dates';
import { parseDataset, type Dataset } from '../shared/model';
import type { AliasIndexWire } from '../shared/index-wire';
import type { NormLensDB, StagingRow } from '../db/database';
import { getAliasIndex, installedDataset, readDataset, replaceDataset } from '../db/dataset';
import { FeedError } from '../feed/errors';
import { applyPatch } from '../feed/patch';
import type { DatasetStore } from '../feed/update-check';
import type { StagedUpdate } from '../feed/verify';

/**
 * Replace the dataset when `incoming` is newer than the installed one (or nothing is installed). The version
 * is read inside the same rw transaction as the swap: a feed update committed between a read outside it and
 * the swap would otherwise be overwritten by this (older) bundled copy. Returns whether it was applied.
 */
export async function seedDataset(db: NormLensDB, incoming: Dataset, now = new Date()): Promise<boolean> {
  const index = buildAliasIndex(incoming.version, incoming.entities);
  return db.transaction('rw', db.entities, db.relations, db.meta, async () => {
    const installed = (await installedDataset(db))?.version;
    // A version that could not exist yet (a bad release) never blocks the bundled copy.
    const stuck = installed !== undefined && !isPlausibleVersion(installed, now);
    if (installed !== undefined && !stuck && compareVersions(incoming.version, installed) <= 0) return false;
    await replaceDataset(db, incoming, index, now);
    return true;
  });
}

/** Seed the dataset that ships with this version of the extension, if it is newer than the installed one. */
export async function seedBundledDataset(db: NormLensDB): Promise<void> {
  const response = await fetch(browser.runtime.getURL('/dataset.json' as '/popup.html'));
  const dataset = parseDataset(await response.json());
  const applied = await seedDataset(db, dataset);
  console.info(`[normlens] bundled dataset ${dataset.version} ${applied ? 'installed' : 'already current'}`);
}

/** The store the feed updater works through: staging in its own table, applying in one transaction. */
export function datasetStore(db: NormLensDB): DatasetStore {
  return {
    installedVersion: async () => (await installedDataset(db))?.version,
    stage: async (update, now) => {
      await db.staging.put({ key: 'pending', update, stagedAt: now.toISOString() });
    },
    hasStaged: async () => (await db.staging.get('pending')) !== undefined,
    dropStaged: () => db.staging.delete('pending'),
    applyStaged: (now) => applyStaged(db, now),
  };
}

/**
 * Apply the staged update, if any, atomically. Returns the new alias index when the dataset changed. A staged
 * update that no longer fits (the installed version moved on) is dropped with an error. The index is built
 * before the transaction opens (IndexedDB transactions end when they wait on other work).
 */
async function applyStaged(db: NormLensDB, now: Date): Promise<AliasIndexWire | undefined> {
  const staged = (await db.staging.get('pending')) as StagingRow<StagedUpdate> | undefined;
  if (!staged) return undefined;
  let next: Dataset | undefined;
  let refusal: FeedError | undefined;
  const base = staged.update.kind === 'patch' ? await readDataset(db) : undefined;
  const installed = base?.version ?? (await installedDataset(db))?.version;
  const { update } = staged;
  if (
    installed !== undefined &&
    isPlausibleVersion(installed, now) &&
    compareVersions(update.version, installed) <= 0
  ) {
    refusal = new FeedError('older-version', [update.version, installed]);
  } else if (update.kind === 'snapshot') {
    next = update.dataset;
  } else if (!base || installed !== update.patch.from) {
    refusal = new FeedError('wrong-base', [update.patch.from, installed ?? '']);
  } else {
    try {
      next = applyPatch(base, update.patch);
    } catch (error) {
      refusal = error instanceof FeedError ? error : new FeedError('apply-failed', [String(error)]);
    }
  }
  const index = next && buildAliasIndex(next.version, next.entities);
  const applied = await db.transaction('rw', [db.entities, db.relations, db.meta, db.staging], async () => {
    // Still the same staged update and the same installed version: nothing moved while the index was built.
    const still = await db.staging.get('pending');
    await db.staging.delete('pending');
    if (!next || !index || still?.stagedAt !== staged.stagedAt) return false;
    if ((await installedDataset(db))?.version !== installed) {
      refusal = new FeedError('wrong-base', [
        update.kind === 'patch' ? update.patch.from : '',
        installed ?? '',
      ]);
      return false;
    }
    await replaceDataset(db, next, index, now);
    return true;
  });
  if (refusal) throw refusal;
  return applied ? getAliasIndex(db) : undefined;
}
