/**
 * The directory learns people from their tokens ("people who
 * have signed in"): every authenticated connection or request records its
 * principal. A person whose name and email have not changed since the last
 * record in this process is not written again, so connecting costs no write.
 * The first time a person is seen here, a directory entry provisioned with
 * their address before they ever signed in becomes theirs. A person the IdP
 * deactivated is refused on every authentication (one indexed read), so a
 * token still valid by its signature stops working at once, on every node.
 */

/** Why a deactivated person's token is refused (4401, REST 401). */
export const DEACTIVATED_REASON = 'person deactivated in the company directory';
import type { Person } from '../../shared/api.ts';
import { ANONYMOUS, type Authenticator, type Principal } from '../pipeline/auth.ts';
import { refuse } from '../pipeline/types.ts';
import type { SpaceStore } from './types.ts';

/** People remembered as recorded; the memo is cleared when it grows past this. */
const MEMO_LIMIT = 10_000;

/** The person record of a principal (directory entry). */
export function personOf(principal: Principal): Person {
  return {
    id: principal.id,
    ...(principal.name === undefined ? {} : { name: principal.name }),
    ...(principal.email === undefined ? {} : { email: principal.email }),
  };
}

/** Wraps `inner` so that every principal it admits is recorded in `store`. */
export function recordingPeople(inner: Authenticator, store: SpaceStore): Authenticator {
  const memo = new Map<string, string>();
  return {
    async authenticate(request) {
      const result = await inner.authenticate(request);
      if (!result.ok || result.value.id === ANONYMOUS.id) return result;
      const person = personOf(result.value);
      if (await store.directory.isDeactivated(person.id)) return refuse(4401, DEACTIVATED_REASON);
      const fingerprint = JSON.stringify([person.name, person.email]);
      if (memo.get(person.id) !== fingerprint) {
        if (person.email !== undefined) {
          await store.directory.claim(person.id, person.email);
          // A claimed entry may be one the IdP deactivated before first sign-in.
          if (await store.directory.isDeactivated(person.id)) {
            return refuse(4401, DEACTIVATED_REASON);
          }
        }
        await store.upsertPerson(person);
        if (memo.size >= MEMO_LIMIT) memo.clear();
        memo.set(person.id, fingerprint);
      }
      return result;
    },
  };
}
