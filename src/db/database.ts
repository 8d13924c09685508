/**
 * The dataset's store: the extension's own IndexedDB, opened by the background alone (a content script's
 * IndexedDB would be the news site's, and the extension's pages ask the background). Every schema version
 * stays declared here, with its upgrade step; the dataset's own version is a row in `meta`, separate from the
 * schema version. The reader's own state (settings, sites, feed choices, reports) is not here but in storage
 * items (src/shared/storage.ts).
 */
import Dexie, { type Table } from 'dexie';
import type { Entity, Relation } from '../shared/model';
import type { AliasIndexWire } from '../shared/index-wire';

export interface MetaRows {
  dataset: { version: string; generatedAt: string; installedAt: string };
  aliasIndex: AliasIndexWire;
}

export interface MetaRow<K extends keyof MetaRows = keyof MetaRows> {
  key: K;
  value: MetaRows[K];
}

/** A verified update waiting to be applied: survives the worker stopping between the two. */
export interface StagingRow<U = unknown> {
  key: 'pending';
  update: U;
  stagedAt: string;
}

const DB_NAME = 'normlens';

export class NormLensDB extends Dexie {
  entities!: Table<Entity, string>;
  relations!: Table<Relation, string>;
  meta!: Table<MetaRow, string>;
  staging!: Table<StagingRow, string>;

  constructor(name = DB_NAME) {
    super(name);
    // NormLens has not been released: its first schema starts here, with no upgrade to carry.
    this.version(1).stores({
      entities: '&id, kind',
      relations: '&id, subject, object, type',
      meta: '&key',
      staging: '&key',
    });
  }
}

let shared: NormLensDB | undefined;

/** The background's database, opened on first use. */
export function getDb(): NormLensDB {
  shared ??= new NormLensDB();
  return shared;
}
