/**
 * Per-person share of the relay's connections (`maxConnectionsPerPerson`):
 * the relay-wide cap (connection-limits.ts) alone would let one token open
 * nearly every slot and leave everyone else with 4429. The person is known
 * only once the token is verified, so the count is taken at the access
 * stage: `authorizerFor` wraps the access stage of one socket, and a socket
 * past the person's share is refused with 4429 and a reason naming the
 * limit and when to retry. The count drops when that socket closes,
 * however it closes.
 */
import { CloseCode } from '../../shared/wire.ts';
import type { Authorizer } from './auth.ts';
import { refuse } from './types.ts';

/** Seconds a refused client is told to wait: long enough for one of its own sockets to close. */
export const PERSON_CONNECTIONS_RETRY_S = 30;

/** What the count needs of a socket (a `ws` WebSocket). */
export interface CountedSocket {
  /** 0 connecting, 1 open, 2 closing, 3 closed (the WebSocket API's values). */
  readonly readyState: number;
  once(event: 'close', listener: () => void): unknown;
}

export class PersonConnections {
  readonly #max: number;
  readonly #open = new Map<string, number>();

  constructor(maxPerPerson: number) {
    if (!Number.isInteger(maxPerPerson) || maxPerPerson < 1) {
      throw new Error('maxConnectionsPerPerson must be ≥ 1');
    }
    this.#max = maxPerPerson;
  }

  /** Open sockets counted for `person`. */
  openOf(person: string): number {
    return this.#open.get(person) ?? 0;
  }

  /** The access stage of `socket`: `inner`'s verdict, then the person's share. */
  authorizerFor(inner: Authorizer, socket: CountedSocket): Authorizer {
    return {
      authorize: async (principal, room) => {
        const verdict = await inner.authorize(principal, room);
        // A socket already closing is not counted: its 'close' may have fired.
        if (!verdict.ok || socket.readyState >= 2) return verdict;
        const person = principal.id;
        const open = this.openOf(person);
        if (open >= this.#max) {
          return refuse(
            CloseCode.Overloaded,
            `limit maxConnectionsPerPerson (${String(this.#max)}) reached; retry in ${String(PERSON_CONNECTIONS_RETRY_S)} s`,
          );
        }
        this.#open.set(person, open + 1);
        socket.once('close', () => {
          const left = this.openOf(person) - 1;
          if (left <= 0) this.#open.delete(person);
          else this.#open.set(person, left);
        });
        return verdict;
      },
    };
  }
}
