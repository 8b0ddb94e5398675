/**
 * Quitting or reloading with changes the relay has not yet stored asks first
 *. The renderer already refuses `beforeunload` while its
 * sync status counts unsynced changes; in a browser that shows the browser's
 * own prompt, but Electron shows nothing and just cancels the close. Electron
 * reports the refusal as `will-prevent-unload`; we ask the person, and
 * `preventDefault()` there means "unload anyway"
 * (https://www.electronjs.org/docs/latest/api/web-contents#event-will-prevent-unload).
 */

/** The part of `webContents` this needs. */
export interface UnloadEventSource {
  on(event: 'will-prevent-unload', listener: (event: { preventDefault(): void }) => void): unknown;
}

/** Asks the person; true means leave anyway. In main: a modal `dialog.showMessageBoxSync`. */
export type ConfirmLeave = (question: LeaveQuestion) => boolean;

export interface LeaveQuestion {
  readonly message: string;
  readonly detail: string;
  /** Button labels; index 0 stays (the default and the cancel answer), 1 leaves. */
  readonly buttons: readonly [string, string];
}

export const UNSYNCED_QUESTION: LeaveQuestion = {
  message: 'Some changes are not yet synced',
  detail:
    'They are kept on this computer and will sync the next time Commonplace is online. ' +
    'Until then, nobody else can see them.',
  buttons: ['Stay', 'Quit anyway'],
};

/** Wires the question to a window's `webContents`. */
export function guardUnsyncedUnload(contents: UnloadEventSource, confirmLeave: ConfirmLeave): void {
  contents.on('will-prevent-unload', (event) => {
    if (confirmLeave(UNSYNCED_QUESTION)) event.preventDefault();
  });
}
