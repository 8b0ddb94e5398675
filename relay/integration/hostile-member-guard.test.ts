// A member sends a crafted update that makes Yjs spin and allocate: Yjs
// bubbles each changed type's event up through every enclosing type, so one
// small update that touches every level of a deep nest costs depth² time and
// memory. The relay tries such updates in a worker under a memory and time
// limit first: the sender is closed with 4413, nothing of the update is
// stored, and honest clients (in another room, and in the same one) carry on.
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/wire.ts';
import { encodeSyncUpdate } from '../protocol/encode.ts';
import { useApiRig } from './api-rig.ts';
import { ADA, GRACE, KATHERINE } from './demo-people.ts';
import { CRAFTED_DEPTH, craftedUpdates } from '../rules/crafted-updates.ts';
import { memberClient, whenSynced } from './hostile-member-helpers.ts';

const rigs = useApiRig();

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
    expect(levels).toBe(CRAFTED_DEPTH);
  });
});
