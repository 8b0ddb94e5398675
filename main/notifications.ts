// Native notifications ("you were mentioned"). Main owns
// them: the page asks through the `app:notify` channel, main shows an
// Electron Notification, and a click brings the window forward and tells the
// renderer to open the note on `app:open-note` (the same path a deep link
// takes). Electron's Notification is a parameter, so this runs under Node in
// tests with a named fake.
import type { NotificationConstructorOptions } from 'electron';
import type { NoteTarget } from '../shared/host.ts';
import type { NotifyRequest } from '../shared/mentions/notify.ts';
import { createTokenBucket } from './token-bucket.ts';

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
  /** Time and timers (default: the real ones); tests pass a manual clock. */
  readonly clock?: NotifierClock;
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

/** {@link Notify}, plus what tests and shutdown need. */
export type Notifier = Notify & {
  /** Notifications held so their click still works (bounded by NOTIFY_RATE.maxHeld). */
  readonly held: () => number;
  /** Cancels a pending "N more mentions" notification. */
  readonly dispose: () => void;
};

/**
 * How many notifications main shows: a burst of 5, then one per 10 s. A
 * co-editor adding a mention every 250 ms must not fill the desktop; what
 * exceeds the rate is counted and shown as one "N more mentions" when the
 * bucket has a token again (the Mentions inbox lists every one of them).
 */
export const NOTIFY_RATE = {
  burst: 5,
  refillMs: 10_000,
  /** Notifications held for their click handler; the oldest is let go beyond this. */
  maxHeld: 50,
} as const;

/** The clock and timer, injected so tests control time. */
export interface NotifierClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: NotifierClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

/**
 * Shows a notification per call, within {@link NOTIFY_RATE}. The request was
 * parsed by the IPC contract (plain text, limited length, no token, a valid
 * note target). While the window has the focus the notification is silent:
 * the person is looking at the app, whose Mentions count already changed
 * (Slack and Teams do not ring for what is on screen either); it still
 * appears, so a mention in another note is not missed.
 */
export function createNotifier(deps: NotifierDeps): Notifier {
  const log =
    deps.log ??
    ((message: string) => {
      console.warn(message);
    });
  const clock = deps.clock ?? realClock;
  const bucket = createTokenBucket({
    capacity: NOTIFY_RATE.burst,
    refillMs: NOTIFY_RATE.refillMs,
    now: () => clock.now(),
  });
  // Electron notifications that are garbage-collected lose their click
  // handler (electron/electron#12690), so each is held until used or closed;
  // if the OS never reports 'close', the oldest is let go beyond maxHeld.
  const live = new Set<NotificationLike>();
  /** Requests over the rate, shown later as one notification. */
  let excess: { count: number; last: NotifyRequest } | null = null;
  let timer: unknown = null;

  const show = (title: string, body: string, target: NoteTarget): void => {
    const text = deps.platform === 'linux' ? plainForLinux : (s: string) => s;
    const notification = new deps.Notification({
      title: text(title),
      body: text(body),
      silent: deps.isFocused(),
    });
    const opens = { spaceId: target.spaceId, docId: target.docId };
    live.add(notification);
    for (const old of live) {
      if (live.size <= NOTIFY_RATE.maxHeld) break;
      live.delete(old);
    }
    notification.on('click', () => {
      live.delete(notification);
      deps.focus();
      deps.openNote(opens);
    });
    notification.on('close', () => {
      live.delete(notification);
    });
    notification.show();
  };

  const flushExcess = (): void => {
    timer = null;
    if (excess === null) return;
    if (!bucket.take()) {
      timer = clock.setTimeout(flushExcess, Math.max(1, bucket.msUntilToken()));
      return;
    }
    const { count, last } = excess;
    excess = null;
    // One left over is shown as itself; more as a count that opens the latest.
    if (count === 1) show(last.title, last.body, last.target);
    else show(`${String(count)} more mentions`, last.title, last.target);
  };

  const notify: Notify = (request) => {
    if (!deps.Notification.isSupported()) {
      log('notifications are not supported on this system');
      return null;
    }
    // While an overflow waits, later requests join it, so order is kept.
    if (excess === null && bucket.take()) {
      show(request.title, request.body, request.target);
      return null;
    }
    excess = { count: (excess?.count ?? 0) + 1, last: request };
    timer ??= clock.setTimeout(flushExcess, Math.max(1, bucket.msUntilToken()));
    return null;
  };
  return Object.assign(notify, {
    held: () => live.size,
    dispose: () => {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      excess = null;
    },
  });
}
