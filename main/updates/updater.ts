import type { Settings } from '../../shared/policy.ts';

/**
 * The part of electron-updater's `AppUpdater` this module drives, so tests can
 * hand in a real `NsisUpdater` built with a fake app object under Node.
 * Signature checks (`verifyUpdateCodeSignature`, the sha512 in latest.yml)
 * are deliberately not in this interface: nothing here can switch them off.
 */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  setFeedURL(options: { provider: 'generic'; url: string; channel: string }): void;
  checkForUpdates(): Promise<{ downloadPromise?: Promise<unknown> | null } | null>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export type UpdateSettings = Pick<
  Settings,
  'updatesAllowed' | 'updateChannel' | 'updateCheckIntervalHours'
> & { readonly updateUrl?: string | undefined };

export interface UpdateController {
  /** Whether updates run at all (policy allows them and a server is configured). */
  readonly active: boolean;
  /** Checks now; resolves when the check (and any background download) has been started. */
  check(): Promise<void>;
  /** Quits and installs a downloaded update: the "Restart to update" button. */
  restartToUpdate(): boolean;
  dispose(): void;
}

export interface UpdateControllerOptions {
  readonly updater: UpdaterLike;
  readonly settings: UpdateSettings;
  /** Tells the renderer an update is ready, so it can offer "Restart to update". */
  readonly onReady: (version: string) => void;
  readonly log: (message: string) => void;
  readonly setInterval?: (run: () => void, ms: number) => { unref?: () => void };
  readonly clearInterval?: (timer: unknown) => void;
}

/**
 * Updates under IT control: the generic provider at the policy's internal
 * URL, its channel and check interval; nothing at all when policy disallows
 * updates. Downloads run in the background and install when the app quits,
 * or at once when the person accepts "Restart to update".
 */
export function createUpdateController(options: UpdateControllerOptions): UpdateController {
  const { updater, settings, log } = options;
  if (!settings.updatesAllowed || settings.updateUrl === undefined) {
    log(
      settings.updatesAllowed
        ? 'updates: no update server is configured (updateUrl)'
        : 'updates: turned off by policy',
    );
    return {
      active: false,
      check: () => Promise.resolve(),
      restartToUpdate: () => false,
      dispose: () => undefined,
    };
  }
  updater.setFeedURL({
    provider: 'generic',
    url: settings.updateUrl,
    channel: settings.updateChannel,
  });
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  // An IT department that moves a fleet back to an older channel must not get
  // "downgrades" it did not publish as such.
  updater.allowDowngrade = false;

  let ready: string | null = null;
  updater.on('update-downloaded', (info) => {
    ready = info.version;
    log(`updates: ${info.version} downloaded; it installs on quit`);
    options.onReady(info.version);
  });
  updater.on('error', (error) => {
    log(`updates: ${error.message.split('\n')[0] ?? 'failed'}`);
  });

  const check = async (): Promise<void> => {
    try {
      const result = await updater.checkForUpdates();
      // A failed background download is also emitted as 'error' (logged
      // above); the promise must not become an unhandled rejection.
      result?.downloadPromise?.catch(() => undefined);
    } catch (error) {
      // Offline or a malformed latest.yml: try again at the next interval.
      log(`updates: check failed: ${(error as Error).message.split('\n')[0] ?? ''}`);
    }
  };
  const every = settings.updateCheckIntervalHours * 3_600_000;
  const timer = (options.setInterval ?? setInterval)(() => void check(), every);
  timer.unref?.();
  return {
    active: true,
    check,
    restartToUpdate() {
      if (ready === null) return false;
      updater.quitAndInstall(false, true);
      return true;
    },
    dispose() {
      (options.clearInterval ?? clearInterval)(timer as ReturnType<typeof setInterval>);
    },
  };
}
