// An in-page stand-in for the relay: every document update and awareness
// update of one member reaches every other member, each delivery in its own
// task (as a WebSocket message would arrive), never inside the sender's
// keystroke. Awareness travels encoded, as y-websocket sends it, so remote
// cursors arrive as JSON relative positions just as in the app.
import { applyAwarenessUpdate, encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';

export interface Member {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
}

export interface Relay {
  /** Resolves when every queued delivery has been made. */
  drained(): Promise<void>;
  /** Deliveries made to `member` so far. */
  received(member: Member): { updates: number; awareness: number };
  close(): void;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

const ORIGIN = Symbol('relay');

export function connect(members: readonly Member[]): Relay {
  const queue: (() => void)[] = [];
  const channel = new MessageChannel();
  let idle: (() => void)[] = [];
  channel.port1.onmessage = () => {
    queue.shift()?.();
    if (queue.length === 0) {
      for (const resolve of idle) resolve();
      idle = [];
    }
  };
  const send = (deliver: () => void): void => {
    queue.push(deliver);
    channel.port2.postMessage(null);
  };
  const counts = new Map<Member, { updates: number; awareness: number }>(
    members.map((m) => [m, { updates: 0, awareness: 0 }]),
  );
  const count = (member: Member, key: 'updates' | 'awareness'): void => {
    const c = counts.get(member);
    if (c) c[key] += 1;
  };
  const off: (() => void)[] = [];
  for (const member of members) {
    const others = members.filter((m) => m !== member);
    const onUpdate = (update: Uint8Array, origin: unknown): void => {
      if (origin === ORIGIN) return;
      for (const other of others) {
        send(() => {
          Y.applyUpdate(other.doc, update, ORIGIN);
          count(other, 'updates');
        });
      }
    };
    const onAwareness = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
      if (origin === ORIGIN) return;
      const update = encodeAwarenessUpdate(member.awareness, [...added, ...updated, ...removed]);
      for (const other of others) {
        send(() => {
          applyAwarenessUpdate(other.awareness, update, ORIGIN);
          count(other, 'awareness');
        });
      }
    };
    member.doc.on('update', onUpdate);
    member.awareness.on('update', onAwareness);
    off.push(() => {
      member.doc.off('update', onUpdate);
      member.awareness.off('update', onAwareness);
    });
  }
  return {
    drained: () =>
      queue.length === 0
        ? Promise.resolve()
        : new Promise((resolve) => {
            idle.push(resolve);
          }),
    received: (member) => counts.get(member) ?? { updates: 0, awareness: 0 },
    close: () => {
      for (const f of off) f();
      channel.port1.close();
    },
  };
}
