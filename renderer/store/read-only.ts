import { POLICY_NOT_ACCEPTED_REASON } from '../../shared/acceptable-use.ts';
import { READ_ONLY_REASON, canWrite, type Role } from '../../shared/api.ts';
import { t } from '../i18n/index.ts';

/** Why a viewer cannot edit, in the UI language. */
export function viewerMessage(): string {
  return t('readOnly.viewer');
}

/** Why nothing may be edited once the offline grace period has run out. */
export function graceExpiredMessage(): string {
  return t('grace.readOnly');
}

/** Why nothing may be edited until the acceptable-use policy is accepted. */
export function policyMessage(): string {
  return t('policy.readOnly');
}

/**
 * Why the person may not edit a note, or null when they may. Two sources: the
 * role from `GET /api/spaces` (known before connecting), and the relay's own
 * y-protocols/auth "permission denied" (a role changed since the list was
 * loaded; the relay dropped the edit).
 */
export function readOnlyReason(
  role: Role | undefined,
  permissionDenied: string | null,
): string | null {
  if (role !== undefined && !canWrite(role)) return viewerMessage();
  if (permissionDenied === null) return null;
  if (permissionDenied === READ_ONLY_REASON) return viewerMessage();
  if (permissionDenied === POLICY_NOT_ACCEPTED_REASON) return policyMessage();
  return t('readOnly.refused', { reason: permissionDenied.slice(0, 200) });
}
