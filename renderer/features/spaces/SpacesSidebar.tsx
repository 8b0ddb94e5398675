import { useEffect, useState, type ReactNode } from 'react';
import type { MySpace } from '../../../shared/api.ts';
import { useAppStore } from '../../services/index.ts';
import { refreshSpacesOnFocus, type SpacesService } from '../../spaces/index.ts';
import { TrashButton } from './TrashButton.tsx';
import './space-meta.css';
import { Button } from '../../ui/index.ts';

export interface SpacesSidebarProps {
  readonly service: SpacesService;
  readonly selectedSpaceId: string | null;
  readonly onSelect: (space: MySpace) => void;
  /** What the open space unfolds to under its name (its tools and page tree). */
  readonly children?: ReactNode;
}

const ROLE_LABELS = { owner: 'Owner', editor: 'Editor', viewer: 'Viewer' } as const;

/** The person's spaces from the relay, the chosen one marked, and "New space". */
export function SpacesSidebar({
  service,
  selectedSpaceId,
  onSelect,
  children,
}: SpacesSidebarProps) {
  const spaces = useAppStore((s) => s.spaces);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  // Another person's change to a space's settings shows when this window
  // regains focus (refresh-on-focus.ts says why not a push).
  useEffect(() => refreshSpacesOnFocus(window, service), [service]);

  return (
    <div className="sidebar">
      <nav aria-label="Spaces">
        <h2 className="sidebar__title">Spaces</h2>
        {spaces.status === 'loading' && spaces.items.length === 0 && (
          <p className="sidebar__hint">Loading spaces…</p>
        )}
        {spaces.error !== null && (
          <div className="sidebar__error" role="alert">
            <p>{spaces.error}</p>
            <Button onClick={() => void service.load()}>Retry</Button>
          </div>
        )}
        {spaces.status === 'ready' && spaces.items.length === 0 && (
          <p className="sidebar__hint">No spaces yet. Create one to start writing.</p>
        )}
        <ul className="sidebar__list">
          {spaces.items.map((space) => (
            <li key={space.id}>
              <a
                className="sidebar__space"
                href={`?space=${encodeURIComponent(space.id)}`}
                aria-current={space.id === selectedSpaceId ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  onSelect(space);
                }}
              >
                {space.icon != null && (
                  <span className="sidebar__space-icon" aria-hidden="true">
                    {space.icon}
                  </span>
                )}
                <span className="sidebar__space-name">{space.name}</span>
                <span className="sidebar__role" data-role={space.role}>
                  {ROLE_LABELS[space.role]}
                </span>
              </a>
              {space.id === selectedSpaceId && space.description != null && (
                <p className="sidebar__space-description">{space.description}</p>
              )}
              {/* The open space unfolds to its tools and page tree, in place. */}
              {space.id === selectedSpaceId && children}
            </li>
          ))}
        </ul>
        {naming ? (
          <form
            className="sidebar__new"
            onSubmit={(event) => {
              event.preventDefault();
              void service.create(name).then((space) => {
                if (space === null) return;
                setNaming(false);
                setName('');
                onSelect(space);
              });
            }}
          >
            <input
              className="input"
              aria-label="Space name"
              placeholder="Space name"
              maxLength={120}
              value={name}
              autoFocus
              onChange={(event) => {
                setName(event.target.value);
              }}
            />
            <Button type="submit" variant="primary" disabled={spaces.creating}>
              {spaces.creating ? 'Creating…' : 'Create'}
            </Button>
            <Button
              onClick={() => {
                setNaming(false);
              }}
            >
              Cancel
            </Button>
          </form>
        ) : (
          <Button
            className="sidebar__new-button"
            onClick={() => {
              setNaming(true);
            }}
          >
            New space
          </Button>
        )}
        {spaces.createError !== null && (
          <p className="sidebar__error" role="alert">
            {spaces.createError}
          </p>
        )}
        <TrashButton service={service} />
      </nav>
    </div>
  );
}
