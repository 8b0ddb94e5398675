/**
 * Per-note change markers: the relay, or a client, records
 * the last change of each note in the space index, so a client that syncs
 * the small index learns which notes changed and fetches only those, with a
 * bounded number of sockets.
 *
 * A marker is a plain value per note doc id, last-writer-wins. Readers should
 * treat "marker differs from the one I stored when I last synced that note"
 * as "changed" (see `changedNotes`), not compare times: a concurrent write
 * may win with an older time, and clocks of different machines disagree.
 */
import type * as Y from 'yjs';
import { ID_PATTERN } from '../wire.ts';
import { SpaceIndexError } from './errors.ts';
import { CHANGES_KEY, MAX_USER_ID_LENGTH } from './schema.ts';

/** Longest `state` string accepted (a hash of the note's state vector, say). */
export const MAX_MARKER_STATE_LENGTH = 128;

export interface ChangeMarker {
  /** When the change was stored (milliseconds since the epoch, by the writer's clock). */
  readonly updatedAt: number;
  /** Who made the change (a user id). */
  readonly updatedBy: string;
  /** Optional digest of the note's state vector after the change. */
  readonly state?: string;
}

function changesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(CHANGES_KEY);
}

function readMarker(value: unknown): ChangeMarker | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const { updatedAt, updatedBy, state } = record;
  if (typeof updatedAt !== 'number' || !Number.isFinite(updatedAt)) return null;
  if (typeof updatedBy !== 'string') return null;
  return typeof state === 'string' ? { updatedAt, updatedBy, state } : { updatedAt, updatedBy };
}

/** Records the latest change of note `docId`; refuses malformed input with a SpaceIndexError. */
export function recordNoteChange(
  doc: Y.Doc,
  docId: string,
  marker: ChangeMarker,
  origin: unknown = null,
): void {
  if (!ID_PATTERN.test(docId))
    throw new SpaceIndexError(
      'invalid-id',
      'A note id is 1 to 64 characters of A-Z, a-z, 0-9, _ and -.',
    );
  if (!Number.isFinite(marker.updatedAt))
    throw new SpaceIndexError('invalid-marker', 'updatedAt must be a finite number.');
  if (marker.updatedBy.length === 0 || marker.updatedBy.length > MAX_USER_ID_LENGTH) {
    throw new SpaceIndexError(
      'invalid-user',
      `updatedBy is 1 to ${MAX_USER_ID_LENGTH} characters.`,
    );
  }
  if (marker.state !== undefined && marker.state.length > MAX_MARKER_STATE_LENGTH) {
    throw new SpaceIndexError(
      'invalid-marker',
      `state is at most ${MAX_MARKER_STATE_LENGTH} characters.`,
    );
  }
  const value: ChangeMarker =
    marker.state === undefined
      ? { updatedAt: marker.updatedAt, updatedBy: marker.updatedBy }
      : { updatedAt: marker.updatedAt, updatedBy: marker.updatedBy, state: marker.state };
  doc.transact(() => changesMap(doc).set(docId, value), origin);
}

/** The recorded marker of one note, or null (none, or malformed). */
export function readChangeMarker(doc: Y.Doc, docId: string): ChangeMarker | null {
  return readMarker(changesMap(doc).get(docId));
}

/** Every well-formed marker, by note doc id. */
export function readChangeMarkers(doc: Y.Doc): Map<string, ChangeMarker> {
  const out = new Map<string, ChangeMarker>();
  changesMap(doc).forEach((value, docId) => {
    const marker = readMarker(value);
    if (marker !== null && ID_PATTERN.test(docId)) out.set(docId, marker);
  });
  return out;
}

function sameMarker(a: ChangeMarker, b: ChangeMarker): boolean {
  return a.updatedAt === b.updatedAt && a.updatedBy === b.updatedBy && a.state === b.state;
}

/**
 * Note ids whose current marker differs from the one `known` holds (what
 * this client stored after it last synced each note), sorted.
 */
export function changedNotes(
  current: ReadonlyMap<string, ChangeMarker>,
  known: ReadonlyMap<string, ChangeMarker>,
): string[] {
  const changed: string[] = [];
  for (const [docId, marker] of current) {
    const seen = known.get(docId);
    if (seen === undefined || !sameMarker(seen, marker)) changed.push(docId);
  }
  return changed.sort();
}
