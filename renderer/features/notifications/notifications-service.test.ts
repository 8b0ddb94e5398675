import { describe, expect, it } from 'vitest';
import type {
  Notification,
  NotificationSettings,
  NotificationsResponse,
} from '../../../shared/notifications-api.ts';
import type { NotificationsApi } from '../../api/index.ts';
import { createNotificationsService } from './notifications-service.ts';

function note(id: string, extra: Partial<Notification> = {}): Notification {
  return {
    id,
    kind: 'action_item.assigned',
    spaceId: 's1',
    noteId: 'n1',
    targetId: id,
    actor: 'ada',
    createdAt: 1,
    readAt: null,
    muted: false,
    ...extra,
  };
}

/** An in-memory relay answering like the real routes (the unread count includes muted ones). */
function relay(initial: Notification[]) {
  let list = initial;
  let settings: NotificationSettings = { mutedSpaces: [], mutedNotes: [], dnd: null };
  let refuse = false;
  const api: NotificationsApi = {
    list: () =>
      Promise.resolve<NotificationsResponse>({
        notifications: list,
        unread: list.filter((n) => n.readAt === null).length,
      }),
    markRead: (ids) => {
      list = list.map((n) => (ids.includes(n.id) ? { ...n, readAt: 2 } : n));
      return Promise.resolve();
    },
    markAllRead: () => {
      list = list.map((n) => ({ ...n, readAt: n.readAt ?? 2 }));
      return Promise.resolve();
    },
    settings: () => Promise.resolve(settings),
    saveSettings: (next) => {
      if (refuse) return Promise.reject(new Error('refused'));
      settings = next;
      list = list.map((n) => ({ ...n, muted: next.mutedSpaces.includes(n.spaceId) }));
      return Promise.resolve(next);
    },
  };
  return {
    api,
    add: (n: Notification) => {
      list = [n, ...list];
    },
    refuse: () => {
      refuse = true;
    },
  };
}

describe('the notifications service', () => {
  it('adds a push once however many connections carry it, and announces only alerting ones', async () => {
    const fake = relay([note('old')]);
    const announced: string[] = [];
    const service = createNotificationsService({
      api: fake.api,
      announce: (n) => announced.push(n.id),
    });
    await service.refresh();
    expect(service.snapshot().unread).toBe(1);
    const push = { notification: note('new'), alert: true };
    service.received(push);
    service.received(push);
    service.received({ notification: note('quiet'), alert: false });
    expect(service.snapshot().items.map((n) => n.id)).toEqual(['quiet', 'new', 'old']);
    expect(service.snapshot().unread).toBe(3);
    expect(announced).toEqual(['new']);
  });

  it('announces one first seen in a later read, never the first list, and counts no muted one', async () => {
    const fake = relay([note('old'), note('hush', { spaceId: 's2', muted: true })]);
    const announced: string[] = [];
    const service = createNotificationsService({
      api: fake.api,
      announce: (n) => announced.push(n.id),
    });
    await service.refresh();
    expect(service.snapshot().unread).toBe(1);
    fake.add(note('later'));
    fake.add(note('muted-later', { spaceId: 's2', muted: true }));
    await service.refresh();
    expect(announced).toEqual(['later']);
    expect(service.snapshot().unread).toBe(2);
    await service.markAllRead();
    expect(service.snapshot().unread).toBe(0);
    await service.refresh();
    expect(service.snapshot().items.every((n) => n.readAt !== null)).toBe(true);
  });

  it('marks read at once and on the relay; settings show at once and go back when refused', async () => {
    const fake = relay([note('a'), note('b', { spaceId: 's2' })]);
    const service = createNotificationsService({ api: fake.api, announce: () => undefined });
    await service.refresh();
    await service.markRead(['a', 'a', 'unknown']);
    expect(service.snapshot().unread).toBe(1);
    await service.refresh();
    expect(service.snapshot().items.find((n) => n.id === 'a')?.readAt).toBe(2);

    await service.saveSettings({ mutedSpaces: ['s2'], mutedNotes: [], dnd: null });
    expect(service.snapshot().settings?.mutedSpaces).toEqual(['s2']);
    expect(service.snapshot().unread).toBe(0);
    fake.refuse();
    const saving = service.saveSettings({ mutedSpaces: [], mutedNotes: [], dnd: null });
    expect(service.snapshot().settings?.mutedSpaces).toEqual([]);
    await expect(saving).rejects.toThrow('refused');
    expect(service.snapshot().settings?.mutedSpaces).toEqual(['s2']);
  });
});
