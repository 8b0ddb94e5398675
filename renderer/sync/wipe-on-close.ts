import { closeErasesLocalCopy, CloseCode, WIPED_REASON } from '../../shared/wire.ts';
import { eraseLocalCopy, type EraseReport, type EraseTargets } from './local-wipe.ts';

/**
 * What the app does when the relay refuses the person for good (an
 * administrator's wipe, or the person removed from the organisation): erase
 * the local copy, end the session, and say why on the sign-in screen. Only
 * the first such close acts; the rooms that close after it change nothing.
 */
export interface WipeOnClose {
  /** Feed every relay close here; resolves true when it erased the local copy. */
  handleClose(code: number, reason: string): Promise<boolean>;
}

export interface WipeOnCloseOptions {
  readonly targets: EraseTargets;
  /** Ends the session without asking (the tokens are erased with the rest). */
  readonly signOut: () => Promise<unknown>;
  /** Told why, after the copy is gone, for the sign-in screen. */
  readonly onErased: (reason: string, report: EraseReport) => void;
}

/** What the person is told, by close code. */
export function erasureMessage(code: number): string {
  return code === CloseCode.Wiped
    ? `This laptop's copy of your notes was removed: ${WIPED_REASON}.`
    : "Your organisation removed your access, so this laptop's copy of your notes was removed.";
}

export function createWipeOnClose(options: WipeOnCloseOptions): WipeOnClose {
  let running: Promise<boolean> | null = null;
  return {
    handleClose(code, reason) {
      if (!closeErasesLocalCopy(code, reason)) return Promise.resolve(false);
      running ??= (async () => {
        await options.signOut().catch(() => undefined);
        const report = await eraseLocalCopy(options.targets);
        options.onErased(erasureMessage(code), report);
        return true;
      })();
      return running;
    },
  };
}
