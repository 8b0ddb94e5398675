/**
 * Messages on the control channel every relay node hears: role changes and
 * rechecks of the access stage. JSON, so that a node of an older version
 * ignores a kind it does not know (a recheck has no `spaceId`, which an
 * older node's membership parser requires) instead of misreading it.
 */
import type { MembershipChange } from './types.ts';

export type ControlMessage =
  | { readonly kind: 'membership'; readonly change: MembershipChange }
  | { readonly kind: 'recheck'; readonly userId: string | null };

const ROLE_VALUES = new Set(['owner', 'editor', 'viewer', null]);

/** The JSON text `nodeId` publishes for `message`. */
export function encodeControl(message: ControlMessage, nodeId: string): string {
  if (message.kind === 'membership') return JSON.stringify({ ...message.change, node: nodeId });
  return JSON.stringify({ recheck: true, userId: message.userId, node: nodeId });
}

/**
 * Decodes a control message; null for anything malformed, and for this
 * node's own messages (`ownNodeId`), which it applied when publishing them.
 */
export function decodeControl(text: string, ownNodeId: string): ControlMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const fields = value as Record<string, unknown>;
  if (fields['node'] === ownNodeId) return null;
  if (fields['recheck'] === true) {
    const userId = fields['userId'];
    if (userId !== null && typeof userId !== 'string') return null;
    return { kind: 'recheck', userId };
  }
  const { spaceId, userId, role } = fields;
  if (typeof spaceId !== 'string' || typeof userId !== 'string') return null;
  if (!ROLE_VALUES.has(role as string | null)) return null;
  return {
    kind: 'membership',
    change: { spaceId, userId, role: role as MembershipChange['role'] },
  };
}
