import type { MySpace } from '../../../shared/api.ts';
import {
  UpdateSpaceRequestSchema,
  type UpdateSpaceRequest,
} from '../../../shared/space-settings-api.ts';
import { t } from '../../i18n/index.ts';

/** What the settings form holds: text as typed. */
export interface SettingsDraft {
  readonly name: string;
  readonly icon: string;
  readonly description: string;
}

export function draftOf(space: MySpace): SettingsDraft {
  return { name: space.name, icon: space.icon ?? '', description: space.description ?? '' };
}

/**
 * The PATCH body for what changed in `draft` (an emptied icon or
 * description clears it), checked with the relay's own schema: null when
 * nothing changed, or a message fit to show when the draft is invalid.
 */
export function patchFor(
  space: MySpace,
  draft: SettingsDraft,
): { readonly patch: UpdateSpaceRequest | null } | { readonly error: string } {
  const icon = draft.icon.trim() === '' ? null : draft.icon.trim();
  const description = draft.description.trim() === '' ? null : draft.description.trim();
  const raw = {
    ...(draft.name.trim() === space.name ? {} : { name: draft.name }),
    ...(icon === (space.icon ?? null) ? {} : { icon }),
    ...(description === (space.description ?? null) ? {} : { description }),
  };
  if (Object.keys(raw).length === 0) return { patch: null };
  const parsed = UpdateSpaceRequestSchema.safeParse(raw);
  if (parsed.success) return { patch: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path[0];
  const messages: Record<string, string> = {
    name: t('spaceSettings.invalid.name'),
    icon: t('spaceSettings.invalid.icon'),
    description: t('spaceSettings.invalid.description'),
  };
  return {
    error:
      (typeof field === 'string' ? messages[field] : undefined) ?? t('spaceSettings.invalid.other'),
  };
}
