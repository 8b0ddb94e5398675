import type { Notification } from '../../../shared/notifications-api.ts';
import { HOME_DOC_ID } from '../../../shared/space-index/index.ts';
import type { RoomName } from '../../../shared/wire.ts';
import type { MembersApi } from '../../api/index.ts';
import { t } from '../../i18n/index.ts';
import type { DocRegistry } from '../../sync/index.ts';
import { createNoteTitles } from '../inbox/index.ts';

/** Names of people and titles of notes, read once per space and kept until `clear()`. */
export interface NotificationLabels {
  /** The display name of `sub` among `spaceId`'s members, else the id itself. */
  nameOf(spaceId: string, sub: string): Promise<string>;
  titleOf(spaceId: string, noteId: string): Promise<string>;
  clear(): void;
}

export function createNotificationLabels(deps: {
  readonly members: Pick<MembersApi, 'list'>;
  readonly registry: Pick<DocRegistry, 'readLocal'>;
}): NotificationLabels {
  const names = new Map<string, Promise<Map<string, string>>>();
  const titles = createNoteTitles(deps.registry);
  const namesOf = (spaceId: string): Promise<Map<string, string>> => {
    let found = names.get(spaceId);
    if (found === undefined) {
      found = deps.members
        .list(spaceId)
        .then((list) => new Map(list.map((m) => [m.id, m.name ?? m.email ?? m.id])))
        // A failed read is tried again next time (the relay may be back).
        .catch(() => {
          names.delete(spaceId);
          return new Map<string, string>();
        });
      names.set(spaceId, found);
    }
    return found;
  };
  return {
    nameOf: async (spaceId, sub) => (await namesOf(spaceId)).get(sub) ?? sub,
    titleOf: (spaceId, noteId) => titles.titleOf({ spaceId, docId: noteId }),
    clear: () => {
      names.clear();
      titles.clear();
    },
  };
}

/** What a notification says, in the UI language: `actor` and `space` are display names. */
export function describeNotification(
  n: Pick<Notification, 'kind'>,
  actor: string | null,
  space: string,
): string {
  const name = actor ?? t('notifications.someone');
  switch (n.kind) {
    case 'action_item.assigned':
      return t('notifications.assigned', { name });
    case 'action_item.due':
      return t('notifications.due');
    case 'action_item.overdue':
      return t('notifications.overdue');
    case 'comment.reply':
      return t('notifications.reply', { name });
    case 'space.added':
      return t('notifications.added', { name, space });
  }
}

/** The note a notification opens: its own, or the space's home page (being added to a space). */
export function roomOfNotification(n: Pick<Notification, 'spaceId' | 'noteId'>): RoomName {
  return { spaceId: n.spaceId, docId: n.noteId ?? HOME_DOC_ID };
}
