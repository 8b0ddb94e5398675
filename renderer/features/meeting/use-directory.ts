import { useEffect, useState } from 'react';
import type { Person } from '../../../shared/api.ts';

export type SearchDirectory = (q: string) => Promise<Person[]>;

/** People from the directory (`GET /api/directory?q=`) matching `query`, after a short pause. */
export function useDirectory(
  searchDirectory: SearchDirectory,
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
      searchDirectory(q).then(
        (people) => {
          if (current) setResult({ people, error: null });
        },
        (e: unknown) => {
          if (current) {
            const why = e instanceof Error ? e.message : String(e);
            setResult({ people: [], error: `Could not search the directory: ${why}` });
          }
        },
      );
    }, pauseMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [searchDirectory, q, pauseMs]);
  return q === '' ? { people: [], error: null } : result;
}

/** A person for people: name, else email, else id. */
export function personName(person: {
  id?: string | undefined;
  name?: string | undefined;
  email?: string | undefined;
}): string {
  return person.name ?? person.email ?? person.id ?? 'Someone';
}
