// A membership change reaches the person's open connections in other
// spaces as a SpacesChanged frame, so that a client shows a new space at once.
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { MessageType } from '../../shared/wire.ts';
import { ADA, GRACE, KATHERINE } from './demo-people.ts';
import { useApiRig } from './api-rig.ts';
import { synced, type TestClient } from './helpers.ts';

const rigs = useApiRig();

/** Counts SpacesChanged frames; `subscribe` asks the relay for them as the app does. */
function listen(client: TestClient, subscribe: boolean): { count: number } {
  const seen = { count: 0 };
  client.provider.messageHandlers[MessageType.SpacesChanged] = () => {
    seen.count += 1;
  };
  if (subscribe) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.SpacesChanged);
    client.provider.ws?.send(encoding.toUint8Array(encoder));
  }
  return seen;
}

describe('SpacesChanged', () => {
  it('tells a subscribed connection of the invited person, not an unsubscribed one, nor others', async () => {
    const rig = await rigs.start();
    const own = await rig.space(GRACE, { [KATHERINE]: 'editor' }, 'Grace’s own');
    const grace = rig.connect(`${own}/notes`, GRACE);
    const graceStock = rig.connect(`${own}/other`, GRACE);
    const katherine = rig.connect(`${own}/notes`, KATHERINE);
    await Promise.all([synced(grace), synced(graceStock), synced(katherine)]);
    const told = listen(grace, true);
    const stock = listen(graceStock, false);
    const other = listen(katherine, true);
    // The subscription is a message like any other: it is handled in order,
    // so a sync round trip after it proves the relay has read it.
    grace.text.insert(0, 'x');
    await expect.poll(() => katherine.text.toJSON()).toBe('x');

    const team = await rig.space(ADA);
    await rig.addMembers(team, ADA, { [GRACE]: 'editor' });
    await expect.poll(() => told.count).toBe(1);
    expect(stock.count).toBe(0);
    expect(other.count).toBe(0);

    // Removal is a change of her spaces too.
    const removed = await rig.api(ADA, 'DELETE', `/api/spaces/${team}/members/${GRACE}`);
    expect(removed.status).toBe(204);
    await expect.poll(() => told.count).toBe(2);
  });
});
