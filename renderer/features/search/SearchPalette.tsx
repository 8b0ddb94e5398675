import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { NoteHit, SearchService } from '../../search/index.ts';
import { Highlight } from './Highlight.tsx';
import { t as translate, useFormat, useT } from '../../i18n/index.ts';
import './search.css';

export interface SearchPaletteProps {
  readonly service: SearchService;
  /** The space's display name (results show where a note lives). */
  readonly spaceName: (spaceId: string) => string;
  readonly onOpen: (hit: NoteHit) => void;
  readonly onClose: () => void;
}

const LIMIT = 20;

function status(ready: boolean, query: string, count: number, formatted: string): string {
  if (!ready) return translate('search.preparing');
  if (query.trim() === '') return translate('search.hint');
  if (count === 0) return translate('search.none');
  return translate('search.count', { count, formatted });
}

/**
 * The Ctrl/Cmd+K palette: a modal dialog holding a
 * combobox and its listbox (WAI-ARIA APG "combobox with listbox popup"):
 * focus stays in the input, arrows move the active option
 * (aria-activedescendant), Enter opens it, Escape closes and the caller
 * gets focus back. Results come from the local index, so typing never
 * waits for the network.
 */
export function SearchPalette({ service, spaceName, onOpen, onClose }: SearchPaletteProps) {
  const t = useT();
  const format = useFormat();
  const id = useId();
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${String(i)}`;
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const version = useSyncExternalStore(service.subscribe, service.version);
  const ready = service.ready();
  const hits = useMemo(
    () => (query.trim() === '' ? [] : service.search(query, { limit: LIMIT })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` changes when the index does: the same query may find more
    [service, query, version],
  );
  const current = Math.min(active, Math.max(0, hits.length - 1));

  useEffect(() => {
    input.current?.focus();
  }, []);
  useEffect(() => {
    document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  });

  const open = (hit: NoteHit | undefined) => {
    if (hit) onOpen(hit);
  };

  return (
    <div
      className="search-palette__backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        className="search-palette"
        role="dialog"
        aria-modal="true"
        aria-label={t('search.label')}
      >
        <input
          ref={input}
          className="search-palette__input"
          type="text"
          role="combobox"
          aria-label={t('search.label')}
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          {...(hits.length > 0 ? { 'aria-activedescendant': optionId(current) } : {})}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('search.placeholder')}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            const count = hits.length;
            if (event.key === 'ArrowDown' && count > 0) {
              event.preventDefault();
              setActive((current + 1) % count);
            } else if (event.key === 'ArrowUp' && count > 0) {
              event.preventDefault();
              setActive((current - 1 + count) % count);
            } else if (event.key === 'Enter') {
              event.preventDefault();
              open(hits[current]);
            } else if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              onClose();
            } else if (event.key === 'Tab') {
              // Nothing else in the dialog takes focus: keep it in the input.
              event.preventDefault();
            }
          }}
        />
        <ul
          id={listId}
          className="search-palette__results"
          role="listbox"
          aria-label={t('search.results')}
        >
          {hits.map((hit, i) => (
            <li
              key={`${hit.spaceId}/${hit.docId}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              className="search-palette__option"
              // Keep focus in the input; the click opens.
              onMouseDown={(event) => {
                event.preventDefault();
              }}
              onMouseMove={() => {
                if (i !== current) setActive(i);
              }}
              onClick={() => {
                open(hit);
              }}
            >
              <span className="search-palette__title">
                {hit.title === '' ? (
                  t('search.untitled')
                ) : (
                  <Highlight text={hit.title} ranges={hit.titleRanges} />
                )}
              </span>
              <span className="search-palette__space">{spaceName(hit.spaceId)}</span>
              {hit.snippet.text !== '' && (
                <span className="search-palette__snippet">
                  <Highlight text={hit.snippet.text} ranges={hit.snippet.ranges} />
                </span>
              )}
            </li>
          ))}
        </ul>
        <p className="search-palette__status" role="status">
          {status(ready, query, hits.length, format.number(hits.length))}
        </p>
      </div>
    </div>
  );
}
