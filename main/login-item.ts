import path from 'node:path';

/**
 * Start at login: the `startAtLogin` setting (the person's choice unless
 * policy enforces it). macOS and Windows have Electron's
 * `app.setLoginItemSettings`; Linux has no such API, so the app writes or
 * removes an XDG autostart entry
 * (https://specifications.freedesktop.org/autostart-spec/latest/), which
 * GNOME, KDE, Xfce and the other XDG desktops read at login.
 */

export interface LoginItemApp {
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void;
}

export interface AutostartFs {
  writeFile(file: string, text: string): void;
  removeFile(file: string): void;
  mkdir(dir: string): void;
}

export interface LoginItemOptions {
  readonly app: LoginItemApp;
  readonly platform: NodeJS.Platform;
  readonly env: NodeJS.ProcessEnv;
  readonly homeDir: string;
  /** The executable to start: `process.execPath`. */
  readonly execPath: string;
  readonly fs: AutostartFs;
  readonly log?: (message: string) => void;
}

/** Passed at login so the app can tell a login start from the person's own. */
export const LOGIN_ARG = '--started-at-login';

/** `$XDG_CONFIG_HOME/autostart/commonplace.desktop` (default `~/.config`). */
export function autostartFile(env: NodeJS.ProcessEnv, homeDir: string): string {
  const configured = env.XDG_CONFIG_HOME;
  const base =
    configured !== undefined && path.isAbsolute(configured)
      ? configured
      : path.join(homeDir, '.config');
  return path.join(base, 'autostart', 'commonplace.desktop');
}

/** Quotes an Exec argument as the Desktop Entry spec asks (spaces, quotes, backslashes). */
function execArgument(value: string): string {
  if (!/[\s"'\\$`]/.test(value)) return value;
  return `"${value.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`;
}

/** The autostart entry; an AppImage is started through its own file, not the mounted copy. */
export function autostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Commonplace',
    `Exec=${execArgument(executable)} ${LOGIN_ARG}`,
    'X-GNOME-Autostart-enabled=true',
    'NoDisplay=false',
    '',
  ].join('\n');
}

/** Makes the OS start the app at login, or stop doing so. Failures are logged, never thrown. */
export function applyStartAtLogin(enabled: boolean, options: LoginItemOptions): void {
  try {
    if (options.platform === 'linux') {
      const file = autostartFile(options.env, options.homeDir);
      if (enabled) {
        options.fs.mkdir(path.dirname(file));
        options.fs.writeFile(file, autostartEntry(options.env.APPIMAGE ?? options.execPath));
      } else {
        options.fs.removeFile(file);
      }
      return;
    }
    options.app.setLoginItemSettings({
      openAtLogin: enabled,
      ...(enabled ? { args: [LOGIN_ARG] } : {}),
    });
  } catch (error) {
    options.log?.(
      `could not change start at login: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
