import type { NotificationAccess } from '../../shared/host.ts';

/** The browser's Notification API as the web host uses it (injected for tests). */
export interface WebNotifications {
  permission(): NotificationAccess;
  /** The browser's prompt; only honoured from a user gesture (a click). */
  requestPermission(): Promise<NotificationAccess>;
  /** Shows a notification; `onClick` runs after the tab has been focused. */
  show(title: string, body: string, onClick: () => void): void;
}

type NotificationWindow = Pick<Window, 'focus'> & { Notification?: typeof Notification };

/**
 * The Web Notifications API of `win` (https://notifications.spec.whatwg.org/).
 * `win.Notification` is looked up on every call, never captured. The title
 * and body are shown as plain text by browsers.
 */
export function browserNotifications(win: NotificationWindow): WebNotifications {
  const api = (): typeof Notification | undefined =>
    typeof win.Notification === 'function' ? win.Notification : undefined;
  return {
    permission: () => api()?.permission ?? 'unsupported',
    requestPermission: async () => {
      const Api = api();
      if (Api === undefined) return 'unsupported';
      return await Api.requestPermission();
    },
    show: (title, body, onClick) => {
      const Api = api();
      if (Api === undefined) return;
      const notification = new Api(title, { body });
      notification.onclick = () => {
        win.focus();
        notification.close();
        onClick();
      };
    },
  };
}
