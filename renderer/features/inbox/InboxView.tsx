import { useId, useState, type ReactNode } from 'react';
import type { Host, NotificationAccess } from '../../../shared/host.ts';
import type { RoomName } from '../../../shared/wire.ts';
import { RelativeTime, useT } from '../../i18n/index.ts';
import { Button, Chip, Field, Select } from '../../ui/index.ts';
import type { InboxItem } from './inbox-service.ts';
import { INBOX_KINDS, InboxKindContext, showsMentions, type InboxKind } from './kind-filter.ts';
import type { InboxState } from './use-inbox-state.ts';
import './inbox.css';

export interface InboxViewProps {
  readonly inbox: InboxState;
  readonly host: Pick<Host, 'notificationPermission' | 'requestNotificationPermission'>;
  readonly hrefFor: (room: RoomName) => string;
  readonly onOpen: (room: RoomName) => void;
  /** A space's name for display (its id when unknown). */
  readonly spaceName: (spaceId: string) => string;
  /** What else the Inbox lists above the mentions (the relay's updates and their settings). */
  readonly updates?: ReactNode;
  /** Unread entries of `updates`: "Mark all as read" marks them too, through `onMarkUpdatesRead`. */
  readonly updatesUnread?: number;
  readonly onMarkUpdatesRead?: () => void;
}

/** What the inbox can be narrowed to: the kind of place a mention was made in. */
export const INBOX_FILTERS = ['all', 'comment', 'body'] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

/** The entries a filter keeps, newest first as the service orders them. */
export function filterInbox(
  items: readonly InboxItem[],
  filter: InboxFilter,
  unreadOnly: boolean,
): readonly InboxItem[] {
  return items.filter(
    (item) => (filter === 'all' || item.entry.kind === filter) && (!unreadOnly || item.unread),
  );
}

/**
 * The Inbox: every mention of me in the notes this device holds, narrowed
 * by kind, each entry opening its note. A view of the main area, so it
 * stays beside the sidebar instead of covering the window.
 */
export function InboxView({
  inbox,
  host,
  hrefFor,
  onOpen,
  spaceName,
  updates,
  updatesUnread = 0,
  onMarkUpdatesRead,
}: InboxViewProps) {
  const t = useT();
  const headingId = useId();
  const [access, setAccess] = useState<NotificationAccess>(() => host.notificationPermission());
  const [kind, setKind] = useState<InboxKind>('all');
  const [filter, setFilter] = useState<InboxFilter>('all');
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { service, items } = inbox;
  const unread = items.filter((item) => item.unread);
  const shown = filterInbox(items, filter, unreadOnly);
  // The unread count and "Mark all as read" stay whole: the filter narrows what is listed only.
  const mentions = showsMentions(kind);
  const label = { all: t('inbox.all'), comment: t('inbox.comments'), body: t('inbox.notes') };
  return (
    <section className="view inbox" aria-labelledby={headingId}>
      <header className="view__header">
        <h1 id={headingId} className="view__title">
          {t('inbox.title')}
        </h1>
        <Button
          disabled={unread.length === 0 && updatesUnread === 0}
          onClick={() => {
            service?.markSeen(unread.map((item) => item.key));
            if (updatesUnread > 0) onMarkUpdatesRead?.();
          }}
        >
          {t('inbox.markAllRead')}
        </Button>
      </header>
      <Field inline className="inbox__kind" label={t('notifications.kindFilter')}>
        {(control) => (
          <Select
            {...control}
            value={kind}
            onChange={(event) => {
              setKind(event.target.value as InboxKind);
            }}
          >
            {INBOX_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`notifications.kinds.${k}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <InboxKindContext value={kind}>{updates}</InboxKindContext>
      {updates !== undefined && mentions && <h2 className="inbox__heading">{t('inbox.list')}</h2>}
      {mentions && (
        <div className="inbox__filters" role="group" aria-label={t('inbox.filter')}>
          {INBOX_FILTERS.map((place) => (
            <Button
              key={place}
              className="inbox__filter"
              aria-pressed={filter === place}
              onClick={() => {
                setFilter(place);
              }}
            >
              {label[place]}
            </Button>
          ))}
          <label className="inbox__unread-only">
            <input
              type="checkbox"
              checked={unreadOnly}
              onChange={(event) => {
                setUnreadOnly(event.target.checked);
              }}
            />
            {t('inbox.unreadOnly')}
          </label>
        </div>
      )}
      {access === 'default' && (
        <p className="inbox__hint">
          {t('inbox.enableHint')}{' '}
          <Button
            onClick={() => {
              // From the click itself: browsers ignore prompts without a gesture.
              void host.requestNotificationPermission().then(setAccess);
            }}
          >
            {t('inbox.enable')}
          </Button>
        </p>
      )}
      {access === 'denied' && <p className="inbox__hint">{t('inbox.blocked')}</p>}
      {!mentions ? null : shown.length === 0 ? (
        <p className="view__empty">
          {items.length === 0 ? t('inbox.empty') : t('inbox.emptyFiltered')}
        </p>
      ) : (
        <ul className="inbox__list" aria-label={t('inbox.list')}>
          {shown.map((item) => (
            <li
              key={item.key}
              className={item.unread ? 'inbox__item inbox__item--unread' : 'inbox__item'}
            >
              <a
                className="inbox__link"
                href={hrefFor(item.room)}
                onClick={(event) => {
                  event.preventDefault();
                  service?.markSeen([item.key]);
                  onOpen(item.room);
                }}
              >
                <span className="inbox__who">
                  {item.unread && (
                    <Chip tone="accent" className="inbox__new">
                      {t('inbox.new')}
                    </Chip>
                  )}
                  {item.entry.kind === 'comment'
                    ? t('inbox.inComment', { name: item.entry.authorName })
                    : t('inbox.inNote')}
                </span>
                <span className="inbox__text">
                  {item.entry.kind === 'comment' ? item.entry.text : item.entry.snippet}
                </span>
                <small className="inbox__where">
                  {item.noteTitle} · {spaceName(item.room.spaceId)}
                  {item.at !== null && (
                    <>
                      {' · '}
                      <RelativeTime value={item.at} />
                    </>
                  )}
                </small>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
