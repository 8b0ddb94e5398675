import type {
  NotificationSettings,
  NotificationsResponse,
} from '../../shared/notifications-api.ts';
import { API } from '../../shared/rest/index.ts';
import { createApiCall, type ApiCallOptions } from './api-call.ts';

/** The caller's relay notifications and their settings; see shared/notifications-api.ts. */
export interface NotificationsApi {
  /** Newest first, with the unread count. */
  list(): Promise<NotificationsResponse>;
  markRead(ids: readonly string[]): Promise<void>;
  markAllRead(): Promise<void>;
  settings(): Promise<NotificationSettings>;
  /** Replaces the settings; answers them as stored. */
  saveSettings(settings: NotificationSettings): Promise<NotificationSettings>;
}

export function createNotificationsApi(options: ApiCallOptions): NotificationsApi {
  const call = createApiCall(options);
  return {
    list: () => call(API.listNotifications),
    markRead: async (ids) => {
      await call(API.markNotificationsRead, { body: { ids: [...ids] } });
    },
    markAllRead: async () => {
      await call(API.markAllNotificationsRead);
    },
    settings: () => call(API.getNotificationSettings),
    saveSettings: (settings) => call(API.setNotificationSettings, { body: settings }),
  };
}
