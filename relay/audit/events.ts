/**
 * What the relay's refusal points and REST dispatcher report, for the audit
 * log (hooks.ts turns them into entries). Kept free of the audit store so
 * the socket and HTTP code depend on these shapes only.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Principal } from '../pipeline/auth.ts';

/** A socket's connection or update refused by the relay. */
export interface SocketRefusal {
  /** Null when refused before the token was verified. */
  readonly principal: Principal | null;
  /** The room path of the socket (`/<spaceId>/<docId>`), as requested. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly remoteAddress: string | undefined;
  /** The close code, or null when an update was refused and the socket stays open. */
  readonly code: number | null;
  readonly reason: string;
}

/** A REST request refused with an error status. */
export interface HttpRefusal {
  readonly principal: Principal | null;
  readonly method: string;
  readonly path: string;
  /** The route's operation id when one matched. */
  readonly operationId: string | null;
  readonly headers: IncomingHttpHeaders;
  readonly remoteAddress: string | undefined;
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/** A REST request served successfully. */
export interface HttpServed {
  readonly principal: Principal;
  readonly operationId: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly status: number;
  readonly result: unknown;
  readonly headers: IncomingHttpHeaders;
  readonly remoteAddress: string | undefined;
}
