// The note main was asked to open (a deep link, a clicked notification) kept
// until the renderer takes it. The `app:open-note` event alone loses a link
// that arrives before the page listens: the workspace subscribes only after
// boot and sign-in, so a link that launched the app, or one that arrived while
// the person was signed out, would be dropped. Main therefore keeps the last
// target, sends the event for a page that is already listening, and the page
// takes (and so clears) the target on `app:take-pending-note` when its
// workspace mounts.
import type { NoteTarget } from '../shared/host.ts';
import type { EventTargetLike, SendEvent } from './ipc/events.ts';

/** The last note asked for that no page has taken yet. */
export interface PendingNote {
  /** Remembers `target`, replacing any earlier one (the newest request wins). */
  offer(target: NoteTarget): void;
  /** The waiting target, or null; it is cleared. */
  take(): NoteTarget | null;
}

export function createPendingNote(): PendingNote {
  let pending: NoteTarget | null = null;
  return {
    offer(target) {
      // A copy: the caller's object must not change what is handed out later.
      pending = { spaceId: target.spaceId, docId: target.docId };
    },
    take() {
      const target = pending;
      pending = null;
      return target;
    },
  };
}

export interface NoteOpenerDeps {
  readonly pending: PendingNote;
  /** The main window's contents, or null before it exists or after it closed. */
  readonly window: () => EventTargetLike | null;
  /** The contract event sender, or null before main has started. */
  readonly sendEvent: () => SendEvent | null;
}

/**
 * Opens a note in the renderer: keeps it as pending (so a page that is not
 * listening yet still gets it) and sends `app:open-note` for a page that is.
 * The page clears the pending target when it handles the event, so a later
 * sign-in does not open it a second time.
 */
export function createNoteOpener(deps: NoteOpenerDeps): (target: NoteTarget) => void {
  return (target) => {
    deps.pending.offer(target);
    const window = deps.window();
    const send = deps.sendEvent();
    if (window === null || send === null) return;
    send(window, 'app:open-note', target);
  };
}
