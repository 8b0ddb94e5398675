/**
 * A personal token acts with its person's rights as they are now, not as
 * they were when the token was made: the relay learns a person's groups
 * (company admin or not) only from their sign-in tokens, so every sign-in of
 * a token owner refreshes what the token store knows of them, and a request
 * made with their access token takes its groups from there. Someone removed
 * from the admin group loses admin through their tokens at their next
 * sign-in; one who stops signing in keeps none of their group rights after
 * {@link OWNER_GROUPS_MAX_AGE_MS}, since the relay cannot know they are
 * still current. Deactivation in the directory is checked on every request
 * (authenticator.ts).
 */
import { ANONYMOUS, type Authenticator, type Principal } from '../pipeline/auth.ts';
import type { TokenOwner, TokenStore } from './types.ts';

/** Group rights a personal token carries without its owner signing in again. */
export const OWNER_GROUPS_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** An unchanged profile is re-confirmed at most this often, so sign-ins rarely write. */
export const OWNER_SEEN_GRANULARITY_MS = 60 * 60 * 1000;

const sameGroups = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** The owner record a sign-in by `principal` at `now` gives. */
export function ownerOf(principal: Principal, now: number): TokenOwner {
  return {
    personId: principal.id,
    name: principal.name ?? null,
    email: principal.email ?? null,
    groups: [...(principal.groups ?? [])],
    seenAt: now,
  };
}

/**
 * Wraps the sign-in authenticator (sockets and REST alike) so that each
 * sign-in of someone who owns tokens refreshes their recorded profile. One
 * indexed read per sign-in; a write only when something changed or the
 * record is older than {@link OWNER_SEEN_GRANULARITY_MS}. No memo in the
 * process: with several relay nodes a memo could hold on to an admin
 * profile another node has since replaced.
 */
export function recordingTokenOwners(
  inner: Authenticator,
  tokens: TokenStore,
  now: () => number,
): Authenticator {
  return {
    async authenticate(request) {
      const result = await inner.authenticate(request);
      if (!result.ok || result.value.id === ANONYMOUS.id || result.value.credential !== undefined) {
        return result;
      }
      const known = await tokens.owner(result.value.id);
      if (known === null) return result;
      const at = now();
      const seen = ownerOf(result.value, at);
      if (
        known.name !== seen.name ||
        known.email !== seen.email ||
        !sameGroups(known.groups, seen.groups) ||
        at - known.seenAt >= OWNER_SEEN_GRANULARITY_MS
      ) {
        await tokens.recordOwner(seen);
      }
      return result;
    },
  };
}

/** The groups a personal token of `owner` carries at `now`: none once the record is stale. */
export function currentGroups(owner: TokenOwner | null, now: number): readonly string[] {
  if (owner === null || now - owner.seenAt > OWNER_GROUPS_MAX_AGE_MS) return [];
  return owner.groups;
}
