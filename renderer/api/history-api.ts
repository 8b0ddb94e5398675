import type { SnapshotMeta } from '../../shared/history-api.ts';
import { API } from '../../shared/rest/index.ts';
import { createApiCall, type ApiCallOptions } from './api-call.ts';

/** A snapshot with its state decoded: `Y.encodeStateAsUpdate` of the note then. */
export interface Snapshot {
  readonly meta: SnapshotMeta;
  readonly update: Uint8Array;
}

/** Version history of notes; see shared/history-api.ts. */
export interface HistoryApi {
  /** The note's snapshots, newest first. */
  list(spaceId: string, docId: string): Promise<SnapshotMeta[]>;
  /** "Save version now" (owners and editors): the new snapshot, or the newest when nothing changed. */
  save(spaceId: string, docId: string): Promise<SnapshotMeta>;
  get(spaceId: string, docId: string, snapshotId: string): Promise<Snapshot>;
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function createHistoryApi(options: ApiCallOptions): HistoryApi {
  const call = createApiCall(options);
  return {
    list: async (spaceId, docId) =>
      (await call(API.listSnapshots, { params: { id: spaceId, docId } })).snapshots,
    save: (spaceId, docId) => call(API.saveSnapshot, { params: { id: spaceId, docId } }),
    get: async (spaceId, docId, snapshotId) => {
      const { update, ...meta } = await call(API.getSnapshot, {
        params: { id: spaceId, docId, snapshotId },
      });
      return { meta, update: fromBase64(update) };
    },
  };
}
