import { z } from 'zod';
import { ID_PATTERN } from './wire.ts';

/**
 * Version history of notes and of each space's index (`docId` `index`: the
 * page tree and templates), as the relay serves it and the renderer reads
 * it. A snapshot is the full Yjs state of one document at a moment
 * (`Y.encodeStateAsUpdate`), taken on a schedule or on demand, and kept by
 * a thinning schedule (every one of the last hour, hourly for a day, daily
 * for 30 days, weekly after) that no burst of saves can empty.
 *
 * - `GET  /api/spaces/{id}/docs/{docId}/snapshots`: the note's snapshots,
 *   newest first (members, viewers included).
 * - `POST /api/spaces/{id}/docs/{docId}/snapshots`: "Save version now"
 *   (owners and editors). 201 with the new snapshot; 200 with the newest one
 *   when the note has not changed since it (no duplicate is stored).
 * - `GET  /api/spaces/{id}/docs/{docId}/snapshots/{snapshotId}`: one
 *   snapshot with its state, base64.
 *
 * Restoring is no relay call: the client turns the snapshot into an ordinary
 * edit of the live note, so it syncs to everyone and can be undone.
 */

/** Why a snapshot exists: the relay's schedule, or a person's "Save version now" (rate-limited per person, 429). */
export const SnapshotReasonSchema = z.enum(['scheduled', 'manual']);
export type SnapshotReason = z.infer<typeof SnapshotReasonSchema>;

/** A snapshot id: 128 random bits, base64url (22 characters). */
export const SNAPSHOT_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** A snapshot without its state: what the list shows. */
export const SnapshotMetaSchema = z.object({
  id: z.string().regex(SNAPSHOT_ID_PATTERN),
  docId: z.string().regex(ID_PATTERN),
  /** Epoch milliseconds. */
  createdAt: z.number().int().nonnegative(),
  /** `sub` of the person who saved it; null for a scheduled snapshot. */
  createdBy: z.string().nullable(),
  /** Display name of `createdBy` when the directory knows them. */
  createdByName: z.string().optional(),
  reason: SnapshotReasonSchema,
  /** Bytes of the encoded state. */
  size: z.number().int().nonnegative(),
});
export type SnapshotMeta = z.infer<typeof SnapshotMetaSchema>;

export const SnapshotListResponseSchema = z.object({ snapshots: z.array(SnapshotMetaSchema) });
export type SnapshotListResponse = z.infer<typeof SnapshotListResponseSchema>;

/** One snapshot with its state: `Y.encodeStateAsUpdate` of the note, base64 (RFC 4648 §4). */
export const SnapshotResponseSchema = SnapshotMetaSchema.extend({
  update: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
});
export type SnapshotResponse = z.infer<typeof SnapshotResponseSchema>;

/** The path of a note's snapshots (and of one of them). */
export function snapshotsPath(spaceId: string, docId: string, snapshotId?: string): string {
  const base = `/api/spaces/${encodeURIComponent(spaceId)}/docs/${encodeURIComponent(docId)}/snapshots`;
  return snapshotId === undefined ? base : `${base}/${encodeURIComponent(snapshotId)}`;
}
