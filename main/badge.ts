/**
 * The inbox's unread count outside the window: the dock badge on macOS; on
 * Windows and Linux a tray icon whose tooltip carries the count (Windows has
 * no app badge API without drawing an overlay image, and Linux desktops that
 * do show counts read `app.setBadgeCount`, the Unity launcher API, which is
 * set too). The renderer sends the count through `app:set-badge`.
 */

/** What the person reads on the dock or beside the icon. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

/** The parts of Electron's `app` the badge uses. */
export interface BadgeApp {
  setBadgeCount(count?: number): boolean;
  readonly dock?: { setBadge(text: string): void } | undefined;
}

/** The parts of Electron's `Tray` the badge uses. */
export interface TrayLike {
  setToolTip(toolTip: string): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface BadgeOptions {
  readonly app: BadgeApp;
  readonly platform: NodeJS.Platform;
  /** Creates the tray icon (Windows, Linux), once, on the first count. */
  readonly createTray: () => TrayLike;
  /** A click on the tray icon brings the window forward. */
  readonly focus: () => void;
  /** Tooltip words, from the app's language. */
  readonly tooltip?: (count: number) => string;
  readonly log?: (message: string) => void;
}

export interface Badge {
  set(count: number): void;
  dispose(): void;
}

function englishTooltip(count: number): string {
  if (count <= 0) return 'Commonplace';
  return `Commonplace: ${badgeText(count)} unread`;
}

export function createBadge(options: BadgeOptions): Badge {
  const tooltip = options.tooltip ?? englishTooltip;
  let tray: TrayLike | null = null;
  let noTray = false;
  let last = -1;

  const ensureTray = (): TrayLike => {
    if (tray === null) {
      tray = options.createTray();
      tray.on('click', options.focus);
    }
    return tray;
  };

  return {
    set(count) {
      const next = Math.max(0, Math.trunc(count));
      if (next === last) return; // every inbox change sends it; the OS need not redraw
      last = next;
      if (options.platform === 'darwin') {
        options.app.dock?.setBadge(badgeText(next));
        return;
      }
      // Linux launchers that show counts (Unity, KDE, some docks) read this; elsewhere it is a no-op.
      if (options.platform === 'linux') options.app.setBadgeCount(next);
      if (noTray) return;
      try {
        ensureTray().setToolTip(tooltip(next));
      } catch (error) {
        noTray = true;
        // No system tray (a bare window manager): the count still shows in the app.
        options.log?.(`no tray icon: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    dispose() {
      tray?.destroy();
      tray = null;
    },
  };
}
