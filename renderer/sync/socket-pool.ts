/**
 * At most `limit` open relay sockets in total, however many
 * notes a space holds. Notes someone has open (`foreground`) come first; the
 * background sync of the other notes gets the free slots in request order,
 * and gives a slot up when a foreground note needs it.
 */
export interface SocketPool {
  /**
   * Asks for a slot for `key`: `start` runs when it is granted, `stop` when
   * it is taken back (to give it to a foreground note). Asking again for a
   * key that waits or holds a slot only changes its priority.
   */
  request(key: string, foreground: boolean, start: () => void, stop: () => void): void;
  /** Gives the slot (or the place in the queue) of `key` back. */
  release(key: string): void;
  /** Keys holding a slot now. */
  active(): readonly string[];
  /** Keys waiting for a slot. */
  waiting(): readonly string[];
}

interface Ticket {
  readonly key: string;
  foreground: boolean;
  readonly start: () => void;
  readonly stop: () => void;
}

export const MAX_SOCKETS = 16;

export function createSocketPool(limit: number = MAX_SOCKETS): SocketPool {
  if (!Number.isInteger(limit) || limit < 1) throw new Error('socket pool limit must be ≥ 1');
  const holding = new Map<string, Ticket>();
  const queue: Ticket[] = [];

  function next(): Ticket | undefined {
    const i = queue.findIndex((t) => t.foreground);
    return queue.splice(i === -1 ? 0 : i, 1)[0];
  }

  function pump(): void {
    while (holding.size < limit && queue.length > 0) {
      const ticket = next();
      if (!ticket) return;
      holding.set(ticket.key, ticket);
      ticket.start();
    }
    // A foreground note still waiting takes a background note's slot.
    for (;;) {
      const waiting = queue.findIndex((t) => t.foreground);
      const victim = [...holding.values()].find((t) => !t.foreground);
      const ticket = queue[waiting];
      if (waiting === -1 || !victim || !ticket) return;
      holding.delete(victim.key);
      victim.stop();
      queue.splice(waiting, 1);
      queue.push(victim); // it resumes when a slot frees up
      holding.set(ticket.key, ticket);
      ticket.start();
    }
  }

  return {
    request(key, foreground, start, stop) {
      const held = holding.get(key);
      if (held) held.foreground = foreground;
      const queued = queue.find((t) => t.key === key);
      if (queued) queued.foreground = foreground;
      else if (!held) queue.push({ key, foreground, start, stop });
      pump();
    },
    release(key) {
      const i = queue.findIndex((t) => t.key === key);
      if (i !== -1) queue.splice(i, 1);
      if (holding.delete(key)) pump();
    },
    active: () => [...holding.keys()],
    waiting: () => queue.map((t) => t.key),
  };
}
