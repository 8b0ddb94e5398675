import { useState, type ReactNode } from 'react';
import type { Person } from '../../../shared/api.ts';
import { personName, useDirectory, type SearchDirectory } from './use-directory.ts';
import { Button } from '../../ui/index.ts';
import { useT } from '../../i18n/index.ts';

// Stands in for a directory that cannot be searched: the hook still runs (hooks
// are called every render) but never asks anyone.
const noSearch = (): Promise<Person[]> => Promise.resolve([]);

export interface PeoplePickerProps {
  /** The directory (`GET /api/directory?q=`); null: it cannot be searched here. */
  readonly search: SearchDirectory | null;
  /** The search box's accessible name, e.g. "Find attendees". */
  readonly label: string;
  readonly placeholder?: string;
  /** Shown instead of the search box when `search` is null. */
  readonly unavailable?: string;
  /**
   * Each person's button, from their name: "Invite Grace Hopper". A whole
   * sentence from the catalogue, as word order differs between languages
   * ("Grace Hopper einladen").
   */
  readonly action: (name: string) => string;
  /**
   * A person was chosen. The search box empties afterwards (after the promise,
   * if one is returned) unless `keepQuery` is set.
   */
  readonly onPick: (person: Person) => void | Promise<void>;
  readonly keepQuery?: boolean;
  /** People not to offer (e.g. those already members). */
  readonly exclude?: (person: Person) => boolean;
  readonly disabled?: boolean;
  /**
   * "rows": name and email beside the button (dialogs); "buttons": each person
   * is one button (the small action item popover).
   */
  readonly variant?: 'rows' | 'buttons';
  /** More controls between the search box and the results (e.g. "Invite as"). */
  readonly children?: ReactNode;
}

/**
 * Search the directory, show the people found, pick one: the members dialog,
 * the new meeting form and the action item popover share it. Renders siblings
 * (no wrapper) so each caller keeps its own layout.
 */
export function PeoplePicker({
  search,
  label,
  placeholder,
  unavailable,
  action,
  onPick,
  keepQuery = false,
  exclude,
  disabled = false,
  variant = 'rows',
  children,
}: PeoplePickerProps) {
  const t = useT();
  const [query, setQuery] = useState('');
  const found = useDirectory(search ?? noSearch, query);
  const people = exclude === undefined ? found.people : found.people.filter((p) => !exclude(p));

  const pick = (person: Person) => {
    const done = onPick(person);
    if (keepQuery) return;
    if (done instanceof Promise) {
      void done.then(() => {
        setQuery('');
      });
    } else {
      setQuery('');
    }
  };

  return (
    <>
      {search === null ? (
        <p className="sidebar__hint">{unavailable ?? t('people.unavailable')}</p>
      ) : (
        <input
          className="input"
          type="search"
          aria-label={label}
          placeholder={placeholder ?? t('people.placeholder')}
          value={query}
          maxLength={100}
          onChange={(event) => {
            setQuery(event.target.value);
          }}
        />
      )}
      {children}
      {found.error !== null && (
        <p className="sidebar__error" role="alert">
          {found.error}
        </p>
      )}
      {people.length > 0 &&
        (variant === 'buttons' ? (
          <ul className="action-popover__people" aria-label={t('people.found')}>
            {people.map((person) => (
              <li key={person.id}>
                <Button
                  className="action-popover__person"
                  disabled={disabled}
                  onClick={() => {
                    pick(person);
                  }}
                >
                  {action(personName(person))}
                  {person.email !== undefined && <small>{person.email}</small>}
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <ul className="members__list" aria-label={t('people.found')}>
            {people.map((person) => (
              <li key={person.id} className="members__row">
                <span className="members__who">
                  {personName(person)}
                  {person.email !== undefined && <small>{person.email}</small>}
                </span>
                <Button
                  disabled={disabled}
                  onClick={() => {
                    pick(person);
                  }}
                >
                  {action(personName(person))}
                </Button>
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}
