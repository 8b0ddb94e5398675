import { z } from 'zod';
import { PersonSchema, RoleSchema, SpaceSchema } from './api.ts';

/**
 * Open spaces: a space is private (members are invited; the default) or
 * open (anyone in the company finds it in the space directory, reads it
 * without joining, and joins it with the role its owners chose). The relay's
 * authorizer is the only judge of this; see relay/spaces/authorizer.ts.
 */

export const VISIBILITIES = ['private', 'open'] as const;
export const VisibilitySchema = z.enum(VISIBILITIES);
export type Visibility = z.infer<typeof VisibilitySchema>;

/** The role someone who joins an open space gets: never owner. */
export const JoinRoleSchema = z.enum(['editor', 'viewer']);
export type JoinRole = z.infer<typeof JoinRoleSchema>;

/** `GET /api/spaces/{id}/visibility` (members) and the answer of setting it. */
export const SpaceVisibilitySchema = z.object({
  visibility: VisibilitySchema,
  joinRole: JoinRoleSchema,
});
export type SpaceVisibility = z.infer<typeof SpaceVisibilitySchema>;

/** `PUT /api/spaces/{id}/visibility` body (owners only); `joinRole` left out keeps its value. */
export const SetSpaceVisibilityRequestSchema = z
  .object({ visibility: VisibilitySchema, joinRole: JoinRoleSchema.optional() })
  .strict();
export type SetSpaceVisibilityRequest = z.infer<typeof SetSpaceVisibilityRequestSchema>;

/** Days counted as "recent" in the directory's activity figure. */
export const RECENT_ACTIVITY_DAYS = 7;
/** Most open spaces one directory answer lists. */
export const OPEN_SPACES_LIMIT = 50;
/** Longest search text of the directory. */
export const OPEN_SPACES_QUERY_MAX = 100;

/** One entry of `GET /api/open-spaces`. */
export const OpenSpaceSchema = SpaceSchema.extend({
  joinRole: JoinRoleSchema,
  /** How many members it has. */
  members: z.number().int().nonnegative(),
  /** Its owners, by name: whom to ask about it. */
  owners: z.array(PersonSchema),
  /** Epoch milliseconds of its last stored edit, or null when nothing was written yet. */
  lastEditedAt: z.number().int().nonnegative().nullable(),
  /** Notes (documents) edited in the last `RECENT_ACTIVITY_DAYS` days. */
  notesChangedRecently: z.number().int().nonnegative(),
  /** The caller's role in it, or null when they have not joined. */
  myRole: RoleSchema.nullable(),
});
export type OpenSpace = z.infer<typeof OpenSpaceSchema>;
export const OpenSpacesResponseSchema = z.object({ spaces: z.array(OpenSpaceSchema) });
export type OpenSpacesResponse = z.infer<typeof OpenSpacesResponseSchema>;

/** Error code when a space's classification label keeps it private. */
export const CLASSIFICATION_FORBIDS_OPEN = 'classification_forbids_open';
