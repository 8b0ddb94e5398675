import { describe, expect, it } from 'vitest';
import { InProcessFanout } from './in-process.ts';
import type { FanoutPeer } from './types.ts';

function peer(): FanoutPeer & { got: Buffer[] } {
  const got: Buffer[] = [];
  return { got, send: (frame) => got.push(frame) };
}

describe('InProcessFanout', () => {
  it('sends the same buffer to every peer of the room except the sender', () => {
    const fanout = new InProcessFanout();
    const [a, b, c, other] = [peer(), peer(), peer(), peer()];
    fanout.join('s/d', a);
    fanout.join('s/d', b);
    fanout.join('s/d', c);
    fanout.join('s/other', other);
    const frame = Buffer.from([1, 2, 3]);
    fanout.publish('s/d', frame, a);
    expect(a.got).toEqual([]);
    expect(b.got[0]).toBe(frame);
    expect(c.got[0]).toBe(frame);
    expect(other.got).toEqual([]);
    expect(fanout.peerCount('s/d')).toBe(3);
  });

  it('forgets peers that leave and rooms left empty', () => {
    const fanout = new InProcessFanout();
    const a = peer();
    fanout.join('s/d', a);
    fanout.leave('s/d', a);
    fanout.publish('s/d', Buffer.from([1]), null);
    expect(a.got).toEqual([]);
    expect(fanout.peerCount('s/d')).toBe(0);
  });

  it('delivers membership changes to every handler, at once', () => {
    const fanout = new InProcessFanout();
    const seen: unknown[] = [];
    fanout.onMembership((change) => seen.push(['a', change]));
    fanout.onMembership((change) => seen.push(['b', change]));
    const change = { spaceId: 's', userId: 'u', role: null };
    fanout.publishMembership(change);
    expect(seen).toEqual([
      ['a', change],
      ['b', change],
    ]);
    fanout.close();
    fanout.publishMembership(change);
    expect(seen).toHaveLength(2);
  });
});
