/**
 * The connection pipeline (handbook §2.5): each stage looks at the upgrade
 * request (and what earlier stages found) and either passes a value on or
 * refuses with a close code. A refusal closes the socket before any document
 * data is sent.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { MaybePromise } from '../storage/types.ts';

/** What stages may read of the WebSocket upgrade request. */
export interface ConnectionRequest {
  /** Path and query exactly as sent (never logged: the query may carry a token). */
  readonly rawUrl: string;
  /** The query string's parameters (y-websocket `params`, e.g. `token`). */
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly remoteAddress: string | undefined;
}

/** A stage refused the connection: close with `code`; `reason` goes to the client and the log. */
export interface Refusal {
  readonly ok: false;
  readonly code: number;
  /** Short (a WebSocket close reason holds at most 123 bytes) and free of secrets. */
  readonly reason: string;
}

export type StageResult<T> = { readonly ok: true; readonly value: T } | Refusal;

export type Stage<In, Out> = (input: In) => MaybePromise<StageResult<Out>>;

/** Builds a passing result. */
export function pass<T>(value: T): StageResult<T> {
  return { ok: true, value };
}

/** Builds a refusal. */
export function refuse(code: number, reason: string): Refusal {
  return { ok: false, code, reason };
}
