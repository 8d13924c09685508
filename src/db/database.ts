/**
 * The extension's own IndexedDB (opened only by the background and extension pages, never by a content
 * script, whose IndexedDB would be the news site's). Every schema version stays declared here, with its
 * upgrade step; the dataset's own version is a row in `meta`, separate from the schema version.
 */
import Dexie, { type Table } from 'dexie';
import type { Entity, Relation } from '../shared/model';
import type { AliasIndexWire } from '../annotate/alias-index';
import { DEFAULT_SCHEDULE, type FeedConfig, type FeedState } from '../feed/state';
import type { StagedUpdate } from '../feed/verify';

export interface SiteRow {
  /** Match pattern, e.g. https://www.lemonde.fr/* */
  pattern: string;
  hostname: string;
  addedAt: string;
}

export interface MetaRows {
  dataset: { version: string; generatedAt: string; installedAt: string };
  aliasIndex: AliasIndexWire;
}

export interface MetaRow<K extends keyof MetaRows = keyof MetaRows> {
  key: K;
  value: MetaRows[K];
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/** Update checker rows (schema v2): the reader's feed choices and the last check's outcome. */
export interface FeedRows {
  config: FeedConfig;
  state: FeedState;
}

export interface FeedRow<K extends keyof FeedRows = keyof FeedRows> {
  key: K;
  value: FeedRows[K];
}

/** A verified update waiting to be applied (schema v2): survives the worker stopping between the two. */
export interface StagingRow {
  key: 'pending';
  update: StagedUpdate;
  stagedAt: string;
}

export const DB_NAME = 'normlens';

export class NormLensDB extends Dexie {
  entities!: Table<Entity, string>;
  relations!: Table<Relation, string>;
  meta!: Table<MetaRow, string>;
  sites!: Table<SiteRow, string>;
  settings!: Table<SettingRow, string>;
  feed!: Table<FeedRow, string>;
  staging!: Table<StagingRow, string>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      entities: '&id, kind',
      relations: '&id, subject, object, type',
      meta: '&key',
      sites: '&pattern, hostname',
      settings: '&key',
    });
    // v2: signed feed updates. New tables only; every v1 table and row is kept as it was. The upgrade writes
    // the default schedule explicitly so a database from v1 and a fresh one hold the same config row.
    this.version(2)
      .stores({ feed: '&key', staging: '&key' })
      .upgrade(async (tx) => {
        const config: FeedRow<'config'> = { key: 'config', value: { schedule: DEFAULT_SCHEDULE } };
        await tx.table<FeedRow, string>('feed').put(config);
      });
  }
}

let shared: NormLensDB | undefined;

/** The database of this extension context, opened on first use. */
export function getDb(): NormLensDB {
  shared ??= new NormLensDB();
  return shared;
}
