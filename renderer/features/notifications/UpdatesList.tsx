import { use, useId } from 'react';
import { isMuted, mutedNoteKey, type Notification } from '../../../shared/notifications-api.ts';
import type { RoomName } from '../../../shared/wire.ts';
import { RelativeTime, useT } from '../../i18n/index.ts';
import { Button, Chip } from '../../ui/index.ts';
import { InboxKindContext, showsUpdate } from '../inbox/index.ts';
import { describeNotification, roomOfNotification } from './labels.ts';
import { useShownLabels } from './use-labels.ts';
import type { NotificationsState } from './use-notifications.ts';
import './notifications.css';

export interface UpdatesListProps {
  readonly state: NotificationsState;
  readonly spaceName: (spaceId: string) => string;
  readonly hrefFor: (room: RoomName) => string;
  readonly onOpen: (room: RoomName) => void;
}

/**
 * The relay's notifications in the Inbox: assignments, due and overdue
 * action items, replies, invitations; who, where and when, newest first.
 * Opening one marks it read; each can be marked read or its note muted.
 */
export function UpdatesList({ state, spaceName, hrefFor, onOpen }: UpdatesListProps) {
  const t = useT();
  const headingId = useId();
  const { service, snapshot, labels } = state;
  const shown = useShownLabels(labels, snapshot.items);
  // The Inbox's "filter by kind": Mentions alone hides this whole section.
  const kind = use(InboxKindContext);
  const listed = snapshot.items.filter((n) => showsUpdate(kind, n.kind));
  const settings = snapshot.settings;
  const muteNote = (n: Notification) => {
    if (settings === null || n.noteId === null || service === null) return;
    const key = mutedNoteKey(n.spaceId, n.noteId);
    void service.saveSettings({ ...settings, mutedNotes: [...settings.mutedNotes, key] });
  };
  if (kind === 'mentions') return null;
  return (
    <section className="updates" aria-labelledby={headingId}>
      <h2 id={headingId} className="updates__title">
        {t('notifications.updates')}
      </h2>
      {snapshot.status === 'error' && (
        <p className="inbox__hint">{t('notifications.loadFailed')}</p>
      )}
      {snapshot.items.length === 0 ? (
        snapshot.status === 'ready' && <p className="view__empty">{t('notifications.noUpdates')}</p>
      ) : listed.length === 0 ? (
        <p className="view__empty">{t('inbox.emptyFiltered')}</p>
      ) : (
        <ul className="inbox__list" aria-label={t('notifications.updatesList')}>
          {listed.map((n) => {
            const unread = n.readAt === null;
            const space = spaceName(n.spaceId);
            const what = describeNotification(n, shown.actor(n), space);
            const title = n.noteId === null ? null : shown.title(n.spaceId, n.noteId);
            const noteMuted =
              settings !== null && n.noteId !== null && isMuted(settings, n.spaceId, n.noteId);
            return (
              <li key={n.id} className={classFor(unread)} data-kind={n.kind}>
                <a
                  className="inbox__link"
                  href={hrefFor(roomOfNotification(n))}
                  onClick={(event) => {
                    event.preventDefault();
                    void service?.markRead([n.id]);
                    onOpen(roomOfNotification(n));
                  }}
                >
                  <span className="inbox__who">
                    {unread && (
                      <Chip tone="accent" className="inbox__new">
                        {t('inbox.new')}
                      </Chip>
                    )}
                    {what}
                  </span>
                  <small className="inbox__where">
                    {title === null ? space : `${title} · ${space}`}
                    {' · '}
                    <RelativeTime value={n.createdAt} />
                    {n.muted && ` · ${t('notifications.muted')}`}
                  </small>
                </a>
                <div className="updates__actions">
                  {unread && (
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={t('notifications.markReadOf', { what })}
                      onClick={() => {
                        void service?.markRead([n.id]);
                      }}
                    >
                      {t('notifications.markRead')}
                    </Button>
                  )}
                  {title !== null && !noteMuted && settings !== null && (
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={t('notifications.muteNoteOf', { title })}
                      onClick={() => {
                        muteNote(n);
                      }}
                    >
                      {t('notifications.muteNote')}
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function classFor(unread: boolean): string {
  return unread ? 'inbox__item updates__item inbox__item--unread' : 'inbox__item updates__item';
}
