// Native notifications (issue 4 point 6: "you were mentioned"). Main owns
// them: the page asks through the `app:notify` channel, main shows an
// Electron Notification, and a click brings the window forward and tells the
// renderer to open the note on `app:open-note` (the same path a deep link
// takes). Electron's Notification is a parameter, so this runs under Node in
// tests with a named fake.
import type { NotificationConstructorOptions } from 'electron';
import type { NoteTarget } from '../shared/host.ts';
import type { NotifyRequest } from '../shared/mentions/notify.ts';

/** The part of Electron's `Notification` instance used here. */
export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
}

/** The part of Electron's `Notification` class used here. */
export interface NotificationClassLike {
  new (options: NotificationConstructorOptions): NotificationLike;
  isSupported(): boolean;
}

export interface NotifierDeps {
  readonly Notification: NotificationClassLike;
  readonly platform: NodeJS.Platform;
  /** Whether the app's window has the focus now. */
  readonly isFocused: () => boolean;
  /** Brings the main window to the front. */
  readonly focus: () => void;
  /** Tells the renderer to open a note (`app:open-note`). */
  readonly openNote: (target: NoteTarget) => void;
  readonly log?: (message: string) => void;
}

/**
 * Linux notification daemons interpret a subset of HTML in the body (the
 * freedesktop notification spec, "Markup"), and they disagree on entities:
 * some show `&lt;` literally (element-web PR #3564, tdesktop PR #6705). So
 * the three markup characters are replaced by look-alikes that no daemon
 * parses, rather than escaped.
 */
export function plainForLinux(text: string): string {
  return text.replace(/</g, '‹').replace(/>/g, '›').replace(/&/g, '＆');
}

export type Notify = (request: NotifyRequest) => null;

/**
 * Shows one notification per call. The request was parsed by the IPC
 * contract (plain text, limited length, no token, a valid note target).
 * While the window has the focus the notification is silent: the person is
 * looking at the app, whose Mentions count already changed (Slack and Teams
 * do not ring for what is on screen either); it still appears, so a mention
 * in another note is not missed.
 */
export function createNotifier(deps: NotifierDeps): Notify {
  const log =
    deps.log ??
    ((message: string) => {
      console.warn(message);
    });
  // Electron notifications that are garbage-collected lose their click
  // handler (electron/electron#12690), so each is held until used or closed.
  const live = new Set<NotificationLike>();
  return (request) => {
    if (!deps.Notification.isSupported()) {
      log('notifications are not supported on this system');
      return null;
    }
    const text = deps.platform === 'linux' ? plainForLinux : (s: string) => s;
    const notification = new deps.Notification({
      title: text(request.title),
      body: text(request.body),
      silent: deps.isFocused(),
    });
    const target = { spaceId: request.target.spaceId, docId: request.target.docId };
    live.add(notification);
    notification.on('click', () => {
      live.delete(notification);
      deps.focus();
      deps.openNote(target);
    });
    notification.on('close', () => {
      live.delete(notification);
    });
    notification.show();
    return null;
  };
}
