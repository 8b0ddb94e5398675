import { z } from 'zod';
import { SpaceDescriptionSchema, SpaceIconSchema, SpaceNameSchema } from './api.ts';

/**
 * `PATCH /api/spaces/{id}` body (issue 4 point 1): the space settings to
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
