import { useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Host } from '../../../shared/host.ts';
import { notificationText, NOTIFY_LIMITS } from '../../../shared/mentions/index.ts';
import type { MembersApi, NotificationsApi } from '../../api/index.ts';
import { AppServicesContext } from '../../services/index.ts';
import {
  createNotificationLabels,
  describeNotification,
  roomOfNotification,
  type NotificationLabels,
} from './labels.ts';
import {
  createNotificationsService,
  type NotificationsService,
  type NotificationsSnapshot,
} from './notifications-service.ts';
import { watchNotificationsPush } from './notifications-push.ts';

export interface NotificationsState {
  readonly service: NotificationsService | null;
  readonly snapshot: NotificationsSnapshot;
  readonly labels: NotificationLabels | null;
}

const NONE: NotificationsSnapshot = { status: 'loading', items: [], unread: 0, settings: null };

/**
 * The relay's notifications of `sub` for as long as the workspace lives:
 * read once, kept current by the relay's pushes (a poll while no note is
 * open), and each new one the relay lets alert announced by `host.notify`.
 */
export function useNotifications(
  sub: string,
  api: NotificationsApi | null,
  members: Pick<MembersApi, 'list'>,
  host: Pick<Host, 'notify'>,
): NotificationsState {
  const services = useContext(AppServicesContext);
  const registry = services?.registry ?? null;
  const store = services?.store ?? null;
  const labels = useMemo(
    () => (registry === null ? null : createNotificationLabels({ members, registry })),
    [members, registry],
  );
  const service = useMemo(() => {
    if (api === null || labels === null || store === null) return null;
    // Read when a notification arrives: the spaces may have loaded since.
    const spaceName = (id: string) =>
      store.getState().spaces.items.find((space) => space.id === id)?.name ?? id;
    return createNotificationsService({
      api,
      announce: (n) => {
        void (async () => {
          const space = spaceName(n.spaceId);
          const actor = n.actor === null ? null : await labels.nameOf(n.spaceId, n.actor);
          const note = n.noteId === null ? null : await labels.titleOf(n.spaceId, n.noteId);
          // A note this device has not synced yet has only its id: the space alone says more.
          const where = note === null || note === n.noteId ? space : `${note} · ${space}`;
          await host.notify({
            title: notificationText(describeNotification(n, actor, space), NOTIFY_LIMITS.title),
            body: notificationText(where, NOTIFY_LIMITS.body),
            target: roomOfNotification(n),
          });
        })().catch((error: unknown) => {
          console.warn(
            `notifications: no OS notification: ${error instanceof Error ? error.message : String(error)}`,
          );
        });
      },
    });
  }, [api, labels, host, store]);
  useEffect(() => {
    if (service === null || registry === null) return;
    // Read for this person (a new sign-in reads the list and settings anew).
    void service.refresh();
    return watchNotificationsPush({
      registry,
      win: window,
      onPush: (push) => {
        service.received(push);
      },
      onResync: () => {
        // Notes may have been renamed, or their spaces synced since: titles are read again.
        labels?.clear();
        void service.refresh();
      },
    });
  }, [service, registry, labels, sub]);
  const snapshot = useSyncExternalStore(
    (listener) => service?.subscribe(listener) ?? (() => undefined),
    () => service?.snapshot() ?? NONE,
  );
  return { service, snapshot, labels };
}
