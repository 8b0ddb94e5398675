/**
 * Restoring the space index (page tree and templates) from a snapshot, as an
 * ordinary edit of the live document: each restored map is made equal to
 * the snapshot's, key by key (values that differ are set again, keys the
 * snapshot lacks are deleted), in one transaction. So the restore syncs to
 * every member like any edit, the relay stores it like any edit, and it can
 * itself be undone from history. Change markers (`changes`) are left alone:
 * they record edits of notes, which a restore of the tree does not undo.
 *
 * The relay takes a template only in its sender's name, so a template that
 * someone else had saved comes back in the name of the person restoring it.
 */
import * as Y from 'yjs';
import { PAGES_KEY } from './space-index/schema.ts';
import { TEMPLATES_KEY } from './space-templates/templates.ts';

/** The maps of the space index a restore brings back. */
export const RESTORED_INDEX_MAPS: readonly string[] = [PAGES_KEY, TEMPLATES_KEY];

function sameValue(a: unknown, b: unknown): boolean {
  const aShared = a instanceof Y.AbstractType;
  const bShared = b instanceof Y.AbstractType;
  if (aShared !== bShared) return false;
  if (aShared && bShared) {
    return (
      a.constructor === b.constructor && JSON.stringify(a.toJSON()) === JSON.stringify(b.toJSON())
    );
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A template value saved in `person`'s name (other values, or no person: unchanged). */
function inNameOf(value: unknown, person: string | undefined): unknown {
  if (person === undefined || typeof value !== 'object' || value === null) return value;
  if (value instanceof Y.AbstractType || !('createdBy' in value)) return value;
  return value.createdBy === person ? value : { ...value, createdBy: person };
}

/**
 * Makes the maps `RESTORED_INDEX_MAPS` of `live` equal to those of the
 * snapshot `update` (`Y.encodeStateAsUpdate` of the index then);
 * templates come back in the name of `restoredBy` when given.
 * @returns how many keys were set or deleted (0: the tree was already so).
 */
export function restoreIndexFromSnapshot(
  live: Y.Doc,
  update: Uint8Array,
  origin?: unknown,
  restoredBy?: string,
): number {
  const past = new Y.Doc();
  let changes = 0;
  try {
    Y.applyUpdate(past, update);
    live.transact(() => {
      for (const name of RESTORED_INDEX_MAPS) {
        const target = live.getMap<unknown>(name);
        const source = past.getMap<unknown>(name);
        for (const key of [...target.keys()]) {
          if (!source.has(key)) {
            target.delete(key);
            changes += 1;
          }
        }
        for (const [key, value] of source.entries()) {
          if (target.has(key) && sameValue(target.get(key), value)) continue;
          // A shared type belongs to one document: the live one gets a copy.
          const copy = value instanceof Y.AbstractType ? value.clone() : value;
          target.set(key, name === TEMPLATES_KEY ? inNameOf(copy, restoredBy) : copy);
          changes += 1;
        }
      }
    }, origin);
  } finally {
    past.destroy();
  }
  return changes;
}
