import { useEffect, useState } from 'react';
import type { Host, NotificationAccess } from '../../../shared/host.ts';
import type { RoomName } from '../../../shared/wire.ts';
import { useAppStore } from '../../services/index.ts';
import { Dialog, Button } from '../../ui/index.ts';
import type { InboxItem, InboxService } from './inbox-service.ts';
import { useInbox } from './use-inbox.ts';
import './inbox.css';

export interface MentionsButtonProps {
  /** The signed-in person's sub: mentions of it are listed. */
  readonly sub: string;
  readonly host: Pick<Host, 'notify' | 'notificationPermission' | 'requestNotificationPermission'>;
  readonly hrefFor: (room: RoomName) => string;
  readonly onOpen: (room: RoomName) => void;
  /** A space's name for display (its id when unknown). */
  readonly spaceName: (spaceId: string) => string;
  /** The note open now: mentions in it count as read, as they are on screen. */
  readonly current: RoomName | null;
}

/**
 * "Mentions" (issue 4 point 6): a sidebar button with the number of unread
 * mentions of me, opening the list of every mention in the notes this device
 * holds. New mentions from others are also announced as notifications.
 */
export function MentionsButton(props: MentionsButtonProps) {
  const [open, setOpen] = useState(false);
  const { service, items } = useInbox(props.sub, props.host);
  const spaces = useAppStore((st) => st.spaces);
  const joined = spaces.status === 'ready' ? new Set(spaces.items.map((space) => space.id)) : null;
  const shown = items.filter((item) => joined === null || joined.has(item.room.spaceId));
  const unread = shown.filter((item) => item.unread).length;
  const { current } = props;
  useEffect(() => {
    if (service === null || current === null) return;
    const here = items.filter(
      (item) =>
        item.unread && item.room.spaceId === current.spaceId && item.room.docId === current.docId,
    );
    if (here.length > 0) service.markSeen(here.map((item) => item.key));
  }, [service, items, current]);
  return (
    <>
      <Button
        className="inbox__open"
        aria-label={unread === 0 ? 'Mentions' : `Mentions, ${String(unread)} unread`}
        onClick={() => {
          setOpen(true);
        }}
      >
        Mentions
        {unread > 0 && (
          <span className="inbox__count" aria-hidden="true">
            {unread}
          </span>
        )}
      </Button>
      {open && (
        <MentionsDialog
          {...props}
          items={shown}
          service={service}
          onClose={() => {
            setOpen(false);
          }}
        />
      )}
    </>
  );
}

function describe(item: InboxItem): { who: string; text: string } {
  if (item.entry.kind === 'comment') {
    return { who: `${item.entry.authorName} mentioned you in a comment`, text: item.entry.text };
  }
  return { who: 'You were mentioned in the note', text: item.entry.snippet };
}

function MentionsDialog({
  host,
  items,
  service,
  hrefFor,
  onOpen,
  spaceName,
  onClose,
}: MentionsButtonProps & {
  readonly items: readonly InboxItem[];
  readonly service: InboxService | null;
  readonly onClose: () => void;
}) {
  const [access, setAccess] = useState<NotificationAccess>(() => host.notificationPermission());
  const unread = items.filter((item) => item.unread);
  return (
    <Dialog
      title="Mentions"
      className="inbox"
      onClose={onClose}
      footer={
        <>
          <Button
            disabled={unread.length === 0}
            onClick={() => {
              service?.markSeen(unread.map((item) => item.key));
            }}
          >
            Mark all as read
          </Button>
          <Button onClick={onClose}>Close</Button>
        </>
      }
    >
      {access === 'default' && (
        <p className="inbox__hint">
          Get a notification when someone mentions you.{' '}
          <Button
            onClick={() => {
              // From the click itself: browsers ignore prompts without a gesture.
              void host.requestNotificationPermission().then(setAccess);
            }}
          >
            Enable notifications
          </Button>
        </p>
      )}
      {access === 'denied' && (
        <p className="inbox__hint">
          Notifications are blocked for this site; allow them in the browser to be told of new
          mentions.
        </p>
      )}
      {items.length === 0 ? (
        <p className="sidebar__hint">Nobody has mentioned you in the notes on this device.</p>
      ) : (
        <ul className="inbox__list" aria-label="Mentions">
          {items.map((item) => {
            const { who, text } = describe(item);
            return (
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
                    onClose();
                    onOpen(item.room);
                  }}
                >
                  {item.unread && <span className="inbox__new">New</span>}
                  <span className="inbox__who">{who}</span>
                  <span className="inbox__text">{text}</span>
                  <small className="inbox__where">
                    {item.noteTitle} · {spaceName(item.room.spaceId)}
                    {item.at !== null && <> · {new Date(item.at).toLocaleString()}</>}
                  </small>
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </Dialog>
  );
}
