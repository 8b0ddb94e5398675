/**
 * `commonplace-relay migrate`: copies every document of a SQLite data
 * directory into PostgreSQL, then reads each one back from PostgreSQL and
 * checks that its state vector covers the source's. Each room is copied as
 * one merged update with its change marker; Yjs updates are idempotent, so
 * running it again (after an interruption) adds nothing to the documents.
 * The SQLite file is only read (after bringing its schema up to date).
 */
import { join } from 'node:path';
import * as Y from 'yjs';
import { openSqlite } from '../db/sqlite.ts';
import type { Logger } from '../log.ts';
import { markerKey } from '../storage/doc-meta.ts';
import { PostgresStorage } from '../storage/postgres.ts';
import { SQLITE_DOC_MIGRATIONS } from '../storage/sqlite-migrations.ts';
import { SQLITE_FILE } from '../storage/sqlite.ts';

export interface MigrateReport {
  readonly rooms: number;
  /** Rooms whose copy in PostgreSQL does not hold everything the source holds. */
  readonly mismatched: readonly string[];
  /** Rooms whose stored updates do not merge (left out, named here). */
  readonly unreadable: readonly string[];
}

/** True when every client's clock in `target` is at least its clock in `source`. */
function covers(target: Uint8Array, source: Uint8Array): boolean {
  const have = Y.decodeStateVector(target);
  for (const [client, clock] of Y.decodeStateVector(source)) {
    if ((have.get(client) ?? 0) < clock) return false;
  }
  return true;
}

function merged(updates: readonly Uint8Array[]): Uint8Array {
  const [only] = updates;
  return updates.length === 1 && only !== undefined ? only : Y.mergeUpdates([...updates]);
}

/** Copies the documents of `dataDir`'s `relay.sqlite` into the database at `databaseUrl`. */
export async function migrateDocuments(options: {
  readonly dataDir: string;
  readonly databaseUrl: string;
  readonly log: Logger;
}): Promise<MigrateReport> {
  const { log } = options;
  const source = openSqlite(join(options.dataDir, SQLITE_FILE), {
    store: 'documents',
    migrations: SQLITE_DOC_MIGRATIONS,
  });
  const target = await PostgresStorage.open(options.databaseUrl);
  const mismatched: string[] = [];
  const unreadable: string[] = [];
  let rooms = 0;
  try {
    const names = source.prepare('SELECT DISTINCT room FROM updates ORDER BY room').all();
    const selectUpdates = source.prepare('SELECT data FROM updates WHERE room = ? ORDER BY seq');
    const selectMarker = source.prepare(
      'SELECT updated_at, updated_by FROM doc_meta WHERE room = ?',
    );
    for (const { room } of names) {
      if (typeof room !== 'string') continue;
      rooms += 1;
      const updates = selectUpdates
        .all(room)
        .flatMap(({ data }) => (data instanceof Uint8Array ? [data] : []));
      let update: Uint8Array;
      let stateVector: Uint8Array;
      try {
        update = merged(updates);
        stateVector = Y.encodeStateVectorFromUpdate(update);
      } catch {
        unreadable.push(room);
        log.error('document does not merge; not copied', { room });
        continue;
      }
      const marker = selectMarker.get(room);
      const at = typeof marker?.updated_at === 'number' ? marker.updated_at : 0;
      const by = typeof marker?.updated_by === 'string' ? marker.updated_by : null;
      await target.appendUpdate(
        room,
        update,
        markerKey(room) === null ? undefined : { stateVector, by, at },
      );
      const copied = merged((await target.loadDoc(room)).updates);
      if (!covers(Y.encodeStateVectorFromUpdate(copied), stateVector)) {
        mismatched.push(room);
        log.error('copied document differs from the source', { room });
      }
    }
  } finally {
    source.close();
    await target.close();
  }
  log.info('migration finished', {
    rooms,
    mismatched: mismatched.length,
    unreadable: unreadable.length,
  });
  return { rooms, mismatched, unreadable };
}
