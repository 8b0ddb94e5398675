/**
 * `ClassificationStore` on SQLite, in its own file beside the other stores
 * (`classification.sqlite`). Queries only: relay/db opens the file and
 * applies the migrations.
 */
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { ClassificationLabel } from '../../shared/classification-api.ts';
import { closeSqlite, openSqlite, sqliteTransaction } from '../db/sqlite.ts';
import { SQLITE_CLASSIFICATION_MIGRATIONS } from './migrations.ts';
import { droppedInUse, parseLabels } from './rows.ts';
import type { ClassificationStore, LabelInUse } from './types.ts';

/** File name of the classification database inside the data directory. */
export const CLASSIFICATION_FILE = 'classification.sqlite';

/** Opens (creating if needed) `classification.sqlite` in `dataDir` with its schema up to date. */
export function openClassificationSqlite(dataDir: string): DatabaseSync {
  return openSqlite(join(dataDir, CLASSIFICATION_FILE), {
    store: 'classification',
    migrations: SQLITE_CLASSIFICATION_MIGRATIONS,
  });
}

export class SqliteClassificationStore implements ClassificationStore {
  readonly #db: DatabaseSync;
  #closed = false;

  constructor(options: { readonly dataDir: string }) {
    this.#db = openClassificationSqlite(options.dataDir);
  }

  labels(): ClassificationLabel[] | null {
    const row = this.#db.prepare('SELECT labels FROM classification_labels WHERE id = 1').get();
    return row === undefined ? null : parseLabels(row['labels']);
  }

  setLabels(labels: readonly ClassificationLabel[]): LabelInUse | null {
    return sqliteTransaction(this.#db, () => {
      const used = this.#db
        .prepare('SELECT DISTINCT label FROM space_labels')
        .all()
        .map((row) => String(row['label']));
      const inUse = droppedInUse(used, labels);
      if (inUse !== null) return { inUse };
      this.#db
        .prepare(
          'INSERT INTO classification_labels (id, labels) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET labels = excluded.labels',
        )
        .run(JSON.stringify(labels));
      return null;
    });
  }

  spaceLabel(spaceId: string): string | null {
    const row = this.#db.prepare('SELECT label FROM space_labels WHERE space_id = ?').get(spaceId);
    return row === undefined ? null : String(row['label']);
  }

  spaceLabels(spaceIds: readonly string[]): Map<string, string> {
    const out = new Map<string, string>();
    const select = this.#db.prepare('SELECT label FROM space_labels WHERE space_id = ?');
    for (const id of spaceIds) {
      const row = select.get(id);
      if (row !== undefined) out.set(id, String(row['label']));
    }
    return out;
  }

  setSpaceLabel(spaceId: string, label: string, at: number): void {
    this.#db
      .prepare(
        'INSERT INTO space_labels (space_id, label, changed_at) VALUES (?, ?, ?) ON CONFLICT (space_id) DO UPDATE SET label = excluded.label, changed_at = excluded.changed_at',
      )
      .run(spaceId, label, at);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    closeSqlite(this.#db);
  }
}
