import {
  inDnd,
  type Notification,
  type NotificationPush,
  type NotificationSettings,
} from '../../../shared/notifications-api.ts';
import type { NotificationsApi } from '../../api/index.ts';

/** What the Updates list shows: the relay's notifications of the signed-in person. */
export interface NotificationsSnapshot {
  /** 'loading' until the first answer; 'error' while the relay cannot be read (the list is kept). */
  readonly status: 'loading' | 'ready' | 'error';
  /** Newest first. */
  readonly items: readonly Notification[];
  /** Unread and not muted (muted ones are listed, never counted). */
  readonly unread: number;
  /** Null until read from the relay. */
  readonly settings: NotificationSettings | null;
}

export interface NotificationsServiceOptions {
  readonly api: NotificationsApi;
  /** Shows an OS notification for a new one the relay says may alert (not muted, not in DND). */
  readonly announce: (notification: Notification) => void;
}

export interface NotificationsService {
  snapshot(): NotificationsSnapshot;
  /** Called after every change of `snapshot()`; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Reads the list and the settings from the relay again. */
  refresh(): Promise<void>;
  /** A live push from the relay (one per open connection: repeats are dropped). */
  received(push: NotificationPush): void;
  markRead(ids: readonly string[]): Promise<void>;
  markAllRead(): Promise<void>;
  saveSettings(settings: NotificationSettings): Promise<void>;
}

const INITIAL: NotificationsSnapshot = { status: 'loading', items: [], unread: 0, settings: null };

/**
 * The relay's notifications of one person: read over REST, kept current by
 * the relay's pushes, marked read optimistically (the relay's answer is the
 * truth on the next read). Each app connection carries the same push, so a
 * notification is added, and announced, once by id.
 */
export function createNotificationsService(
  options: NotificationsServiceOptions,
): NotificationsService {
  const { api } = options;
  let state = INITIAL;
  const listeners = new Set<() => void>();
  const announced = new Set<string>();
  const set = (next: NotificationsSnapshot): void => {
    state = next;
    for (const listener of [...listeners]) listener();
  };
  const withRead = (ids: ReadonlySet<string> | null): NotificationsSnapshot => {
    const at = Date.now();
    const items = state.items.map((n) =>
      n.readAt === null && (ids === null || ids.has(n.id)) ? { ...n, readAt: at } : n,
    );
    const changed = items.filter((n, i) => n !== state.items[i] && !n.muted).length;
    return { ...state, items, unread: Math.max(0, state.unread - changed) };
  };

  let first = true;
  let reading: Promise<void> | null = null;
  let again = false;
  const read = async (): Promise<void> => {
    try {
      const [list, settings] = await Promise.all([api.list(), api.settings()]);
      // The first list is old news. Later, one first seen in a list (read while no
      // connection carried its push) is announced as its push would have been.
      for (const n of list.notifications) {
        if (announced.has(n.id)) continue;
        announced.add(n.id);
        if (!first && n.readAt === null && !n.muted && !inDnd(settings.dnd, Date.now())) {
          options.announce(n);
        }
      }
      first = false;
      // Muted ones are listed but never counted: a muted space must not keep the badge lit.
      const mutedUnread = list.notifications.filter((n) => n.muted && n.readAt === null).length;
      set({
        status: 'ready',
        items: list.notifications,
        unread: Math.max(0, list.unread - mutedUnread),
        settings,
      });
    } catch {
      set({ ...state, status: 'error' });
    }
  };
  // Many connections may ask at once (each reconnect): one read at a time, and one more after it.
  const refresh = (): Promise<void> => {
    if (reading !== null) {
      again = true;
      return reading;
    }
    reading = read().finally(() => {
      reading = null;
      if (again) {
        again = false;
        void refresh();
      }
    });
    return reading;
  };

  return {
    snapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    refresh,
    received({ notification, alert }) {
      if (announced.has(notification.id)) return;
      announced.add(notification.id);
      const known = state.items.some((n) => n.id === notification.id);
      if (!known) {
        set({
          ...state,
          items: [notification, ...state.items],
          unread: state.unread + (notification.readAt === null && !notification.muted ? 1 : 0),
        });
      }
      if (alert && !notification.muted) options.announce(notification);
    },
    async markRead(ids) {
      const unread = ids.filter((id) => state.items.some((n) => n.id === id && n.readAt === null));
      if (unread.length === 0) return;
      set(withRead(new Set(unread)));
      await api.markRead(unread).catch(() => undefined);
    },
    async markAllRead() {
      if (state.unread === 0 && !state.items.some((n) => n.readAt === null)) return;
      set({ ...withRead(null), unread: 0 });
      await api.markAllRead().catch(() => undefined);
    },
    async saveSettings(settings) {
      // Shown at once (a checkbox follows the click); put back if the relay refuses.
      const before = state.settings;
      set({ ...state, settings });
      let stored: NotificationSettings;
      try {
        stored = await api.saveSettings(settings);
      } catch (error) {
        set({ ...state, settings: before });
        throw error;
      }
      // Muting changes how the stored ones are listed (their `muted` flag): read them again.
      set({ ...state, settings: stored });
      await refresh();
    },
  };
}
