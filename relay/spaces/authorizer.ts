/**
 * Access stage for space roles: the room `<spaceId>/<docId>` belongs to a
 * space; its members get in with their role (only owners and editors may
 * write). A space its owners made open also lets in, read-only, anyone of
 * the company who has not joined it. Everyone else is refused with 4403
 * before any document data. REST routes ask the same question through
 * {@link spaceAccess}, so a socket, a note list and search agree on who may
 * read a space.
 */
import { canWrite, type Role } from '../../shared/api.ts';
import { CloseCode } from '../../shared/wire.ts';
import { isExternal } from '../classification/policy.ts';
import { ANONYMOUS, type Authorizer, type Principal } from '../pipeline/auth.ts';
import { pass, refuse } from '../pipeline/types.ts';
import type { SpaceStore } from './types.ts';

/** Reason sent with 4403 to non-members; the same whether or not the space exists. */
export const NOT_A_MEMBER_REASON = 'not a member of this space';

/** How someone may read a space: as a member with a role, as a reader of an open space, or not. */
export type SpaceAccess =
  { readonly kind: 'member'; readonly role: Role } | { readonly kind: 'reader' } | null;

/**
 * Whether a principal counts as one of the company: signed in (not the
 * anonymous principal) with an address in the internal domains (when the
 * relay knows them). Deactivated people never get this far: the
 * authenticator refuses their tokens (spaces/people-recorder.ts).
 */
export function isCompanyMember(principal: Principal, internalDomains: readonly string[]): boolean {
  return principal.id !== ANONYMOUS.id && !isExternal(principal.email, internalDomains);
}

/** What `principal` may do in `spaceId`: the one answer sockets and REST routes share. */
export async function spaceAccess(
  store: SpaceStore,
  principal: Principal,
  spaceId: string,
  internalDomains: readonly string[],
): Promise<SpaceAccess> {
  const role = await store.roleOf(spaceId, principal.id);
  if (role !== null) return { kind: 'member', role };
  if (!isCompanyMember(principal, internalDomains)) return null;
  const open = await store.openSpaces.visibilityOf(spaceId);
  return open?.visibility === 'open' ? { kind: 'reader' } : null;
}

/**
 * Builds the authorizer that admits members of the room's space with their
 * role, and people of the company (not from `internalDomains`' outside) to
 * open spaces read-only.
 */
export function createSpaceAuthorizer(
  store: SpaceStore,
  internalDomains: readonly string[] = [],
): Authorizer {
  return {
    async authorize(principal, room) {
      const access = await spaceAccess(store, principal, room.spaceId, internalDomains);
      if (access === null) return refuse(CloseCode.Forbidden, NOT_A_MEMBER_REASON);
      return pass({ canWrite: access.kind === 'member' && canWrite(access.role) });
    },
  };
}
