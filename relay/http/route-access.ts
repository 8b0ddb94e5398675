/**
 * Access checks shared by the REST routes: the space named by the path must
 * exist (else 404, whether or not the caller may see it: ids are random, so
 * a 404 tells nothing), and the caller's role in it decides the rest.
 */
import type { Role } from '../../shared/api.ts';
import { ID_PATTERN } from '../../shared/wire.ts';
import { spaceAccess, type SpaceAccess } from '../spaces/authorizer.ts';
import type { ApiDeps, ApiRequest } from './api-types.ts';
import { HttpError } from './json.ts';

/** A path parameter the route template guarantees. */
export function param(req: ApiRequest, name: string): string {
  const value = req.params[name];
  if (value === undefined) throw new Error(`route lacks parameter ${name}`);
  return value;
}

/** The space's id, checked to exist; the caller's role in it (null: not a member). */
export async function spaceAndRole(
  deps: ApiDeps,
  req: ApiRequest,
): Promise<{ spaceId: string; role: Role | null }> {
  const spaceId = param(req, 'id');
  if (!ID_PATTERN.test(spaceId) || (await deps.store.getSpace(spaceId)) === null) {
    throw new HttpError(404, 'not_found', 'no such space');
  }
  return { spaceId, role: await deps.store.roleOf(spaceId, req.principal.id) };
}

/** As {@link spaceAndRole}, for routes only members may use: 403 for anyone else. */
export async function memberOf(
  deps: ApiDeps,
  req: ApiRequest,
): Promise<{ spaceId: string; role: Role }> {
  const { spaceId, role } = await spaceAndRole(deps, req);
  if (role === null) throw new HttpError(403, 'forbidden', 'you are not a member of this space');
  return { spaceId, role };
}

/**
 * As {@link spaceAndRole}, for routes a reader of an open space may use too
 * (the same rule as the socket authorizer, spaces/authorizer.ts): 403 for
 * anyone who may not read the space.
 */
export async function readerOf(
  deps: ApiDeps,
  req: ApiRequest,
): Promise<{ spaceId: string; access: NonNullable<SpaceAccess> }> {
  const { spaceId } = await spaceAndRole(deps, req);
  const internal = deps.classification.config.internalDomains;
  const access = await spaceAccess(deps.store, req.principal, spaceId, internal);
  if (access === null) throw new HttpError(403, 'forbidden', 'you are not a member of this space');
  return { spaceId, access };
}
