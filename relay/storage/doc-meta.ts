/**
 * Change markers of stored documents in SQLite: one row per
 * room in `doc_meta`, written in the same transaction as each appended update,
 * so `GET /api/spaces/{id}/docs` answers from one indexed query and never
 * loads a document. Rooms stored before this table existed are back-filled
 * once, by the migration that adds the table.
 */
import type { DatabaseSync } from 'node:sqlite';
import * as Y from 'yjs';
import { parseRoomName } from '../../shared/wire.ts';
import type { StoredMarker } from './types.ts';

export const DOC_META_SCHEMA = `
CREATE TABLE IF NOT EXISTS doc_meta (
  room         TEXT    PRIMARY KEY,
  space        TEXT    NOT NULL,
  doc          TEXT    NOT NULL,
  state_vector BLOB    NOT NULL,
  updated_at   INTEGER NOT NULL,
  updated_by   TEXT
);
CREATE INDEX IF NOT EXISTS doc_meta_by_space ON doc_meta (space, doc);
`;

/** Upsert of a full marker (after an append). */
export const UPSERT_MARKER = `
INSERT INTO doc_meta (room, space, doc, state_vector, updated_at, updated_by)
VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (room) DO UPDATE SET
  state_vector = excluded.state_vector,
  updated_at   = excluded.updated_at,
  updated_by   = excluded.updated_by`;

/** Upsert of the state vector alone (a correction, or a back-fill with an unknown time). */
export const UPSERT_STATE_VECTOR = `
INSERT INTO doc_meta (room, space, doc, state_vector, updated_at, updated_by)
VALUES (?, ?, ?, ?, 0, NULL)
ON CONFLICT (room) DO UPDATE SET state_vector = excluded.state_vector`;

export const SELECT_MARKERS = `
SELECT doc, state_vector, updated_at, updated_by FROM doc_meta WHERE space = ? ORDER BY doc`;

/** Space and doc id of a room; null for a name that is not `<spaceId>/<docId>` (no marker then). */
export function markerKey(room: string): { space: string; doc: string } | null {
  const parsed = parseRoomName(room);
  return parsed === null ? null : { space: parsed.spaceId, doc: parsed.docId };
}

/** Turns a `doc_meta` row into a marker, refusing a corrupt row. */
export function markerFromRow(row: Record<string, unknown>): StoredMarker {
  const { doc, state_vector: sv, updated_at: at, updated_by: by } = row;
  if (
    typeof doc !== 'string' ||
    !(sv instanceof Uint8Array) ||
    typeof at !== 'number' ||
    (by !== null && typeof by !== 'string')
  ) {
    throw new Error('corrupt doc_meta row');
  }
  return { docId: doc, stateVector: sv, updatedAt: at, updatedBy: by };
}

/**
 * Writes a marker for every stored room that has none (a database from
 * before markers existed): the state vector of its merged updates, time 0
 * and writer unknown. Runs once per such room; a no-op afterwards.
 */
export function backfillMarkers(db: DatabaseSync): number {
  const rooms = db
    .prepare('SELECT DISTINCT room FROM updates WHERE room NOT IN (SELECT room FROM doc_meta)')
    .all();
  const select = db.prepare('SELECT data FROM updates WHERE room = ? ORDER BY seq');
  const upsert = db.prepare(UPSERT_STATE_VECTOR);
  let written = 0;
  for (const { room } of rooms) {
    if (typeof room !== 'string') continue;
    const key = markerKey(room);
    if (key === null) continue;
    const updates = select
      .all(room)
      .flatMap(({ data }) => (data instanceof Uint8Array ? [data] : []));
    let stateVector: Uint8Array;
    try {
      stateVector = Y.encodeStateVectorFromUpdate(Y.mergeUpdates(updates));
    } catch {
      // Rows that do not merge are left to the room's loader (it skips and logs them).
      continue;
    }
    upsert.run(room, key.space, key.doc, stateVector);
    written += 1;
  }
  return written;
}
