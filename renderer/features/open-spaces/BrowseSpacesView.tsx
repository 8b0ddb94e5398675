import { useId, useState } from 'react';
import type { MySpace } from '../../../shared/api.ts';
import type { OpenSpace } from '../../../shared/open-spaces-api.ts';
import { useFormat, useT } from '../../i18n/index.ts';
import { useOpenSpacesApi } from '../../services/index.ts';
import type { SpacesService } from '../../spaces/index.ts';
import { Button, Chip, TextInput, showToast } from '../../ui/index.ts';
import { useOpenSpaces } from './use-open-spaces.ts';
import './open-spaces.css';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface BrowseSpacesViewProps {
  /** Re-reads the person's spaces, so that a joined one shows in the sidebar. */
  readonly spaces: Pick<SpacesService, 'refresh'>;
  readonly hrefFor: (spaceId: string) => string;
  readonly onOpen: (spaceId: string) => void;
}

/**
 * Browse spaces: the spaces of the company their owners opened to everyone,
 * searchable by name and description, each with its members, owners and last
 * edit; Join (with the role its owners chose) or Open for those joined.
 */
export function BrowseSpacesView({ spaces, hrefFor, onOpen }: BrowseSpacesViewProps) {
  const t = useT();
  const headingId = useId();
  const api = useOpenSpacesApi();
  const [query, setQuery] = useState('');
  const directory = useOpenSpaces(api, query);
  const [joining, setJoining] = useState<string | null>(null);
  const { state } = directory;

  const join = async (space: OpenSpace) => {
    if (api === null) return;
    setJoining(space.id);
    try {
      const joined: MySpace = await api.join(space.id);
      // The sidebar lists it before Open is offered, so Open lands in a known space.
      await spaces.refresh();
      directory.markJoined(space.id, joined.role);
      showToast(
        t('openSpaces.joined', { name: space.name, role: t(`openSpaces.roles.${joined.role}`) }),
        'success',
      );
    } catch (err) {
      showToast(t('openSpaces.couldNotJoin', { name: space.name, reason: message(err) }), 'danger');
      directory.reload();
    } finally {
      setJoining(null);
    }
  };

  return (
    <section className="view browse-spaces" aria-labelledby={headingId}>
      <header className="view__header">
        <h1 id={headingId} className="view__title">
          {t('openSpaces.title')}
        </h1>
      </header>
      <p className="browse-spaces__intro">{t('openSpaces.intro')}</p>
      <TextInput
        type="search"
        className="browse-spaces__search"
        aria-label={t('openSpaces.search')}
        placeholder={t('openSpaces.searchPlaceholder')}
        value={query}
        maxLength={100}
        onChange={(event) => {
          setQuery(event.target.value);
        }}
      />
      {state.status === 'loading' && <p className="view__empty">{t('openSpaces.loading')}</p>}
      {state.status === 'error' && (
        <div className="sidebar__error" role="alert">
          <p>{state.message}</p>
          <Button onClick={directory.reload}>{t('openSpaces.retry')}</Button>
        </div>
      )}
      {state.status === 'ready' && state.spaces.length === 0 && (
        <p className="view__empty" role="status">
          {query.trim() === ''
            ? t('openSpaces.none')
            : t('openSpaces.noMatch', { query: query.trim() })}
        </p>
      )}
      {state.status === 'ready' && state.spaces.length > 0 && (
        <ul className="browse-spaces__list" aria-label={t('openSpaces.list')}>
          {state.spaces.map((space) => (
            <OpenSpaceItem
              key={space.id}
              space={space}
              busy={joining === space.id}
              href={hrefFor(space.id)}
              onJoin={() => void join(space)}
              onOpen={() => {
                onOpen(space.id);
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

interface OpenSpaceItemProps {
  readonly space: OpenSpace;
  readonly busy: boolean;
  readonly href: string;
  readonly onJoin: () => void;
  readonly onOpen: () => void;
}

/** One open space: what it is, who runs it, how alive it is, and Join or Open. */
function OpenSpaceItem({ space, busy, href, onJoin, onOpen }: OpenSpaceItemProps) {
  const t = useT();
  const format = useFormat();
  const nameId = useId();
  const owners = space.owners.map((p) => p.name ?? p.email ?? p.id).join(', ');
  return (
    <li className="browse-spaces__item" aria-labelledby={nameId}>
      <div className="browse-spaces__main">
        <h2 id={nameId} className="browse-spaces__name">
          {space.icon != null && (
            <span className="browse-spaces__icon" aria-hidden="true">
              {space.icon}
            </span>
          )}
          {space.name}
        </h2>
        {space.description != null && space.description !== '' && (
          <p className="browse-spaces__description">{space.description}</p>
        )}
        <p className="browse-spaces__meta">
          <span>{t('openSpaces.members', { count: space.members })}</span>
          {owners !== '' && <span>{t('openSpaces.ownedBy', { names: owners })}</span>}
          <span>
            {space.lastEditedAt === null ? (
              t('openSpaces.notEdited')
            ) : (
              <time
                dateTime={new Date(space.lastEditedAt).toISOString()}
                title={format.date(space.lastEditedAt, 'dateTime')}
              >
                {t('openSpaces.lastEdited', { when: format.relative(space.lastEditedAt) })}
              </time>
            )}
          </span>
        </p>
      </div>
      <div className="browse-spaces__actions">
        {space.myRole === null ? (
          <>
            <span className="browse-spaces__role">
              {t('openSpaces.joinAs', { role: t(`openSpaces.roles.${space.joinRole}`) })}
            </span>
            <Button
              variant="primary"
              disabled={busy}
              aria-label={t('openSpaces.joinNamed', { name: space.name })}
              onClick={onJoin}
            >
              {busy ? t('openSpaces.joining') : t('openSpaces.join')}
            </Button>
          </>
        ) : (
          <>
            <Chip>{t('openSpaces.youAre', { role: t(`openSpaces.roles.${space.myRole}`) })}</Chip>
            <a
              className="button button--secondary"
              href={href}
              aria-label={t('openSpaces.openNamed', { name: space.name })}
              onClick={(event) => {
                event.preventDefault();
                onOpen();
              }}
            >
              {t('openSpaces.open')}
            </a>
          </>
        )}
      </div>
    </li>
  );
}
