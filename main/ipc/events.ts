import { z } from 'zod';
import { ipcEvents, type IpcEvent, type IpcEventPayload } from '../../shared/ipc.ts';
import type { SignInService } from '../auth/sign-in-service.ts';
import { hasTrustedOrigin } from '../origin.ts';

/** The part of Electron's `WebContents` an event is sent through. */
export interface EventTargetLike {
  send(channel: string, ...args: unknown[]): void;
  /** URL of the top-level frame: who would receive the event. */
  getURL(): string;
  isDestroyed(): boolean;
}

export interface EventSenderOptions {
  /** Origins of our own pages (the app protocol; the dev server in development). */
  readonly trustedOrigins: ReadonlySet<string>;
  /** Payloads are never logged (a later event might carry something private). */
  readonly log?: (message: string) => void;
}

/** Sends one contract event to one window's contents; true when it was sent. */
export type SendEvent = <E extends IpcEvent>(
  target: EventTargetLike,
  event: E,
  payload: IpcEventPayload<E>,
) => boolean;

/**
 * Main → renderer events, the mirror of register.ts: the payload is parsed by
 * the event's schema in `shared/ipc.ts` (which also strips any field it does
 * not name, so nothing extra rides along), and it goes only to a live
 * webContents showing one of our own origins: a window that navigated
 * elsewhere gets nothing (checklist #17 in the other direction).
 */
export function createEventSender(options: EventSenderOptions): SendEvent {
  const log =
    options.log ??
    ((message: string) => {
      console.warn(message);
    });
  return (target, event, payload) => {
    if (target.isDestroyed()) return false;
    if (!hasTrustedOrigin(target.getURL(), options.trustedOrigins)) {
      log(`ipc: not sending ${event}: the window is not showing the app`);
      return false;
    }
    const parsed = ipcEvents[event].safeParse(payload);
    if (!parsed.success) {
      log(`ipc: not sending ${event}: invalid payload: ${z.prettifyError(parsed.error)}`);
      return false;
    }
    target.send(event, parsed.data);
    return true;
  };
}

/**
 * Pushes every session change of `service` to each window `targets()` lists,
 * on `auth:session-changed`; returns the unsubscribe function.
 */
export function pushSessionChanges(
  service: Pick<SignInService, 'onStateChange'>,
  targets: () => Iterable<EventTargetLike>,
  sendEvent: SendEvent,
): () => void {
  return service.onStateChange((state) => {
    for (const target of targets()) {
      // The service notifies synchronously from inside sign-in and refresh:
      // a window failing to receive must not break those.
      try {
        sendEvent(target, 'auth:session-changed', state);
      } catch {
        // The window is going away; it asks for the session again when it loads.
      }
    }
  });
}
