import type { Principal } from '../../shared/auth.ts';

/**
 * Who the person at this client is, as shown to others (awareness, carets,
 * avatar): derived from the signed-in profile, so everyone sees
 * the name the company's IdP gave.
 */
export interface Identity {
  /** The token's `sub`. */
  readonly id: string;
  readonly name: string;
  /** `#rrggbb`, one of `IDENTITY_COLORS`. */
  readonly color: string;
}

/**
 * Colours for people. A fixed palette, so that styles for remote selections
 * can be CSS classes (no inline style attributes under a strict CSP). Each
 * is dark enough for white initials and caret names to keep a 4.5:1 contrast.
 */
export const IDENTITY_COLORS = [
  '#ce2c31',
  '#cc4e00',
  '#ab6400',
  '#218358',
  '#067a6f',
  '#0d74ce',
  '#6550b9',
  '#c2298a',
] as const;

/** Awareness carries names up to this length (renderer/sync AwarenessUserSchema). */
const MAX_NAME = 64;

/**
 * A palette colour from the stable `sub` (FNV-1a), so a person has the same
 * colour on every device and in everyone's view, and a rename changes nothing.
 */
export function colorForSub(sub: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < sub.length; i += 1) {
    hash ^= sub.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return IDENTITY_COLORS[hash % IDENTITY_COLORS.length] ?? IDENTITY_COLORS[0];
}

/** Up to two initials of a name, upper-case; `?` for a name without letters. */
export function initials(name: string): string {
  const firsts = name
    .split(/\s+/)
    .map((word) => word.codePointAt(0))
    .filter((cp) => cp !== undefined)
    .map((cp) => String.fromCodePoint(cp));
  return firsts.slice(0, 2).join('').toUpperCase() || '?';
}

/** The identity shown for a signed-in person: their name, else their email, else their id. */
export function identityFromProfile(profile: Principal): Identity {
  const display = (profile.name?.trim() || profile.email?.trim() || profile.sub).slice(0, MAX_NAME);
  return { id: profile.sub, name: display, color: colorForSub(profile.sub) };
}
