/**
 * Access stage for space roles: the room `<spaceId>/<docId>`
 * belongs to a space; only its members get in (4403 otherwise, before any
 * document data), and only owners and editors may write.
 */
import { canWrite } from '../../shared/api.ts';
import { CloseCode } from '../../shared/wire.ts';
import type { Authorizer } from '../pipeline/auth.ts';
import { pass, refuse } from '../pipeline/types.ts';
import type { SpaceStore } from './types.ts';

/** Reason sent with 4403 to non-members; the same whether or not the space exists. */
export const NOT_A_MEMBER_REASON = 'not a member of this space';

/** Builds the authorizer that admits members of the room's space with their role. */
export function createSpaceAuthorizer(store: SpaceStore): Authorizer {
  return {
    async authorize(principal, room) {
      const role = await store.roleOf(room.spaceId, principal.id);
      if (role === null) return refuse(CloseCode.Forbidden, NOT_A_MEMBER_REASON);
      return pass({ canWrite: canWrite(role) });
    },
  };
}
