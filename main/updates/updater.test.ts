// The update check runs the real electron-updater (NsisUpdater) under Node
// against a local HTTP server serving latest.yml. Only the Electron app object
// and Windows' Authenticode check are fakes: this machine has neither.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NodeHttpExecutor } from 'builder-util/out/nodeHttpExecutor.js';
import {
  configureRequestOptions,
  configureRequestUrl,
  type DownloadOptions,
} from 'builder-util-runtime';
import { NsisUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createUpdateController, type UpdateController } from './updater.ts';

const installer = Buffer.from('pretend this is Commonplace Setup 1.1.0.exe');
const sha512 = createHash('sha512').update(installer).digest('base64');

/** What the server answers for latest.yml; each test sets it. */
let latestYml = '';
let server: Server;
let baseUrl: string;
let dir: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    // electron-updater names the file per platform (latest.yml on Windows,
    // latest-linux.yml here); the same release answers all of them.
    if (/^\/latest(-[a-z]+)?\.yml$/.test(pathname)) {
      res.writeHead(200, { 'content-type': 'text/yaml' }).end(latestYml);
    } else if (pathname === '/Commonplace-Setup-1.1.0.exe') {
      res.writeHead(200, { 'content-length': installer.length }).end(installer);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
const controllers: UpdateController[] = [];
afterEach(async () => {
  for (const c of controllers.splice(0)) c.dispose();
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

const release = (version: string, hash = sha512): string =>
  [
    `version: ${version}`,
    'files:',
    '  - url: Commonplace-Setup-1.1.0.exe',
    `    sha512: ${hash}`,
    `    size: ${String(installer.length)}`,
    'path: Commonplace-Setup-1.1.0.exe',
    `sha512: ${hash}`,
    "releaseDate: '2026-12-01T10:00:00.000Z'",
    '',
  ].join('\n');

/**
 * electron-updater downloads through Electron's `net` module; under Node the
 * same download goes through Node's http instead, with the same checks
 * (sha512 against latest.yml) done by the shared base class. The body mirrors
 * electron-updater's ElectronHttpExecutor.download.
 */
class NodeUpdateHttpExecutor extends NodeHttpExecutor {
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions = { headers: options.headers ?? undefined, redirect: 'manual' };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          callback: (error) => {
            if (error == null) resolve(destination);
            else reject(error);
          },
          responseHandler: null,
        },
        0,
      );
    });
  }
}

/** Fake Electron app object: electron-updater asks it for version, paths and quit hooks. */
class FakeAppAdapter implements AppAdapter {
  readonly name = 'Commonplace';
  readonly isPackaged = true;
  readonly quitHandlers: ((code: number) => void)[] = [];
  readonly version: string;
  readonly appUpdateConfigPath: string;
  readonly userDataPath: string;
  readonly baseCachePath: string;
  constructor(version: string, configPath: string, userData: string, cache: string) {
    this.version = version;
    this.appUpdateConfigPath = configPath;
    this.userDataPath = userData;
    this.baseCachePath = cache;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  relaunch(): void {}
  quit(): void {}
  onQuit(handler: (exitCode: number) => void): void {
    this.quitHandlers.push(handler);
  }
}

async function setup(options: { signedBy?: string } = {}) {
  dir = await mkdtemp(path.join(tmpdir(), 'updater-'));
  // What electron-builder writes into a signed Windows build: whom to trust.
  const configPath = path.join(dir, 'app-update.yml');
  await writeFile(
    configPath,
    `provider: generic\nurl: ${baseUrl}\npublisherName:\n  - Example Ltd\n`,
  );
  const app = new FakeAppAdapter('1.0.0', configPath, dir, path.join(dir, 'cache'));
  const updater = new NsisUpdater(null, app);
  // With a fake app, electron-updater has no network client of its own.
  Reflect.set(updater, 'httpExecutor', new NodeUpdateHttpExecutor());
  updater.disableDifferentialDownload = true; // no older installer to diff against here
  updater.logger = null;
  // Fake Authenticode check (Windows only): trusts only files signed by the publisher.
  const authenticode = vi.fn((publishers: string[]) =>
    Promise.resolve(
      publishers.includes(options.signedBy ?? 'Example Ltd') ? null : 'signed by Mallory',
    ),
  );
  updater.verifyUpdateCodeSignature = authenticode;
  const ready: string[] = [];
  const logs: string[] = [];
  const controller = createUpdateController({
    updater,
    settings: {
      updatesAllowed: true,
      updateUrl: baseUrl,
      updateChannel: 'latest',
      updateCheckIntervalHours: 4,
    },
    onReady: (version) => ready.push(version),
    log: (message) => logs.push(message),
  });
  controllers.push(controller);
  return { updater, controller, ready, logs, authenticode };
}

describe('updates against a local latest.yml', () => {
  it('downloads a newer signed version in the background and offers Restart to update', async () => {
    latestYml = release('1.1.0');
    const { controller, ready, authenticode, updater } = await setup();
    expect(controller.restartToUpdate()).toBe(false);
    await controller.check();
    await vi.waitFor(() => {
      expect(ready).toEqual(['1.1.0']);
    });
    expect(authenticode).toHaveBeenCalledWith(['Example Ltd'], expect.any(String));
    expect(updater.autoInstallOnAppQuit).toBe(true);
    const quitAndInstall = vi.spyOn(updater, 'quitAndInstall').mockImplementation(() => undefined);
    expect(controller.restartToUpdate()).toBe(true);
    expect(quitAndInstall).toHaveBeenCalledOnce();
  });

  it('does nothing when the server has the same version', async () => {
    latestYml = release('1.0.0');
    const { controller, ready, updater } = await setup();
    const result = (await updater.checkForUpdates()) as { isUpdateAvailable: boolean } | null;
    expect(result?.isUpdateAvailable).toBe(false);
    await controller.check();
    expect(ready).toEqual([]);
    expect(controller.restartToUpdate()).toBe(false);
  });

  it('reports a malformed latest.yml and keeps running', async () => {
    latestYml = 'version: [this is: not a release';
    const { controller, ready, logs } = await setup();
    await controller.check();
    expect(ready).toEqual([]);
    expect(logs.join('\n')).toMatch(/updates: check failed: .*(yaml|YAML|version)/);
  });

  it('refuses a download whose checksum does not match latest.yml', async () => {
    latestYml = release('1.1.0', createHash('sha512').update('something else').digest('base64'));
    const { controller, ready, logs } = await setup();
    await controller.check();
    await vi.waitFor(() => {
      expect(logs.join('\n')).toMatch(/sha512 checksum mismatch/);
    });
    expect(ready).toEqual([]);
  });

  it('refuses an installer not signed by the publisher', async () => {
    latestYml = release('1.1.0');
    const { controller, ready, logs } = await setup({ signedBy: 'Someone Else Ltd' });
    await controller.check();
    await vi.waitFor(() => {
      expect(logs.join('\n')).toMatch(/not signed by the application owner/);
    });
    expect(ready).toEqual([]);
  });
});

describe('policy', () => {
  it('never checks when updates are not allowed', () => {
    const checks: string[] = [];
    const fakeUpdater = {
      autoDownload: false,
      autoInstallOnAppQuit: false,
      allowDowngrade: true,
      setFeedURL: () => checks.push('feed'),
      checkForUpdates: () => {
        checks.push('check');
        return Promise.resolve(null);
      },
      quitAndInstall: () => undefined,
      on: () => undefined,
    };
    const logs: string[] = [];
    const controller = createUpdateController({
      updater: fakeUpdater,
      settings: {
        updatesAllowed: false,
        updateUrl: 'https://updates.example.com',
        updateChannel: 'beta',
        updateCheckIntervalHours: 1,
      },
      onReady: () => undefined,
      log: (m) => logs.push(m),
    });
    expect(controller.active).toBe(false);
    expect(checks).toEqual([]);
    expect(logs).toEqual(['updates: turned off by policy']);
  });

  it('uses the channel and interval from policy', () => {
    const feeds: unknown[] = [];
    const intervals: number[] = [];
    const fakeUpdater = {
      autoDownload: false,
      autoInstallOnAppQuit: false,
      allowDowngrade: true,
      setFeedURL: (options: unknown) => feeds.push(options),
      checkForUpdates: () => Promise.resolve(null),
      quitAndInstall: () => undefined,
      on: () => undefined,
    };
    const controller = createUpdateController({
      updater: fakeUpdater,
      settings: {
        updatesAllowed: true,
        updateUrl: 'https://updates.example.com/cp',
        updateChannel: 'beta',
        updateCheckIntervalHours: 6,
      },
      onReady: () => undefined,
      log: () => undefined,
      setInterval: (_run, ms) => {
        intervals.push(ms);
        return {};
      },
      clearInterval: () => undefined,
    });
    expect(feeds).toEqual([
      { provider: 'generic', url: 'https://updates.example.com/cp', channel: 'beta' },
    ]);
    expect(intervals).toEqual([6 * 3_600_000]);
    expect(fakeUpdater).toMatchObject({
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowDowngrade: false,
    });
    controller.dispose();
  });
});
