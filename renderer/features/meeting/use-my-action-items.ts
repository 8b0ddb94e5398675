import { useCallback, useContext, useEffect, useState } from 'react';
import { formatRoomName } from '../../../shared/wire.ts';
import { AppServicesContext, useAppStore } from '../../services/index.ts';
import { collectMyActionItems, tickActionItem, type MyActionItem } from './my-action-items.ts';

export type MyActionItemsState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly items: readonly MyActionItem[] }
  | { readonly status: 'error'; readonly message: string };

export function actionItemKey(item: MyActionItem): string {
  return `${formatRoomName(item.room)}#${item.id}`;
}

/**
 * My open action items across the notes this device holds, read from the
 * local copies (so it works offline); `reload` reads them again and `tick`
 * ticks one in its note.
 */
export function useMyActionItems(sub: string) {
  const services = useContext(AppServicesContext);
  const [state, setState] = useState<MyActionItemsState>({ status: 'loading' });
  const [error, setError] = useState<string | null>(null);
  // Notes of spaces I have left stay on this device; once my spaces are
  // known, only theirs are listed ("across all my spaces").
  const spaces = useAppStore((st) => st.spaces);
  const joined = spaces.status === 'ready' ? new Set(spaces.items.map((space) => space.id)) : null;
  // Items being ticked: shown checked (and not clickable twice) until the list is read again.
  const [ticking, setTicking] = useState<ReadonlySet<string>>(new Set());
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

  /** Ticks `item` in its note; null when it went through, else the message to show. */
  const tick = async (item: MyActionItem, changedElsewhere: string) => {
    if (services === null) return;
    setTicking((set) => new Set(set).add(actionItemKey(item)));
    try {
      const changed = await tickActionItem(services.registry, services.store, item.room, item.id);
      setError(changed === 0 ? changedElsewhere : null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
    reload();
  };

  const items =
    state.status === 'ready'
      ? state.items.filter((item) => joined === null || joined.has(item.room.spaceId))
      : [];
  return { state, items, error, ticking, tick, reload };
}
