import { useCallback, useEffect, useState } from 'react';
import type { Member, Person, Role } from '../../../shared/api.ts';
import type { MembersApi } from '../../api/index.ts';
import { t } from '../../i18n/index.ts';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Who someone is, in words: name, else email, else id. */
export function personLabel(person: Person): string {
  return person.name ?? person.email ?? person.id;
}

export interface MembersState {
  readonly members: readonly Member[] | null;
  readonly error: string | null;
  readonly busy: boolean;
  setRole(person: Person, role: Role): Promise<void>;
  remove(person: Person): Promise<void>;
}

/**
 * A space's members from the relay, and the owner's changes to them. Each
 * change reloads the list (the relay is the truth); a refused change (403,
 * 404, 409 last owner) shows the relay's reason and changes nothing here.
 */
export function useMembers(api: MembersApi, spaceId: string, onChanged?: () => void): MembersState {
  const [members, setMembers] = useState<readonly Member[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Bumped after every change: the list is loaded again from the relay.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    api.list(spaceId).then(
      (list) => {
        if (current) setMembers(list);
      },
      (e: unknown) => {
        if (current) setError(t('members.couldNotLoad', { reason: message(e) }));
      },
    );
    return () => {
      current = false;
    };
  }, [api, spaceId, version]);

  const change = useCallback(
    async (what: string, run: () => Promise<void>) => {
      setBusy(true);
      setError(null);
      try {
        await run();
        onChanged?.();
      } catch (e) {
        setError(t('members.couldNotChange', { what, reason: message(e) }));
      }
      setVersion((v) => v + 1);
      setBusy(false);
    },
    [onChanged],
  );

  return {
    members,
    error,
    busy,
    setRole: (person, role) =>
      change(
        t('members.makeRole', {
          name: personLabel(person),
          role: t(`members.roleInSentence.${role}`),
        }),
        () => api.setRole(spaceId, person.id, role),
      ),
    remove: (person) =>
      change(t('members.removeWhat', { name: personLabel(person) }), () =>
        api.remove(spaceId, person.id),
      ),
  };
}

/**
 * Directory search as you type: waits for a short pause in typing, and
 * ignores answers to queries that have changed since. Until the answer for
 * the current text arrives, the last answer stays (no flicker).
 */
export function useDirectorySearch(
  api: Pick<MembersApi, 'searchDirectory'>,
  query: string,
  pauseMs = 200,
): { readonly people: readonly Person[]; readonly error: string | null } {
  const [result, setResult] = useState<{ people: readonly Person[]; error: string | null }>({
    people: [],
    error: null,
  });
  const q = query.trim();

  useEffect(() => {
    if (q === '') return;
    let current = true;
    const timer = setTimeout(() => {
      api.searchDirectory(q).then(
        (people) => {
          if (current) setResult({ people, error: null });
        },
        (e: unknown) => {
          if (current) {
            setResult({ people: [], error: t('mentions.couldNotSearch', { reason: message(e) }) });
          }
        },
      );
    }, pauseMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, q, pauseMs]);

  return q === '' ? { people: [], error: null } : result;
}
