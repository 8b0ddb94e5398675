/**
 * First stage: bounds the number of open connections (`maxConnections`).
 * Over the limit the socket is closed with 4429 and the client backs off.
 */
import { CloseCode } from '../../shared/wire.ts';
import { pass, refuse, type StageResult } from './types.ts';

export class ConnectionLimiter {
  readonly #max: number;
  #open = 0;

  constructor(maxConnections: number) {
    this.#max = maxConnections;
  }

  /** Open connections counted so far. */
  get open(): number {
    return this.#open;
  }

  /** Counts one more connection, or refuses with 4429 when at the limit. */
  admit(): StageResult<null> {
    if (this.#open >= this.#max) return refuse(CloseCode.Overloaded, 'relay at connection limit');
    this.#open += 1;
    return pass(null);
  }

  /** Counts one admitted connection closed. */
  release(): void {
    if (this.#open > 0) this.#open -= 1;
  }
}
