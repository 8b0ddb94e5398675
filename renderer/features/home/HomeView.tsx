import { useId, type ReactNode } from 'react';
import type { MembersApi } from '../../api/index.ts';
import { formatRoomName, type RoomName } from '../../../shared/wire.ts';
import { RelativeTime, useFormat, useT } from '../../i18n/index.ts';
import { ActionItemRow, actionItemKey, useMyActionItems } from '../meeting/index.ts';
import type { HomeApi } from './home-api.ts';
import { useHome } from './use-home.ts';
import './home.css';

export interface HomeViewProps {
  readonly sub: string;
  /** The relay's change markers; null in tests without a relay. */
  readonly api: HomeApi | null;
  readonly members: Pick<MembersApi, 'list'>;
  readonly spaceName: (spaceId: string) => string;
  readonly hrefFor: (room: RoomName) => string;
  readonly onOpen: (room: RoomName) => void;
  /** Opens the full list of my action items. */
  readonly onAllActions: () => void;
  readonly allActionsHref: string;
}

const ACTIONS_SHOWN = 5;

/**
 * Home, where the app opens: recent notes, notes changed since I last
 * looked (and by whom), my open action items and upcoming meetings. Read
 * from this device first, so it works offline.
 */
export function HomeView(props: HomeViewProps) {
  const { sub, hrefFor, onOpen, spaceName } = props;
  const t = useT();
  const format = useFormat();
  const headingId = useId();
  const home = useHome(sub, props.api, props.members);
  const actions = useMyActionItems(sub);
  const link = (room: RoomName, title: string) => (
    <a
      className="home__link"
      href={hrefFor(room)}
      onClick={(event) => {
        event.preventDefault();
        onOpen(room);
      }}
    >
      {title}
    </a>
  );
  const where = (room: RoomName) => (
    <span className="home__where">{t('home.inSpace', { space: spaceName(room.spaceId) })}</span>
  );
  return (
    <section className="view home" aria-labelledby={headingId}>
      <header className="view__header">
        <h1 id={headingId} className="view__title">
          {t('home.title')}
        </h1>
      </header>
      <div className="home__grid">
        <Panel title={t('home.changed')} empty={home.loaded ? t('home.noChanges') : null}>
          {home.changed.map((note) => (
            <li key={formatRoomName(note.room)} className="home__row">
              {link(note.room, note.title)}
              <span className="home__meta">
                {note.by === null
                  ? t('home.changedByUnknown')
                  : t('home.changedBy', { people: note.by.join(', ') })}
              </span>
              {where(note.room)}
            </li>
          ))}
        </Panel>
        <Panel title={t('home.recent')} empty={home.loaded ? t('home.noRecent') : null}>
          {home.recent.map((note) => (
            <li key={formatRoomName(note.room)} className="home__row">
              {link(note.room, note.title)}
              <RelativeTime className="home__meta" value={note.at} />
              {where(note.room)}
            </li>
          ))}
        </Panel>
        <Panel
          title={t('home.actions')}
          empty={actions.state.status === 'ready' ? t('home.noActions') : null}
          more={
            actions.items.length > ACTIONS_SHOWN ? (
              <a
                className="home__more"
                href={props.allActionsHref}
                onClick={(event) => {
                  event.preventDefault();
                  props.onAllActions();
                }}
              >
                {t('home.seeAll')}
              </a>
            ) : null
          }
        >
          {actions.items.slice(0, ACTIONS_SHOWN).map((item) => (
            <ActionItemRow
              key={actionItemKey(item)}
              item={item}
              checked={actions.ticking.has(actionItemKey(item))}
              onTick={() => void actions.tick(item, t('actions.changedElsewhere'))}
              hrefFor={hrefFor}
              onOpen={onOpen}
            />
          ))}
        </Panel>
        <Panel title={t('home.meetings')} empty={home.loaded ? t('home.noMeetings') : null}>
          {home.meetings.map((meeting) => (
            <li key={formatRoomName(meeting.room)} className="home__row">
              {link(meeting.room, meeting.title)}
              <time className="home__meta" dateTime={new Date(meeting.start).toISOString()}>
                {format.date(meeting.start, 'dateTime')}
              </time>
              {where(meeting.room)}
            </li>
          ))}
        </Panel>
      </div>
    </section>
  );
}

/** One block of Home: a heading and a list, or a line saying it is empty. */
function Panel({
  title,
  empty,
  more,
  children,
}: {
  readonly title: string;
  /** Shown when the list is empty; null while it is still being read. */
  readonly empty: string | null;
  readonly more?: ReactNode;
  readonly children: ReactNode[];
}) {
  const id = useId();
  return (
    <section className="home__panel" aria-labelledby={id}>
      <h2 id={id} className="home__heading">
        {title}
      </h2>
      {children.length === 0 ? (
        empty !== null && <p className="view__empty">{empty}</p>
      ) : (
        <ul className="home__list" aria-label={title}>
          {children}
        </ul>
      )}
      {more}
    </section>
  );
}
