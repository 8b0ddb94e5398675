import { useEffect } from 'react';
import type { Host } from '../../../shared/host.ts';
import type { RoomName } from '../../../shared/wire.ts';
import { useAppStore } from '../../services/index.ts';
import type { InboxItem, InboxService } from './inbox-service.ts';
import { useInbox } from './use-inbox.ts';

export interface InboxState {
  readonly service: InboxService | null;
  /** Mentions in the spaces I belong to (all of them until my spaces are known). */
  readonly items: readonly InboxItem[];
  readonly unread: number;
}

/**
 * The one inbox of the workspace: the sidebar's count and the Inbox view
 * share it, so every mention is announced once. Mentions in the note on
 * screen count as read, as they are being looked at.
 */
export function useInboxState(
  sub: string,
  host: Pick<Host, 'notify'>,
  current: RoomName | null,
): InboxState {
  const { service, items } = useInbox(sub, host);
  const spaces = useAppStore((st) => st.spaces);
  const joined = spaces.status === 'ready' ? new Set(spaces.items.map((space) => space.id)) : null;
  const shown = items.filter((item) => joined === null || joined.has(item.room.spaceId));
  useEffect(() => {
    if (service === null || current === null) return;
    const here = items.filter(
      (item) =>
        item.unread && item.room.spaceId === current.spaceId && item.room.docId === current.docId,
    );
    if (here.length > 0) service.markSeen(here.map((item) => item.key));
  }, [service, items, current]);
  return { service, items: shown, unread: shown.filter((item) => item.unread).length };
}
