export { UpdatesList, type UpdatesListProps } from './UpdatesList.tsx';
export {
  NotificationSettingsPanel,
  type NotificationSettingsPanelProps,
} from './NotificationSettingsPanel.tsx';
export { useNotifications, type NotificationsState } from './use-notifications.ts';
export {
  createNotificationsService,
  type NotificationsService,
  type NotificationsSnapshot,
} from './notifications-service.ts';
export { watchNotificationsPush, NOTIFICATIONS_POLL_MS } from './notifications-push.ts';
export { describeNotification, roomOfNotification } from './labels.ts';
