/**
 * The extension's own IndexedDB (opened only by the background and extension pages, never by a content
 * script, whose IndexedDB would be the news site's). Every schema version stays declared here, with its
 * upgrade step; the dataset's own version is a row in `meta`, separate from the schema version.
 */
import Dexie, { type Table } from 'dexie';
import type { Entity, Relation } from '../dataset/schema';
import type { AliasIndexWire } from '../annotate/alias-index';

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

export const DB_NAME = 'normlens';

export class NormLensDB extends Dexie {
  entities!: Table<Entity, string>;
  relations!: Table<Relation, string>;
  meta!: Table<MetaRow, string>;
  sites!: Table<SiteRow, string>;
  settings!: Table<SettingRow, string>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      entities: '&id, kind',
      relations: '&id, subject, object, type',
      meta: '&key',
      sites: '&pattern, hostname',
      settings: '&key',
    });
  }
}

let shared: NormLensDB | undefined;

/** The database of this extension context, opened on first use. */
export function getDb(): NormLensDB {
  shared ??= new NormLensDB();
  return shared;
}
