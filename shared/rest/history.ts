/** Versions of a note or of a space's index (page tree and templates). */
import {
  SnapshotListResponseSchema,
  SnapshotMetaSchema,
  SnapshotResponseSchema,
} from '../history-api.ts';
import { defineRoutes } from './contract.ts';

const SNAPSHOTS_PATH = '/api/spaces/{id}/docs/{docId}/snapshots';

export const HISTORY_ROUTES = defineRoutes({
  listSnapshots: {
    method: 'GET',
    path: SNAPSHOTS_PATH,
    operationId: 'listSnapshots',
    summary:
      'The snapshots of a note or of the space index (`index`), newest first, without their state (members, viewers included). Scheduled snapshots have no author. Kept by a thinning schedule: every one of the last hour, then one per hour for a day, one per day for 30 days, one per week after.',
    auth: true,
    responses: { 200: { description: 'the snapshots', schema: SnapshotListResponseSchema } },
    errors: [403, 404],
  },
  saveSnapshot: {
    method: 'POST',
    path: SNAPSHOTS_PATH,
    operationId: 'saveSnapshot',
    summary:
      'Saves a version of the note or space index as the relay has stored it (owners and editors, at most `manualSnapshotsPerHour` per person). 201 with the new snapshot, or 200 with the newest one when nothing changed since it.',
    auth: true,
    responses: {
      200: { description: 'nothing changed: the newest snapshot', schema: SnapshotMetaSchema },
      201: { description: 'the new snapshot', schema: SnapshotMetaSchema },
    },
    errors: [403, 404],
  },
  getSnapshot: {
    method: 'GET',
    path: `${SNAPSHOTS_PATH}/{snapshotId}`,
    operationId: 'getSnapshot',
    summary:
      'One snapshot of a note or space index with its state: `Y.encodeStateAsUpdate` of the document then, base64 (members, viewers included).',
    auth: true,
    responses: { 200: { description: 'the snapshot', schema: SnapshotResponseSchema } },
    errors: [403, 404],
  },
});
