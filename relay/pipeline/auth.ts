/**
 * Authentication and access stages. Issue 2 has no accounts, so both pass
 * everyone through; issue 3 plugs in JWT verification (4401) and space roles
 * (4403, read-only viewers) behind the same two interfaces.
 */
import type { RoomName } from '../../shared/wire.ts';
import type { MaybePromise } from '../storage/types.ts';
import { pass, type ConnectionRequest, type StageResult } from './types.ts';

/** Who is connecting. */
export interface Principal {
  /** Stable id (a token's `sub`), or `anonymous`. */
  readonly id: string;
}

/** What a principal may do in a room. */
export interface Access {
  /** False for viewers: their updates are dropped, neither stored nor relayed. */
  readonly canWrite: boolean;
}

export interface Authenticator {
  /** Identifies the caller, or refuses (4401) before any document data is sent. */
  authenticate(request: ConnectionRequest): MaybePromise<StageResult<Principal>>;
}

export interface Authorizer {
  /** Decides what `principal` may do in `room`, or refuses (4403). */
  authorize(principal: Principal, room: RoomName): MaybePromise<StageResult<Access>>;
}

export const ANONYMOUS: Principal = { id: 'anonymous' };

/** Lets everyone in as `anonymous` (no identity provider configured). */
export const anonymousAuthenticator: Authenticator = {
  authenticate: () => pass(ANONYMOUS),
};

/** Lets every principal read and write every room. */
export const allowAllAuthorizer: Authorizer = {
  authorize: () => pass({ canWrite: true }),
};
