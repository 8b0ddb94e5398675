import { useEffect, useState, type ReactNode } from 'react';
import type { MySpace } from '../../../shared/api.ts';
import { useT } from '../../i18n/index.ts';
import { useAppStore } from '../../services/index.ts';
import { refreshSpacesOnFocus, type SpacesService } from '../../spaces/index.ts';
import { Button } from '../../ui/index.ts';
import { NewSpaceForm } from './NewSpaceForm.tsx';
import { ClassificationBadge } from '../classification/index.ts';
import { TrashButton } from './TrashButton.tsx';
import './space-meta.css';

export interface SpacesSidebarProps {
  readonly service: SpacesService;
  readonly selectedSpaceId: string | null;
  readonly onSelect: (space: MySpace) => void;
  /** What a space unfolds to under its name (its page tree; the open one also its tools). */
  readonly renderSpace: (space: MySpace) => ReactNode;
}

/**
 * The person's spaces from the relay, the chosen one marked; every space
 * unfolds to its page tree in place (the open one by default), and "New space".
 */
export function SpacesSidebar({
  service,
  selectedSpaceId,
  onSelect,
  renderSpace,
}: SpacesSidebarProps) {
  const t = useT();
  const spaces = useAppStore((s) => s.spaces);
  // Spaces unfolded or folded by hand; the others follow "the open one is unfolded".
  const [choice, setChoice] = useState<ReadonlyMap<string, boolean>>(new Map());
  // Another person's change to a space's settings shows when this window
  // regains focus (refresh-on-focus.ts says why not a push).
  useEffect(() => refreshSpacesOnFocus(window, service), [service]);
  const roles = {
    owner: t('spaces.owner'),
    editor: t('spaces.editor'),
    viewer: t('spaces.viewer'),
  };

  return (
    <nav className="sidebar__spaces" aria-label={t('nav.spaces')}>
      <h2 className="sidebar__title">{t('nav.spaces')}</h2>
      {spaces.status === 'loading' && spaces.items.length === 0 && (
        <p className="sidebar__hint">{t('spaces.loading')}</p>
      )}
      {spaces.error !== null && (
        <div className="sidebar__error" role="alert">
          <p>{spaces.error}</p>
          <Button onClick={() => void service.load()}>{t('spaces.retry')}</Button>
        </div>
      )}
      {spaces.status === 'ready' && spaces.items.length === 0 && (
        <p className="sidebar__hint">{t('spaces.none')}</p>
      )}
      <ul className="sidebar__list">
        {spaces.items.map((space) => {
          const open = choice.get(space.id) ?? space.id === selectedSpaceId;
          return (
            <li key={space.id} data-space-id={space.id}>
              <div className="sidebar__space-row">
                <button
                  type="button"
                  className="sidebar__space-toggle"
                  aria-expanded={open}
                  aria-label={t(open ? 'nav.hidePages' : 'nav.showPages', { name: space.name })}
                  onClick={() => {
                    setChoice((prev) => new Map(prev).set(space.id, !open));
                  }}
                >
                  <span aria-hidden="true">{open ? '▾' : '▸'}</span>
                </button>
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
                    {roles[space.role]}
                  </span>
                </a>
                <ClassificationBadge spaceId={space.id} />
              </div>
              {open && space.id === selectedSpaceId && space.description != null && (
                <p className="sidebar__space-description">{space.description}</p>
              )}
              {open && renderSpace(space)}
            </li>
          );
        })}
      </ul>
      <NewSpaceForm service={service} onCreated={onSelect} />
      <TrashButton service={service} />
    </nav>
  );
}
