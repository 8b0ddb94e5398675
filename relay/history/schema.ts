/**
 * The schema of the snapshot database (`history.sqlite`), migrated by
 * `PRAGMA user_version`: each entry of `MIGRATIONS` runs once, in order, in
 * one transaction with the version bump, so a crash mid-migration leaves the
 * previous version intact. The snapshots live in their own file beside
 * `relay.sqlite` (as `spaces.sqlite` does): a file's `user_version` belongs
 * to one owner, large snapshot blobs stay out of the update log's WAL whose
 * checkpoints are tuned for the write path (storage/idle-checkpointer.ts),
 * and document storage can be swapped without moving history.
 */
import type { DatabaseSync } from 'node:sqlite';

/** Ordered migrations; index i moves the database from version i to i + 1. Append only. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE snapshots (
     id         TEXT    PRIMARY KEY,
     space      TEXT    NOT NULL,
     doc        TEXT    NOT NULL,
     created_at INTEGER NOT NULL,
     created_by TEXT,
     reason     TEXT    NOT NULL CHECK (reason IN ('scheduled', 'manual')),
     state      BLOB    NOT NULL
   );
   CREATE INDEX snapshots_by_doc ON snapshots (space, doc, created_at);`,
];

function userVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get();
  const version = row?.['user_version'];
  if (typeof version !== 'number') throw new Error('cannot read user_version');
  return version;
}

/**
 * Brings `db` to the newest schema.
 * @throws when the database is newer than this relay (written by a later version).
 */
export function migrate(db: DatabaseSync, migrations: readonly string[] = MIGRATIONS): void {
  const from = userVersion(db);
  if (from > migrations.length) {
    throw new Error(
      `history database is at schema version ${from}, newer than this relay (${migrations.length})`,
    );
  }
  for (const [i, sql] of migrations.entries()) {
    if (i < from) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(sql);
      db.exec(`PRAGMA user_version = ${i + 1}`);
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw err;
    }
  }
}
