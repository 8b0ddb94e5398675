/**
 * Version history routes; shapes in shared/history-api.ts. A document is a
 * note or the space's index (`index`: the page tree and templates, so a
 * wiped tree can be restored too).
 *
 * - Reading (list, one snapshot) is for members, viewers included: a viewer
 *   may read the document, so may read its past.
 * - "Save version now" is for owners and editors (403 for viewers), like
 *   writing to the document itself, at most `manualSnapshotsPerHour` per
 *   person (429 past it).
 * - An unknown space is 404; a space the caller is not in is 403 (as for
 *   members). A malformed doc or snapshot id, a snapshot of another document
 *   and a document with nothing stored are 404.
 */
import type { Role } from '../../shared/api.ts';
import { canWrite } from '../../shared/api.ts';
import { SNAPSHOT_ID_PATTERN, type SnapshotMeta } from '../../shared/history-api.ts';
import { ID_PATTERN, type RoomName } from '../../shared/wire.ts';
import type { SnapshotRow } from '../history/sqlite-snapshots.ts';
import { API } from '../../shared/rest/index.ts';
import type { ApiDeps, ApiRequest, ApiRoute } from './api-types.ts';
import { memberOf } from './route-access.ts';
import { HttpError, limitExceeded } from './json.ts';

/** The document named by the path and the caller's role (members only). */
async function noteAndRole(
  deps: ApiDeps,
  req: ApiRequest,
): Promise<{ room: RoomName; role: Role }> {
  const { spaceId, role } = await memberOf(deps, req);
  const docId = req.params['docId'] ?? '';
  if (!ID_PATTERN.test(docId)) throw new HttpError(404, 'not_found', 'no such document');
  return { room: { spaceId, docId }, role };
}

/** Metadata as served, with the saver's name when the directory knows them. */
async function describe(deps: ApiDeps, rows: readonly SnapshotRow[]): Promise<SnapshotMeta[]> {
  const names = new Map<string, string | undefined>();
  for (const by of new Set(rows.flatMap((r) => (r.createdBy === null ? [] : [r.createdBy])))) {
    names.set(by, (await deps.store.getPerson(by))?.name);
  }
  return rows.map((row) => {
    const name = row.createdBy === null ? undefined : names.get(row.createdBy);
    return {
      id: row.id,
      docId: row.docId,
      createdAt: row.createdAt,
      createdBy: row.createdBy,
      ...(name === undefined ? {} : { createdByName: name }),
      reason: row.reason,
      size: row.size,
    };
  });
}

export const HISTORY_ROUTES: readonly ApiRoute[] = [
  {
    ...API.listSnapshots,
    handle: async (deps, req) => {
      const { room } = await noteAndRole(deps, req);
      return {
        status: 200,
        body: { snapshots: await describe(deps, await deps.history.list(room)) },
      };
    },
  },
  {
    ...API.saveSnapshot,
    handle: async (deps, req) => {
      const { room, role } = await noteAndRole(deps, req);
      if (!canWrite(role)) {
        throw new HttpError(403, 'forbidden', 'viewers cannot save versions');
      }
      // Thinning keeps a burst from displacing older versions; the rate bounds the storage it costs.
      const rate = deps.rates.manualSnapshots.take(req.principal.id);
      if (!rate.ok) {
        throw limitExceeded(
          'manualSnapshotsPerHour',
          rate.retryAfterMs,
          'you have saved too many versions this hour',
        );
      }
      const result = await deps.history.save(room, 'manual', req.principal.id);
      if (result === null)
        throw new HttpError(404, 'not_found', 'this document has no content yet');
      const [meta] = await describe(deps, [result.snapshot]);
      return { status: result.created ? 201 : 200, body: meta };
    },
  },
  {
    ...API.getSnapshot,
    handle: async (deps, req) => {
      const { room } = await noteAndRole(deps, req);
      const id = req.params['snapshotId'] ?? '';
      const snapshot = SNAPSHOT_ID_PATTERN.test(id) ? await deps.history.get(room, id) : null;
      if (snapshot === null)
        throw new HttpError(404, 'not_found', 'no such snapshot of this document');
      const { state, ...row } = snapshot;
      const [meta] = await describe(deps, [row]);
      return { status: 200, body: { ...meta, update: Buffer.from(state).toString('base64') } };
    },
  },
];
