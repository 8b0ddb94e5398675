/**
 * Authentication and access stages. The pass-through pair below serves
 * `insecureOpenAccess` only; the relay otherwise uses JWT verification
 * (auth/token-authenticator.ts, 4401) and space roles (spaces/authorizer.ts,
 * 4403, read-only viewers) behind the same two interfaces.
 */
import type { TokenScope } from '../../shared/access-tokens-api.ts';
import type { RoomName } from '../../shared/wire.ts';
import type { MaybePromise } from '../storage/types.ts';
import { pass, type ConnectionRequest, type StageResult } from './types.ts';

/** Who is connecting. */
export interface Principal {
  /** Stable id (a token's `sub`), or `anonymous`. */
  readonly id: string;
  readonly name?: string | undefined;
  readonly email?: string | undefined;
  readonly department?: string | undefined;
  readonly title?: string | undefined;
  /** The IdP groups the token names (its configured groups claim); company admins are one of them. */
  readonly groups?: readonly string[] | undefined;
  /**
   * When the credential stops being valid (epoch milliseconds): an open
   * socket is closed with 4401 then. Absent: never (anonymous).
   */
  readonly expiresAtMs?: number;
  /**
   * Set when the caller presented an access token (REST only), not a
   * sign-in token: what it may do is limited to its scopes (relay/tokens).
   */
  readonly credential?: AccessCredential;
}

/** The access token a REST caller presented. */
export interface AccessCredential {
  readonly kind: 'person' | 'service';
  readonly tokenId: string;
  readonly scopes: readonly TokenScope[];
}

/** What a principal may do in a room. */
export interface Access {
  /** False for viewers: their updates are dropped, neither stored nor relayed. */
  readonly canWrite: boolean;
  /**
   * Set while a rule besides the role forbids writing (the acceptable-use
   * policy not yet accepted): updates are dropped as a viewer's are, and the
   * client is told this reason instead. Kept apart from `canWrite` so that a
   * role change does not lift it.
   */
  readonly blockedReason?: string;
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
