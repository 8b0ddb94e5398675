import { useMemo } from 'react';
import type { Person } from '../../../shared/api.ts';
import { t } from '../../i18n/index.ts';
import { useDirectorySearch } from './use-members.ts';

export type SearchDirectory = (q: string) => Promise<Person[]>;

/**
 * People from the directory (`GET /api/directory?q=`) matching `query`, after
 * a short pause: the members dialog's search, fed with a plain function.
 */
export function useDirectory(
  searchDirectory: SearchDirectory,
  query: string,
  pauseMs = 200,
): { readonly people: readonly Person[]; readonly error: string | null } {
  const api = useMemo(() => ({ searchDirectory }), [searchDirectory]);
  return useDirectorySearch(api, query, pauseMs);
}

/** A person for people: name, else email, else id. */
export function personName(person: {
  id?: string | undefined;
  name?: string | undefined;
  email?: string | undefined;
}): string {
  return person.name ?? person.email ?? person.id ?? t('people.someone');
}
