/**
 * When to refresh an access token. Pure functions, so the timing rules are
 * tested without waiting for a real token to age.
 */

/** Refresh this long before expiry at most (a minute covers clock skew and a slow IdP). */
export const REFRESH_LEAD_MS = 60_000;
/** Never schedule sooner than this, so a token that is already due does not spin. */
export const MIN_REFRESH_DELAY_MS = 1_000;

/**
 * How much earlier than `expiresAt` a token counts as due: one minute, or a
 * fifth of its lifetime when that is shorter (short-lived test tokens).
 */
export function refreshLead(lifetimeMs: number): number {
  return Math.min(REFRESH_LEAD_MS, Math.max(0, Math.floor(lifetimeMs / 5)));
}

/** Whether a token expiring at `expiresAt` should be refreshed before use at `now`. */
export function isDue(expiresAt: number, now: number, lifetimeMs: number): boolean {
  return now >= expiresAt - refreshLead(lifetimeMs);
}

/** Milliseconds from `now` until the silent refresh should run. */
export function refreshDelay(expiresAt: number, now: number, lifetimeMs: number): number {
  return Math.max(MIN_REFRESH_DELAY_MS, expiresAt - refreshLead(lifetimeMs) - now);
}
