/**
 * Open spaces (contract in shared/rest/open-spaces.ts):
 * - `GET /api/open-spaces?q=`: the company's open spaces, for people of the
 *   company (an address outside the internal domains gets 403), with member
 *   counts, owners and recent activity read from the stored documents' markers;
 * - `POST …/join`: an open space makes the caller a member with its join
 *   role; a private one answers 404 like an unknown one, so the route tells
 *   nothing about spaces the caller cannot find in the directory;
 * - `POST …/leave`: the caller leaves (409 for the last owner);
 * - `GET|PUT …/visibility`: members read it, owners set it. A label whose
 *   policy forbids copying text out (Restricted by default) keeps a space
 *   private: it is meant for a need-to-know circle.
 * Joining, leaving and visibility changes are audited by the dispatcher's
 * hooks (audit/hooks.ts). A space made private re-checks every open socket
 * of it at once (readers who never joined are closed with 4403).
 */
import {
  CLASSIFICATION_FORBIDS_OPEN,
  OPEN_SPACES_LIMIT,
  OPEN_SPACES_QUERY_MAX,
  RECENT_ACTIVITY_DAYS,
  SetSpaceVisibilityRequestSchema,
  type OpenSpace,
} from '../../shared/open-spaces-api.ts';
import { API } from '../../shared/rest/index.ts';
import { SPACE_INDEX_DOC_ID } from '../../shared/wire.ts';
import { EVERYONE_IN_SPACE } from '../fanout/types.ts';
import { isCompanyMember } from '../spaces/authorizer.ts';
import type { OpenSpaceRow } from '../spaces/open-spaces.ts';
import type { ApiDeps, ApiRoute } from './api-types.ts';
import { HttpError } from './json.ts';
import { memberOf, spaceAndRole } from './route-access.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Adds the owners, the last edit and the notes edited recently (from the space's stored markers). */
async function withActivity(deps: ApiDeps, row: OpenSpaceRow): Promise<OpenSpace> {
  const since = deps.now() - RECENT_ACTIVITY_DAYS * DAY_MS;
  let lastEditedAt: number | null = null;
  let notesChangedRecently = 0;
  for (const marker of await deps.docMarkers(row.space.id)) {
    lastEditedAt = Math.max(lastEditedAt ?? 0, marker.updatedAt);
    // The page tree is not a note: moving pages is not writing them.
    if (marker.docId !== SPACE_INDEX_DOC_ID && marker.updatedAt >= since) notesChangedRecently++;
  }
  const owners = (await deps.store.members(row.space.id))
    .filter((member) => member.role === 'owner')
    .map(({ id, name, email }) => ({ id, ...(name ? { name } : {}), ...(email ? { email } : {}) }));
  return {
    ...row.space,
    joinRole: row.joinRole,
    members: row.members,
    owners,
    lastEditedAt,
    notesChangedRecently,
    myRole: row.myRole,
  };
}

function notOpen(): HttpError {
  return new HttpError(404, 'not_found', 'no such open space');
}

export const OPEN_SPACE_ROUTES: readonly ApiRoute[] = [
  {
    ...API.listOpenSpaces,
    handle: async (deps, req) => {
      if (!isCompanyMember(req.principal, deps.classification.config.internalDomains)) {
        throw new HttpError(403, 'forbidden', 'only people of the company see its open spaces');
      }
      const q = (req.query.get('q') ?? '').trim();
      if (q.length > OPEN_SPACES_QUERY_MAX) {
        throw new HttpError(
          400,
          'invalid_query',
          `q must be at most ${OPEN_SPACES_QUERY_MAX} characters`,
        );
      }
      const rows = await deps.store.openSpaces.listOpen(req.principal.id, q, OPEN_SPACES_LIMIT);
      const spaces = await Promise.all(rows.map((row) => withActivity(deps, row)));
      return { status: 200, body: { spaces } };
    },
  },
  {
    ...API.joinSpace,
    handle: async (deps, req) => {
      const { spaceId, role: before } = await spaceAndRole(deps, req).catch(() => {
        throw notOpen();
      });
      if (
        before === null &&
        !isCompanyMember(req.principal, deps.classification.config.internalDomains)
      ) {
        throw notOpen();
      }
      const role = await deps.store.openSpaces.join(spaceId, req.principal.id);
      const space = await deps.store.getSpace(spaceId);
      if (role === null || space === null) throw notOpen();
      // Open sockets of this person in the space may write now (an editor's join role).
      if (before === null) deps.publishMembership({ spaceId, userId: req.principal.id, role });
      return { status: 200, body: { ...space, role } };
    },
  },
  {
    ...API.leaveSpace,
    handle: async (deps, req) => {
      const { spaceId } = await spaceAndRole(deps, req);
      const result = await deps.store.removeMember(spaceId, req.principal.id);
      if (result === 'not-member') {
        throw new HttpError(404, 'not_member', 'you are not a member of this space');
      }
      if (result === 'last-owner') {
        throw new HttpError(
          409,
          'last_owner',
          'a space must keep an owner: make someone else owner first',
        );
      }
      deps.publishMembership({ spaceId, userId: req.principal.id, role: null });
      return { status: 204 };
    },
  },
  {
    ...API.getSpaceVisibility,
    handle: async (deps, req) => {
      const { spaceId } = await memberOf(deps, req);
      const value = await deps.store.openSpaces.visibilityOf(spaceId);
      if (value === null) throw new HttpError(404, 'not_found', 'no such space');
      return { status: 200, body: value };
    },
  },
  {
    ...API.setSpaceVisibility,
    handle: async (deps, req) => {
      const { spaceId, role } = await spaceAndRole(deps, req);
      if (role !== 'owner') {
        throw new HttpError(403, 'forbidden', 'only owners of this space change who may find it');
      }
      const body = SetSpaceVisibilityRequestSchema.parse(req.body);
      const current = await deps.store.openSpaces.visibilityOf(spaceId);
      if (current === null) throw new HttpError(404, 'not_found', 'no such space');
      if (body.visibility === 'open') {
        const label = await deps.classification.labelOf(spaceId);
        if (!label.copyOutAllowed) {
          throw new HttpError(
            403,
            CLASSIFICATION_FORBIDS_OPEN,
            `this space is classified ${label.name}, which keeps it private`,
          );
        }
      }
      const value = { visibility: body.visibility, joinRole: body.joinRole ?? current.joinRole };
      if (!(await deps.store.openSpaces.setVisibility(spaceId, value))) {
        throw new HttpError(404, 'not_found', 'no such space');
      }
      // Readers who never joined lose a space made private at once, on every node.
      if (value.visibility !== current.visibility) {
        deps.publishMembership({ spaceId, userId: EVERYONE_IN_SPACE, role: null });
      }
      return { status: 200, body: value };
    },
  },
];
