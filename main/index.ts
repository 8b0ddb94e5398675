// The Electron entry point: the only file that imports the real 'electron'
// module. Everything it wires is a plain module that takes the Electron APIs
// as parameters and is tested under Node with fakes, since the Electron binary
// is not available everywhere the tests run.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
} from 'electron';
import { autoUpdater } from 'electron-updater';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requestedScope, resourceIndicator, type NoteTarget } from '../shared/host.ts';
import type { ManagedPolicy, PolicyLayer } from '../shared/policy.ts';
import { resolveRelayUrl } from './app-info.ts';
import { createBadge, type Badge } from './badge.ts';
import { attachContextMenu } from './context-menu.ts';
import { applyStartAtLogin } from './login-item.ts';
import { parseSavedState, restorePlace, trackWindowState } from './window-state.ts';
import { resolveIdentityConfig, type IdentityResolution } from './auth/identity-config.ts';
import { createSignInService, type SignInService } from './auth/sign-in-service.ts';
import { createUnavailableSignInService } from './auth/unavailable-service.ts';
import { ALLOWED_PERMISSIONS, APP_ORIGIN, APP_SCHEME, EXTERNAL_LINK_HOSTS } from './config.ts';
import { findDeepLinkArgument, handleDeepLink, registerDeepLinkScheme } from './deep-link.ts';
import { createEventSender, pushSessionChanges, type SendEvent } from './ipc/events.ts';
import { createIpcHandlers } from './ipc/handlers.ts';
import { createLocalDataKeyService } from './local-data-key.ts';
import { registerIpcHandlers } from './ipc/register.ts';
import { createNotifier } from './notifications.ts';
import { createNoteOpener, createPendingNote } from './pending-note.ts';
import { environmentLayer, policyEnvironment } from './policy/environment.ts';
import { loadManagedPolicy, policySources, readPolicyFile } from './policy/load.ts';
import { createSettingsService, type SettingsService } from './settings-service.ts';
import { createUpdateController } from './updates/updater.ts';
import { createAppProtocolHandler, PRIVILEGED_SCHEMES } from './protocol.ts';
import { resolveRendererLocation, type RendererLocation } from './renderer-url.ts';
import { applySecurity, contentSecurityPolicy } from './security.ts';
import { claimSingleInstance } from './single-instance.ts';
import { guardUnsyncedUnload } from './unsynced-guard.ts';
import { createMainWindow, focusWindow } from './window.ts';

const log = (message: string): void => {
  console.warn(`[commonplace] ${message}`);
};

interface Settings {
  readonly relayUrl: string;
  readonly renderer: RendererLocation;
  readonly identity: IdentityResolution;
  readonly policy: ManagedPolicy;
  readonly environment: PolicyLayer;
}

/**
 * Managed policy (registry, managed preferences or /etc, see main/policy/)
 * laid over the environment, then parsed. An invalid policy or a malformed
 * relay or renderer URL stops start-up with one line naming it; a missing or
 * bad issuer does not: the app opens and says why sign-in is off.
 */
function readSettings(): Settings {
  const loaded = loadManagedPolicy(policySources(process.platform, process.env), {
    readFile: readPolicyFile,
    run: (command, args) => {
      const result = spawnSync(command, args, { encoding: 'utf8', windowsHide: true });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
  });
  if (!loaded.ok) throw new Error(loaded.problem);
  if (loaded.sources.length > 0) log(`managed policy from ${loaded.sources.join(', ')}`);
  const env = policyEnvironment(process.env, loaded.policy);
  return {
    relayUrl: resolveRelayUrl(env),
    renderer: resolveRendererLocation(env, { packaged: app.isPackaged }),
    identity: resolveIdentityConfig(env),
    policy: loaded.policy,
    environment: environmentLayer(process.env),
  };
}

let mainWindow: BrowserWindow | null = null;
let stopAuth: (() => void) | undefined;

function focusMainWindow(): void {
  if (mainWindow !== null) focusWindow(mainWindow);
}

/** Set in start(): sends contract events to our own windows only. */
let sendEvent: SendEvent | null = null;

/**
 * Kept from the first moment (macOS may deliver `open-url` before 'ready'),
 * until the renderer takes it on `app:take-pending-note` (pending-note.ts).
 */
const pendingNote = createPendingNote();

/** Tells the renderer to open a note (a clicked notification, a deep link). */
const openNote: (target: NoteTarget) => void = createNoteOpener({
  pending: pendingNote,
  window: () => mainWindow?.webContents ?? null,
  sendEvent: () => sendEvent,
});

/** A deep link from the OS: focus the window, then open the note it names. */
function onDeepLink(raw: string): void {
  const link = handleDeepLink(raw, { focus: focusMainWindow, log });
  if (link !== null) openNote({ spaceId: link.spaceId, docId: link.docId });
}

/** Reads a small file of ours, or null when it is not there (first start). */
function readOptional(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The tray icon: shipped beside the app (extraResources), or in build/ when run from source. */
function trayIconPath(): string {
  return app.isPackaged
    ? path.join(process.resourcesPath, 'icon.png')
    : path.join(app.getAppPath(), 'build', 'icon.png');
}

async function openMainWindow(settings: Settings): Promise<void> {
  // Opened where it was, if that place is still on a connected display.
  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const place = restorePlace(parseSavedState(readOptional(stateFile)), screen);
  mainWindow = await createMainWindow({
    BrowserWindow,
    preloadPath: path.join(app.getAppPath(), 'out', 'preload', 'index.cjs'),
    url: settings.renderer.url,
    bounds: place.bounds,
  });
  const window = mainWindow;
  if (place.maximized) window.maximize();
  trackWindowState(window, {
    save: (text) => {
      try {
        writeFileSync(stateFile, text, { mode: 0o600 });
      } catch {
        log('could not remember the window place');
      }
    },
  });
  attachContextMenu(window.webContents, {
    platform: process.platform,
    locale: app.getLocale(),
    popup: (template) => {
      Menu.buildFromTemplate(template).popup({ window });
    },
  });
  guardUnsyncedUnload(window.webContents, (question) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      message: question.message,
      detail: question.detail,
      buttons: [...question.buttons],
      defaultId: 0,
      cancelId: 0,
    });
    return choice === 1;
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function optionalResource(resource: string | undefined): { resource?: string } {
  return resource === undefined ? {} : { resource };
}

/** The sign-in service, or a stand-in that explains why there is none. */
async function createSessionService(identity: IdentityResolution): Promise<SignInService> {
  if (!identity.ok) {
    log(identity.reason);
    return createUnavailableSignInService(identity.reason);
  }
  return createSignInService({
    issuer: identity.config.issuer,
    clientId: identity.config.clientId,
    ...optionalResource(resourceIndicator(identity.config)),
    scope: requestedScope(identity.config),
    identityRule: {
      claim: identity.config.identityClaim,
      allowedDomains: identity.config.allowedDomains,
    },
    // After 'ready': safeStorage reports its Linux backend only from then on.
    tokenDir: path.join(app.getPath('userData'), 'auth'),
    safeStorage,
    openExternal: (url, options) => shell.openExternal(url, options),
    log,
  });
}

async function start(settings: Settings): Promise<void> {
  const trustedOrigins: ReadonlySet<string> = new Set([APP_ORIGIN, settings.renderer.origin]);
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rootDir: path.join(app.getAppPath(), 'out', 'renderer'),
      csp: contentSecurityPolicy(settings.relayUrl),
    }),
  );
  // Before any window exists, so that every webContents gets the rules.
  applySecurity(app, session.defaultSession, shell, {
    trustedOrigins,
    externalHosts: EXTERNAL_LINK_HOSTS,
    allowedPermissions: ALLOWED_PERMISSIONS,
    log,
  });

  const signIn = await createSessionService(settings.identity);
  sendEvent = createEventSender({ trustedOrigins, log });
  const stopPush = pushSessionChanges(
    signIn,
    () => BrowserWindow.getAllWindows().map((window) => window.webContents),
    sendEvent,
  );
  const notify = createNotifier({
    Notification,
    platform: process.platform,
    isFocused: () => mainWindow?.isFocused() === true,
    focus: focusMainWindow,
    openNote,
    log,
  });
  const badge: Badge = createBadge({
    app,
    platform: process.platform,
    createTray: () =>
      new Tray(nativeImage.createFromPath(trayIconPath()).resize({ width: 16, height: 16 })),
    focus: focusMainWindow,
    log,
  });
  stopAuth = () => {
    updates.dispose();
    stopPush();
    signIn.dispose();
    notify.dispose();
    badge.dispose();
  };
  const loginItem = {
    app,
    platform: process.platform,
    env: process.env,
    homeDir: os.homedir(),
    execPath: process.execPath,
    fs: {
      writeFile: (file: string, text: string) => {
        writeFileSync(file, text, { mode: 0o644 });
      },
      removeFile: (file: string) => {
        rmSync(file, { force: true });
      },
      mkdir: (dir: string) => {
        mkdirSync(dir, { recursive: true });
      },
    },
    log,
  };
  // Only the installed app: run from source, it would register the bare Electron binary.
  const setStartAtLogin = (enabled: boolean): void => {
    if (app.isPackaged) applyStartAtLogin(enabled, loginItem);
  };
  const managed: SettingsService = createSettingsService({
    policy: settings.policy,
    environment: settings.environment,
    file: path.join(app.getPath('userData'), 'settings.json'),
    log,
    // The person (or a new policy default) changed it: tell the OS at once.
    onChange: (view) => {
      setStartAtLogin(view.values.startAtLogin ?? false);
    },
  });
  const effective = managed.view().values;
  // Every start, so that a policy enforced since the last one takes effect.
  setStartAtLogin(effective.startAtLogin ?? false);
  const updates = createUpdateController({
    updater: autoUpdater,
    settings: {
      updatesAllowed: effective.updatesAllowed ?? true,
      updateUrl: effective.updateUrl,
      updateChannel: effective.updateChannel ?? 'latest',
      updateCheckIntervalHours: effective.updateCheckIntervalHours ?? 4,
    },
    onReady: (version) => {
      for (const window of BrowserWindow.getAllWindows()) {
        sendEvent?.(window.webContents, 'app:update-ready', { version });
      }
    },
    log,
  });
  registerIpcHandlers(
    ipcMain,
    createIpcHandlers({
      updates,
      app,
      relayUrl: settings.relayUrl,
      signIn,
      notify,
      pendingNote,
      settings: managed,
      badge,
      // After 'ready', like the token store: safeStorage's Linux backend is known from then on.
      localDataKeys: createLocalDataKeyService({
        dir: path.join(app.getPath('userData'), 'local-keys'),
        safeStorage,
        log,
        // Policy is read at each request: the view reflects the policy main started with.
        encryption: () => managed.view().values.localDataEncryption ?? 'required',
      }),
    }),
    {
      trustedOrigins,
      log,
    },
  );
  await openMainWindow(settings);
  // After the page has loaded, so the restored state reaches it as an event too.
  signIn.restore().catch((error: unknown) => {
    log(
      `could not restore the saved sign-in: ${error instanceof Error ? error.message : String(error)}`,
    );
  });

  if (updates.active) void updates.check();

  const launchLink = findDeepLinkArgument(process.argv);
  if (launchLink !== undefined) onDeepLink(launchLink);
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`[commonplace] start-up failed: ${message}`);
  // Safe before 'ready'; on Linux before 'ready' it prints to stderr instead.
  dialog.showErrorBox('Commonplace could not start', message);
  app.exit(1);
}

function main(): void {
  let settings: Settings;
  try {
    settings = readSettings();
  } catch (error) {
    fail(error);
    return;
  }
  // Must happen before 'ready' (Electron's protocol docs).
  protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);
  // Checklist #4: sandbox every renderer, including any we did not create.
  app.enableSandbox();

  const claimed = claimSingleInstance(app, (argv) => {
    // A second launch: bring ours forward, and act on a link it carried.
    focusMainWindow();
    const link = findDeepLinkArgument(argv);
    if (link !== undefined) onDeepLink(link);
  });
  if (!claimed) return;

  registerDeepLinkScheme(app, process);
  // macOS delivers deep links as an event rather than in argv.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    onDeepLink(url);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (mainWindow === null && app.isReady()) void openMainWindow(settings).catch(fail);
  });
  // Timers and a pending loopback listener must not keep a quitting app alive.
  app.on('will-quit', () => {
    stopAuth?.();
    stopAuth = undefined;
  });
  app
    .whenReady()
    .then(() => start(settings))
    .catch(fail);
}

main();
