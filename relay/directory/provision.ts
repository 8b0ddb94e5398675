/**
 * One path for every way people reach the directory (SCIM, an import of the
 * IdP's export, the development IdP's demo employees): store the entry,
 * write the audit entry, and when the person is (now) deactivated close
 * their live sockets everywhere.
 */
import type { AuditInput } from '../audit/types.ts';
import type { MembershipChange } from '../fanout/types.ts';
import type { SpaceStore } from '../spaces/types.ts';
import type { DirectoryEntry, DirectoryPerson } from './types.ts';

export interface ProvisionDeps {
  readonly store: SpaceStore;
  readonly publishMembership: (change: MembershipChange) => void;
  readonly audit: (input: AuditInput) => void;
}

/** Who provisioned, as the audit log names the actor. */
export type ProvisionSource = 'scim' | 'import' | 'development-idp';

/**
 * Closes every socket of `userId` on every node: a removal per space they
 * belong to goes through the fan-out. Their memberships stay, so a person
 * reactivated by the IdP has their spaces back.
 */
export async function deactivateLive(
  deps: Pick<ProvisionDeps, 'store' | 'publishMembership'>,
  userId: string,
): Promise<void> {
  for (const space of await deps.store.spacesOf(userId)) {
    deps.publishMembership({ spaceId: space.id, userId, role: null });
  }
}

export async function provisionPerson(
  deps: ProvisionDeps,
  entry: DirectoryEntry,
  source: ProvisionSource,
): Promise<DirectoryPerson | 'conflict'> {
  const before = await deps.store.directory.provisioned(entry.scimId);
  const stored = await deps.store.directory.provision(entry);
  if (stored === 'conflict') return stored;
  const deactivated = !stored.active && before?.active !== false;
  deps.audit({
    kind: deactivated
      ? 'directory.deactivated'
      : before === null
        ? 'directory.provisioned'
        : 'directory.updated',
    actor: source,
    target: stored.id,
    detail: { userName: stored.userName, scimId: stored.scimId, active: stored.active },
  });
  if (!stored.active) await deactivateLive(deps, stored.id);
  return stored;
}
