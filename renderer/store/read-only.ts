import { READ_ONLY_REASON, canWrite, type Role } from '../../shared/api.ts';

export const VIEWER_MESSAGE =
  'Read-only: you are a viewer in this space, so you can read this note but not change it.';

/**
 * Why the person may not edit a note, or null when they may. Two sources: the
 * role from `GET /api/spaces` (known before connecting), and the relay's own
 * y-protocols/auth "permission denied" (a role changed since the list was
 * loaded; the relay dropped the edit, issue 3 point 6).
 */
export function readOnlyReason(
  role: Role | undefined,
  permissionDenied: string | null,
): string | null {
  if (role !== undefined && !canWrite(role)) return VIEWER_MESSAGE;
  if (permissionDenied === null) return null;
  if (permissionDenied === READ_ONLY_REASON) return VIEWER_MESSAGE;
  return `Read-only: the relay refused your changes (${permissionDenied.slice(0, 200)}).`;
}
