import { hasTrustedOrigin } from '../origin.ts';

/** The part of Electron's `WebFrameMain` the sender check reads. */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}

/** The part of Electron's `IpcMainInvokeEvent` the sender check reads. */
export interface InvokeEventLike {
  readonly senderFrame: SenderFrameLike | null;
}

/**
 * Why a sender is refused, or null when it is our own top-level frame loaded
 * from a trusted origin (checklist #17 "Validate the sender of all IPC
 * messages"; VS Code's validatedIpcMain does the same). Subframes are refused
 * even on our origin: nothing we ship embeds frames, so one that asks is not ours.
 */
export function senderRejection(
  event: InvokeEventLike,
  trustedOrigins: ReadonlySet<string>,
): string | null {
  const frame = event.senderFrame;
  if (frame === null) return 'the sending frame is gone (navigated or destroyed)';
  if (frame.parent !== null) return 'the sender is not a top-level frame';
  if (!hasTrustedOrigin(frame.url, trustedOrigins)) {
    return 'the sender is not loaded from the app origin';
  }
  return null;
}
