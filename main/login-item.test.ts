import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyStartAtLogin,
  autostartEntry,
  autostartFile,
  LOGIN_ARG,
  type AutostartFs,
} from './login-item.ts';

const realFs: AutostartFs = {
  writeFile: (file, text) => {
    writeFileSync(file, text, { mode: 0o644 });
  },
  removeFile: (file) => {
    rmSync(file, { force: true });
  },
  mkdir: (dir) => {
    mkdirSync(dir, { recursive: true });
  },
};

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

function fakeApp() {
  const calls: unknown[] = [];
  return {
    calls,
    setLoginItemSettings: (settings: { openAtLogin: boolean; args?: string[] }) => {
      calls.push(settings);
    },
  };
}

describe('start at login', () => {
  it('uses the login item API on macOS and Windows', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const app = fakeApp();
      const base = { app, platform, env: {}, homeDir: '/nowhere', execPath: '/x', fs: realFs };
      applyStartAtLogin(true, base);
      applyStartAtLogin(false, base);
      expect(app.calls).toEqual([{ openAtLogin: true, args: [LOGIN_ARG] }, { openAtLogin: false }]);
    }
  });

  it('on Linux writes and removes an XDG autostart entry', async () => {
    const home = await mkdtemp(path.join(os.tmpdir(), 'cp-login-'));
    dirs.push(home);
    const app = fakeApp();
    const options = {
      app,
      platform: 'linux' as const,
      env: {},
      homeDir: home,
      execPath: '/opt/Commonplace/commonplace',
      fs: realFs,
    };
    const file = path.join(home, '.config', 'autostart', 'commonplace.desktop');
    applyStartAtLogin(true, options);
    const text = await readFile(file, 'utf8');
    expect(text).toContain('[Desktop Entry]');
    expect(text).toContain(`Exec=/opt/Commonplace/commonplace ${LOGIN_ARG}`);
    applyStartAtLogin(false, options);
    expect(existsSync(file)).toBe(false);
    expect(app.calls).toEqual([]); // Electron's API does nothing on Linux
  });

  it('honours XDG_CONFIG_HOME, starts an AppImage by its own path, and quotes spaces', () => {
    expect(autostartFile({ XDG_CONFIG_HOME: '/cfg' }, '/home/ada')).toBe(
      '/cfg/autostart/commonplace.desktop',
    );
    // A relative XDG_CONFIG_HOME is invalid by the base-directory spec and ignored.
    expect(autostartFile({ XDG_CONFIG_HOME: 'cfg' }, '/home/ada')).toBe(
      '/home/ada/.config/autostart/commonplace.desktop',
    );
    const app = fakeApp();
    const written: string[] = [];
    applyStartAtLogin(true, {
      app,
      platform: 'linux',
      env: { APPIMAGE: '/home/ada/Commonplace.AppImage' },
      homeDir: '/home/ada',
      execPath: '/tmp/.mount_Commonplace/commonplace',
      fs: {
        writeFile: (_f, text) => written.push(text),
        removeFile: () => undefined,
        mkdir: () => undefined,
      },
    });
    expect(written[0]).toContain(`Exec=/home/ada/Commonplace.AppImage ${LOGIN_ARG}`);
    expect(autostartEntry('/home/ada/My Apps/Commonplace.AppImage')).toContain(
      `Exec="/home/ada/My Apps/Commonplace.AppImage" ${LOGIN_ARG}`,
    );
  });

  it('logs rather than throws when the OS refuses', () => {
    const logged: string[] = [];
    applyStartAtLogin(true, {
      app: {
        setLoginItemSettings: () => {
          throw new Error('denied');
        },
      },
      platform: 'darwin',
      env: {},
      homeDir: '/',
      execPath: '/x',
      fs: realFs,
      log: (m) => logged.push(m),
    });
    expect(logged).toEqual(['could not change start at login: denied']);
  });
});
