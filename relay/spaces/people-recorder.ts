/**
 * The directory learns people from their tokens ("people who
 * have signed in"): every authenticated connection or request records its
 * principal. A person whose name and email have not changed since the last
 * record in this process is not written again, so connecting costs no write.
 */
import type { Person } from '../../shared/api.ts';
import { ANONYMOUS, type Authenticator, type Principal } from '../pipeline/auth.ts';
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
      const fingerprint = JSON.stringify([person.name, person.email]);
      if (memo.get(person.id) !== fingerprint) {
        await store.upsertPerson(person);
        if (memo.size >= MEMO_LIMIT) memo.clear();
        memo.set(person.id, fingerprint);
      }
      return result;
    },
  };
}
