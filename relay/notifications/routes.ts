/**
 * Notification routes (contract in shared/rest/notifications.ts): each
 * person reads and marks only their own notifications and settings, so no
 * check beyond being signed in is needed; ids of someone else's are ignored.
 * Answer 404 on a relay built without the notification service.
 */
import {
  MarkReadRequestSchema,
  NOTIFICATION_PAGE_MAX,
  NotificationKindSchema,
  NotificationSettingsSchema,
} from '../../shared/notifications-api.ts';
import { API } from '../../shared/rest/index.ts';
import type { ApiDeps, ApiRoute } from '../http/api-types.ts';
import { HttpError } from '../http/json.ts';
import type { NotificationService } from './service.ts';

function service(deps: ApiDeps): NotificationService {
  if (deps.notifications === undefined) {
    throw new HttpError(404, 'not_found', 'notifications are not served by this relay');
  }
  return deps.notifications;
}

export const NOTIFICATION_ROUTES: readonly ApiRoute[] = [
  {
    ...API.listNotifications,
    handle: async (deps, req) => {
      const kindParam = req.query.get('kind');
      const kind = kindParam === null ? undefined : NotificationKindSchema.safeParse(kindParam);
      if (kind !== undefined && !kind.success) {
        throw new HttpError(400, 'invalid_query', `unknown notification kind "${kindParam ?? ''}"`);
      }
      const body = await service(deps).list(req.principal.id, {
        ...(kind === undefined ? {} : { kind: kind.data }),
        unreadOnly: req.query.get('unread') === 'true',
        limit: NOTIFICATION_PAGE_MAX,
      });
      return { status: 200, body };
    },
  },
  {
    ...API.markNotificationsRead,
    handle: async (deps, req) => {
      const { ids } = MarkReadRequestSchema.parse(req.body);
      const marked = await service(deps).store.markRead(req.principal.id, ids, deps.now());
      return { status: 200, body: { marked } };
    },
  },
  {
    ...API.markAllNotificationsRead,
    handle: async (deps, req) => {
      const marked = await service(deps).store.markAllRead(req.principal.id, deps.now());
      return { status: 200, body: { marked } };
    },
  },
  {
    ...API.getNotificationSettings,
    handle: async (deps, req) => ({
      status: 200,
      body: await service(deps).store.settings(req.principal.id),
    }),
  },
  {
    ...API.setNotificationSettings,
    handle: async (deps, req) => {
      const settings = NotificationSettingsSchema.parse(req.body);
      const unique = {
        ...settings,
        mutedSpaces: [...new Set(settings.mutedSpaces)],
        mutedNotes: [...new Set(settings.mutedNotes)],
      };
      await service(deps).store.setSettings(req.principal.id, unique);
      return { status: 200, body: unique };
    },
  },
];
