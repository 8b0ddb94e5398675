/**
 * What the app decides from a space's classification label: whether text
 * may be copied out of its notes and whether its notes may be kept on this
 * device. Pure, so both are unit-tested. While nothing is known about a
 * space (never loaded, not even from the cache) everything is allowed: the
 * relay still refuses exports and external members on its own, and a new
 * install has no local copy to protect.
 */
import {
  effectiveLabel,
  type ClassificationLabel,
  type ClassificationResponse,
} from '../../../shared/classification-api.ts';

/** The label that applies to `spaceId`, or null when unknown. */
export function labelOfSpace(
  data: ClassificationResponse | null,
  spaceId: string,
): ClassificationLabel | null {
  if (data === null) return null;
  return effectiveLabel(data.labels, data.defaultLabel, data.spaces[spaceId]);
}

export function copyOutAllowed(data: ClassificationResponse | null, spaceId: string): boolean {
  return labelOfSpace(data, spaceId)?.copyOutAllowed ?? true;
}

export function offlineAllowed(data: ClassificationResponse | null, spaceId: string): boolean {
  return labelOfSpace(data, spaceId)?.offlineAllowed ?? true;
}

/** The spaces whose notes must not stay on this device. */
export function onlineOnlySpaces(data: ClassificationResponse | null): string[] {
  if (data === null) return [];
  return Object.keys(data.spaces).filter((id) => !offlineAllowed(data, id));
}

/**
 * Which local databases to delete: those of an online-only space, named
 * `commonplace/<owner>/<spaceId>/<docId>` by the sync layer (local-store.ts).
 */
export function localDatabasesToRemove(
  names: readonly string[],
  owner: string,
  onlineOnly: readonly string[],
): string[] {
  const prefixes = onlineOnly.map((id) => `commonplace/${encodeURIComponent(owner)}/${id}/`);
  return names.filter((name) => prefixes.some((prefix) => name.startsWith(prefix)));
}
