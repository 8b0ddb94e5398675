/**
 * Records notifications and delivers them: each event is stored once per
 * recipient (the store's unique key; a repeat, from a retry, a restart or
 * another node, is dropped), then pushed through the fan-out to the
 * person's open connections on every node. A muted space's or note's notifications
 * are stored and listed but never pushed; during do-not-disturb they are
 * pushed with `alert: false`, so the app updates its inbox without an OS
 * notification.
 */
import { randomUUID } from 'node:crypto';
import {
  inDnd,
  isMuted,
  type Notification,
  type NotificationPush,
  type NotificationSettings,
} from '../../shared/notifications-api.ts';
import type { Fanout } from '../fanout/types.ts';
import { errorMessage, type Logger } from '../log.ts';
import type { SpaceStore } from '../spaces/types.ts';
import type {
  ListFilter,
  NewNotification,
  NotificationStore,
  StoredNotification,
} from './types.ts';

export interface NotificationServiceDeps {
  readonly store: NotificationStore;
  readonly fanout: Pick<Fanout, 'publishPersonal'>;
  /** Only members of the space hear of it: an assignee who is not one gets nothing. */
  readonly spaces: Pick<SpaceStore, 'roleOf'>;
  readonly now: () => number;
  readonly log: Logger;
}

export type NotificationDraft = Omit<NewNotification, 'createdAt'>;

function view(n: StoredNotification, settings: NotificationSettings): Notification {
  return {
    id: n.id,
    kind: n.kind,
    spaceId: n.spaceId,
    noteId: n.noteId,
    targetId: n.targetId,
    actor: n.actor,
    createdAt: n.createdAt,
    readAt: n.readAt,
    muted: isMuted(settings, n.spaceId, n.noteId),
  };
}

export class NotificationService {
  readonly #deps: NotificationServiceDeps;

  constructor(deps: NotificationServiceDeps) {
    this.#deps = deps;
  }

  get store(): NotificationStore {
    return this.#deps.store;
  }

  /** Stores `draft` unless already stored, and pushes it when new. Never throws. */
  async record(draft: NotificationDraft): Promise<void> {
    const { store, spaces, now, fanout, log } = this.#deps;
    try {
      if ((await spaces.roleOf(draft.spaceId, draft.recipient)) === null) return;
      const at = now();
      const stored = await store.insert({ ...draft, createdAt: at }, randomUUID());
      if (stored === null) return;
      const settings = await store.settings(draft.recipient);
      const notification = view(stored, settings);
      if (notification.muted) return;
      const push: NotificationPush = { notification, alert: !inDnd(settings.dnd, at) };
      fanout.publishPersonal({ userId: draft.recipient, payload: JSON.stringify(push) });
    } catch (err) {
      log.warn('notification not recorded', { kind: draft.kind, error: errorMessage(err) });
    }
  }

  async recordAll(drafts: readonly NotificationDraft[]): Promise<void> {
    for (const draft of drafts) await this.record(draft);
  }

  /** Someone was added to a space by `actor`. */
  spaceAdded(spaceId: string, actor: string, userId: string): Promise<void> {
    if (actor === userId) return Promise.resolve();
    return this.record({
      recipient: userId,
      kind: 'space.added',
      eventKey: `space.added:${spaceId}`,
      spaceId,
      noteId: null,
      targetId: null,
      actor,
    });
  }

  async list(
    person: string,
    filter: ListFilter,
  ): Promise<{ notifications: Notification[]; unread: number }> {
    const { store } = this.#deps;
    const settings = await store.settings(person);
    const rows = await store.list(person, filter);
    return {
      notifications: rows.map((n) => view(n, settings)),
      unread: await store.unreadCount(person),
    };
  }
}
