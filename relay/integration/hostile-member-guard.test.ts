// A member sends a crafted update that makes Yjs spin and allocate: Yjs
// bubbles each changed type's event up through every enclosing type, so one
// small update that touches every level of a deep nest costs depth² time and
// memory. The relay tries such updates in a worker under a memory and time
// limit first: the sender is closed with 4413, nothing of the update is
// stored, and honest clients (in another room, and in the same one) carry on.
import * as encoding from 'lib0/encoding';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/wire.ts';
import { encodeSyncUpdate } from '../protocol/encode.ts';
import { useApiRig } from './api-rig.ts';
import { ADA, GRACE, KATHERINE } from './demo-people.ts';
import { memberClient, whenSynced } from './hostile-member-helpers.ts';

const rigs = useApiRig();

/** Levels of the nest: applying the second update below takes about 120 MiB (n² event entries). */
const DEPTH = 3_000;

/** An encoded state vector saying `client` is known up to its current clock in `doc`. */
function knowing(doc: Y.Doc, client: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, Y.getState(doc.store, client));
  return encoding.toUint8Array(encoder);
}

/**
 * Two updates: the first nests DEPTH maps (cheap to apply), the second sets
 * one key in each of them. Both are made in one transaction under two client
 * ids, so that building them here costs nothing (the nest is new to that
 * transaction, and Yjs bubbles events only for types that existed before),
 * then split by client.
 */
function craftedUpdates(): { nest: Uint8Array; touchAll: Uint8Array } {
  const doc = new Y.Doc();
  const nestClient = doc.clientID;
  const keyClient = nestClient + 1;
  doc.transact(() => {
    const maps: Y.Map<unknown>[] = [];
    let parent = doc.getMap('outline');
    for (let i = 0; i < DEPTH; i++) {
      const child = new Y.Map<unknown>();
      parent.set('child', child);
      maps.push(child);
      parent = child;
    }
    doc.clientID = keyClient;
    for (const map of maps) map.set('k', 1);
  });
  return {
    nest: Y.encodeStateAsUpdate(doc, knowing(doc, keyClient)),
    touchAll: Y.encodeStateAsUpdate(doc, knowing(doc, nestClient)),
  };
}

describe('a crafted update cannot stall the relay', () => {
  it('closes its sender with 4413, stores none of it, and other rooms carry on', async () => {
    // A worker heap well under what the crafted update needs, and time to
    // spare for the honest first update on a busy machine: the cut-off comes
    // from running out of memory (or, if the heap thrashes first, of time).
    const rig = await rigs.start({
      limits: { updateGuardMemoryMb: 32, updateGuardTimeoutMs: 30_000 },
    });
    const space = await rig.space(ADA, { [GRACE]: 'editor', [KATHERINE]: 'viewer' });
    const { nest, touchAll } = craftedUpdates();

    const elsewhereAda = memberClient(rig, `${space}/other`, ADA, { header: true });
    const elsewhereKate = memberClient(rig, `${space}/other`, KATHERINE, { header: true });
    await Promise.all([whenSynced(elsewhereAda), whenSynced(elsewhereKate)]);

    const grace = await rig.openRaw(`/${space}/plan?token=${rig.tokens[GRACE]}`);
    grace.socket.send(encodeSyncUpdate(nest));
    grace.socket.send(encodeSyncUpdate(touchAll));
    // An honest edit in another room while the crafted one is being tried.
    elsewhereAda.doc.getText('body').insert(0, 'meanwhile');
    await vi.waitFor(() => {
      expect(elsewhereKate.doc.getText('body').toJSON()).toBe('meanwhile');
    });

    const closed = await grace.closed;
    expect(closed.code).toBe(CloseCode.UpdateTooCostly);
    expect(closed.reason).toMatch(/^update refused: (needed more than 32 MiB|took longer)/);

    // The same room still works, and holds the nest but none of the crafted update.
    const ada = memberClient(rig, `${space}/plan`, ADA, { header: true });
    await whenSynced(ada);
    ada.doc.getText('body').insert(0, 'after');
    const kate = memberClient(rig, `${space}/plan`, KATHERINE, { header: true });
    await vi.waitFor(() => {
      expect(kate.doc.getText('body').toJSON()).toBe('after');
    });
    let map = kate.doc.getMap<unknown>('outline');
    let levels = 0;
    for (;;) {
      expect(map.has('k')).toBe(false);
      const child = map.get('child');
      if (!(child instanceof Y.Map)) break;
      map = child as Y.Map<unknown>;
      levels += 1;
    }
    expect(levels).toBe(DEPTH);
  });
});
