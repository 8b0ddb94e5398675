import { z } from 'zod';
import { SpaceDescriptionSchema, SpaceIconSchema, SpaceNameSchema, SpaceSchema } from './api.ts';

/**
 * `PATCH /api/spaces/{id}` body: the space settings to
 * change, owners only. Each field present is set; `null` clears the icon or
 * the description (a name cannot be cleared). At least one field, and no
 * unknown ones, so a typo is a 400 rather than a silent no-op.
 */
export const UpdateSpaceRequestSchema = z
  .object({
    name: SpaceNameSchema.optional(),
    icon: SpaceIconSchema.nullable().optional(),
    description: SpaceDescriptionSchema.nullable().optional(),
  })
  .strict()
  .refine(
    (body) => body.name !== undefined || body.icon !== undefined || body.description !== undefined,
    { error: 'name, icon or description: at least one field to change' },
  );
export type UpdateSpaceRequest = z.infer<typeof UpdateSpaceRequestSchema>;

/**
 * A space in its owners' trash: `DELETE /api/spaces/{id}` (owners) moves it
 * there, `GET /api/trash/spaces` lists the caller's, `POST
 * /api/trash/spaces/{id}/restore` brings it back whole (members, documents,
 * versions, files). At `purgeAt` the relay deletes it for good.
 */
export const TrashedSpaceSchema = z.object({
  space: SpaceSchema,
  /** Epoch milliseconds of the deletion. */
  deletedAt: z.number().int().nonnegative(),
  /** Epoch milliseconds after which it is purged (`trashRetentionMs` later). */
  purgeAt: z.number().int().nonnegative(),
});
export type TrashedSpace = z.infer<typeof TrashedSpaceSchema>;

export const TrashedSpacesResponseSchema = z.object({ spaces: z.array(TrashedSpaceSchema) });
export type TrashedSpacesResponse = z.infer<typeof TrashedSpacesResponseSchema>;

/** Path of the caller's trashed spaces, and of restoring one. */
export const TRASHED_SPACES_PATH = '/api/trash/spaces';
export function restoreSpacePath(spaceId: string): string {
  return `${TRASHED_SPACES_PATH}/${encodeURIComponent(spaceId)}/restore`;
}
