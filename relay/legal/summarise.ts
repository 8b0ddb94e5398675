/**
 * What one Yjs update did, read from its encoding without applying it: the
 * runs it inserted (text kept, other content counted) and the id ranges it
 * deleted. The deleted text itself is found later from the journal's own
 * inserts (attribution.ts), since an update names deleted items only by id.
 */
import * as Y from 'yjs';
import type { DeletedRange, InsertedRun } from './types.ts';

/** Most characters of inserted text kept per run (a paste of a whole book is summarised). */
export const MAX_RUN_TEXT = 10_000;

export interface UpdateSummary {
  readonly inserts: InsertedRun[];
  readonly deletes: DeletedRange[];
}

/** Inserted runs and deleted ranges of `update`; empty for one that does not decode. */
export function summariseUpdate(update: Uint8Array): UpdateSummary {
  const inserts: InsertedRun[] = [];
  const deletes: DeletedRange[] = [];
  let decoded;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return { inserts, deletes };
  }
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const { content } = struct;
    const text = content instanceof Y.ContentString ? content.str.slice(0, MAX_RUN_TEXT) : '';
    if (content instanceof Y.ContentFormat || content instanceof Y.ContentDeleted) continue;
    inserts.push({ client: struct.id.client, clock: struct.id.clock, length: struct.length, text });
  }
  for (const [client, items] of decoded.ds.clients) {
    for (const item of items) deletes.push({ client, clock: item.clock, length: item.len });
  }
  return { inserts, deletes };
}
