import { useCallback, useContext, useEffect, useState } from 'react';
import { formatRoomName, type RoomName } from '../../../shared/wire.ts';
import { AppServicesContext, useAppStore } from '../../services/index.ts';
import { Dialog, Button, Chip } from '../../ui/index.ts';
import { parseDay, useFormat, useT } from '../../i18n/index.ts';
import { toLocalInput } from './meeting-time.ts';
import { collectMyActionItems, tickActionItem, type MyActionItem } from './my-action-items.ts';
import './meeting-extras.css';
import './meeting.css';

export interface MyActionItemsProps {
  /** The signed-in person's `sub`: items assigned to it are listed. */
  readonly sub: string;
  readonly hrefFor: (room: RoomName) => string;
  readonly onOpen: (room: RoomName) => void;
}

function keyOf(item: MyActionItem): string {
  return `${formatRoomName(item.room)}#${item.id}`;
}

type State =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly items: readonly MyActionItem[] }
  | { readonly status: 'error'; readonly message: string };

/**
 * "My action items" (issue 4 point 5): a sidebar button opening the list of
 * every open action item assigned to me in the notes this device holds,
 * each linking to its note; ticking one ticks it in the note.
 */
export function MyActionItems(props: MyActionItemsProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        className="meeting-mine__open"
        onClick={() => {
          setOpen(true);
        }}
      >
        My action items
      </Button>
      {open && (
        <MyActionItemsDialog
          {...props}
          onClose={() => {
            setOpen(false);
          }}
        />
      )}
    </>
  );
}

function MyActionItemsDialog({
  sub,
  hrefFor,
  onOpen,
  onClose,
}: MyActionItemsProps & { readonly onClose: () => void }) {
  const services = useContext(AppServicesContext);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [error, setError] = useState<string | null>(null);
  // Notes of spaces I have left stay on this device; once my spaces are
  // known, only theirs are listed ("across all my spaces").
  const spaces = useAppStore((st) => st.spaces);
  const joined = spaces.status === 'ready' ? new Set(spaces.items.map((space) => space.id)) : null;
  // Items being ticked: shown checked (and not clickable twice) until the list is read again.
  const [ticking, setTicking] = useState<ReadonlySet<string>>(new Set());

  // Bumped to read the notes again (after a tick, or "Refresh").
  const [round, setRound] = useState(0);
  const reload = useCallback(() => {
    setRound((n) => n + 1);
  }, []);

  useEffect(() => {
    if (services === null) return;
    let current = true;
    collectMyActionItems(services.registry, sub).then(
      (items) => {
        if (current) {
          setState({ status: 'ready', items });
          setTicking(new Set());
        }
      },
      (e: unknown) => {
        if (current) {
          setState({ status: 'error', message: e instanceof Error ? e.message : String(e) });
        }
      },
    );
    return () => {
      current = false;
    };
  }, [services, sub, round]);

  const tick = async (item: MyActionItem) => {
    if (services === null) return;
    setTicking((set) => new Set(set).add(keyOf(item)));
    try {
      const changed = await tickActionItem(services.registry, services.store, item.room, item.id);
      setError(
        changed === 0 ? 'This item was changed elsewhere; the list is up to date now.' : null,
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
    reload();
  };

  // Sorted by due date already; dates before today are marked overdue.
  const today = toLocalInput(new Date()).slice(0, 10);
  const t = useT();
  const format = useFormat();
  const dayOf = (iso: string) => {
    const day = parseDay(iso);
    return day === null ? iso : format.date(day, 'date');
  };
  const shown =
    state.status === 'ready'
      ? state.items.filter((item) => joined === null || joined.has(item.room.spaceId))
      : [];

  return (
    <Dialog
      title="My action items"
      className="meeting-mine"
      onClose={onClose}
      footer={
        <>
          <Button onClick={reload}>Refresh</Button>
          <Button onClick={onClose}>Close</Button>
        </>
      }
    >
      {error !== null && (
        <p className="sidebar__error" role="alert">
          {error}
        </p>
      )}
      {state.status === 'loading' && <p className="sidebar__hint">Looking through your notes…</p>}
      {state.status === 'error' && (
        <p className="sidebar__error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' &&
        (shown.length === 0 ? (
          <p className="sidebar__hint">No open action items are assigned to you.</p>
        ) : (
          <ul className="meeting-mine__list" aria-label="My action items">
            {shown.map((item) => (
              <li key={keyOf(item)} className="meeting-mine__item">
                <input
                  type="checkbox"
                  checked={ticking.has(keyOf(item))}
                  disabled={ticking.has(keyOf(item))}
                  aria-label={`Done: ${item.text}`}
                  onChange={() => void tick(item)}
                />
                <span className="meeting-mine__text">
                  {item.text === '' ? '(no text)' : item.text}
                  {item.due !== null && (
                    <Chip
                      tone={item.due < today ? 'danger' : 'neutral'}
                      className="meeting-mine__due"
                    >
                      {t(item.due < today ? 'actionItem.dueOverdue' : 'actionItem.due', {
                        // Absolute: a list across notes is read as a schedule.
                        day: dayOf(item.due),
                      })}
                    </Chip>
                  )}
                </span>
                <a
                  className="meeting-mine__link"
                  href={hrefFor(item.room)}
                  onClick={(event) => {
                    event.preventDefault();
                    onClose();
                    onOpen(item.room);
                  }}
                >
                  {item.noteTitle === '' ? 'Open note' : item.noteTitle}
                </a>
              </li>
            ))}
          </ul>
        ))}
    </Dialog>
  );
}
