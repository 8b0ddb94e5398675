import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Person } from '../../../shared/api.ts';
import type { CommentMention } from '../../../shared/comments/index.ts';
import { useDirectorySearch } from '../members/index.ts';
import { useT } from '../../i18n/index.ts';

/** Searches the people directory (`GET /api/directory?q=`). */
export type SearchPeople = (q: string) => Promise<Person[]>;

export interface MentionInputProps {
  readonly label: string;
  readonly value: string;
  readonly mentions: readonly CommentMention[];
  readonly onChange: (value: string, mentions: readonly CommentMention[]) => void;
  /** Ctrl/Cmd+Enter. */
  readonly onSubmit: () => void;
  readonly searchPeople: SearchPeople | null;
  readonly autoFocus?: boolean;
  readonly placeholder?: string;
}

/** The `@word` right before the caret, if any: what is being typed as a mention. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const match = /(?:^|\s)@([^\s@]{0,40})$/.exec(text.slice(0, caret));
  if (match === null) return null;
  const query = match[1] ?? '';
  return { start: caret - query.length - 1, query };
}

const MAX_PEOPLE = 8;

/**
 * A comment's text box: typing `@` and part of a name offers people from the
 * directory (arrows, Enter or Tab, Escape); choosing one writes `@Name` and
 * records the person's id in the message's mentions.
 */
export function MentionInput(props: MentionInputProps) {
  const { value, mentions, onChange, searchPeople } = props;
  const ref = useRef<HTMLTextAreaElement>(null);
  const caretAfter = useRef<number | null>(null);
  const [caret, setCaret] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const listId = useId();
  const t = useT();
  const typed = searchPeople === null ? null : mentionQuery(value, caret);
  const open = typed !== null && dismissed !== value;
  const api = useMemo(
    () => ({ searchDirectory: searchPeople ?? (() => Promise.resolve([])) }),
    [searchPeople],
  );
  const found = useDirectorySearch(api, open ? typed.query : '');
  const people = open ? found.people.slice(0, MAX_PEOPLE) : [];
  const highlighted = Math.min(selected, Math.max(0, people.length - 1));

  useLayoutEffect(() => {
    const at = caretAfter.current;
    if (at !== null && ref.current) {
      ref.current.setSelectionRange(at, at);
      caretAfter.current = null;
    }
  }, [value]);

  const choose = (person: Person) => {
    if (typed === null) return;
    const name = person.name ?? person.email ?? person.id;
    const inserted = `@${name} `;
    const next = value.slice(0, typed.start) + inserted + value.slice(caret);
    caretAfter.current = typed.start + inserted.length;
    setCaret(caretAfter.current);
    onChange(next, [...mentions.filter((m) => m.sub !== person.id), { sub: person.id, name }]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && people.length > 0) {
      const n = people.length;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setSelected((highlighted + (event.key === 'ArrowDown' ? 1 : -1) + n) % n);
        return;
      }
      const person = people[highlighted];
      if ((event.key === 'Enter' || event.key === 'Tab') && person !== undefined) {
        event.preventDefault();
        choose(person);
        return;
      }
    }
    if (open && event.key === 'Escape') {
      event.preventDefault();
      setDismissed(value);
      return;
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      props.onSubmit();
    }
  };

  const optionId = (i: number) => `${listId}-${String(i)}`;
  return (
    <div className="mention-input">
      <textarea
        ref={ref}
        className="mention-input__text"
        aria-label={props.label}
        placeholder={props.placeholder}
        value={value}
        rows={2}
        autoFocus={props.autoFocus}
        // No aria-expanded: a textarea is a textbox, where ARIA does not allow it;
        // aria-controls and the active option tell screen readers about the list.
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open && people.length > 0 ? optionId(highlighted) : undefined}
        onChange={(event) => {
          setCaret(event.target.selectionStart);
          setSelected(0);
          onChange(event.target.value, mentions);
        }}
        onSelect={(event) => {
          setCaret(event.currentTarget.selectionStart);
        }}
        onKeyDown={onKeyDown}
      />
      {open && (
        <div className="mention-input__menu">
          {found.error !== null ? (
            <p role="alert">{found.error}</p>
          ) : people.length === 0 ? (
            <p role="status">
              {typed.query === '' ? t('comments.typeName') : t('comments.searching')}
            </p>
          ) : (
            <ul role="listbox" id={listId} aria-label={t('comments.mentionPerson')}>
              {people.map((person, i) => (
                <li
                  key={person.id}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === highlighted}
                  onMouseDown={(event) => {
                    // Keep focus (and the caret) in the text box.
                    event.preventDefault();
                    choose(person);
                  }}
                >
                  {person.name ?? person.id}
                  {person.email !== undefined && <span> {person.email}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
