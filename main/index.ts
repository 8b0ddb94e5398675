// The Electron entry point: the only file that imports the real 'electron'
// module. Everything it wires is a plain module that takes the Electron APIs
// as parameters and is tested under Node with fakes (handbook §3).
import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
import path from 'node:path';
import { resolveRelayUrl } from './app-info.ts';
import { ALLOWED_PERMISSIONS, APP_ORIGIN, APP_SCHEME, EXTERNAL_LINK_HOSTS } from './config.ts';
import { findDeepLinkArgument, handleDeepLink, registerDeepLinkScheme } from './deep-link.ts';
import { createIpcHandlers } from './ipc/handlers.ts';
import { registerIpcHandlers } from './ipc/register.ts';
import { createAppProtocolHandler, PRIVILEGED_SCHEMES } from './protocol.ts';
import { resolveRendererLocation } from './renderer-url.ts';
import { applySecurity, contentSecurityPolicy } from './security.ts';
import { claimSingleInstance } from './single-instance.ts';
import { createMainWindow, focusWindow } from './window.ts';

const log = (message: string): void => {
  console.warn(`[commonplace] ${message}`);
};

// Configuration errors stop start-up here with a message naming the variable.
const relayUrl = resolveRelayUrl(process.env);
const renderer = resolveRendererLocation(process.env, { packaged: app.isPackaged });
const trustedOrigins: ReadonlySet<string> = new Set([APP_ORIGIN, renderer.origin]);

// Must happen before 'ready' (Electron's protocol docs).
protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);
// Checklist #4: sandbox every renderer, including any we did not create.
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

function focusMainWindow(): void {
  if (mainWindow !== null) focusWindow(mainWindow);
}

async function openMainWindow(): Promise<void> {
  mainWindow = await createMainWindow({
    BrowserWindow,
    preloadPath: path.join(app.getAppPath(), 'out', 'preload', 'index.cjs'),
    url: renderer.url,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function start(): Promise<void> {
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rootDir: path.join(app.getAppPath(), 'out', 'renderer'),
      csp: contentSecurityPolicy(relayUrl),
    }),
  );
  // Before any window exists, so that every webContents gets the rules.
  applySecurity(app, session.defaultSession, shell, {
    trustedOrigins,
    externalHosts: EXTERNAL_LINK_HOSTS,
    allowedPermissions: ALLOWED_PERMISSIONS,
    log,
  });
  // Services of issue 3 (OIDC sign-in, safeStorage token store) are created
  // here and passed to createIpcHandlers alongside app and relayUrl.
  registerIpcHandlers(ipcMain, createIpcHandlers({ app, relayUrl }), { trustedOrigins, log });
  await openMainWindow();

  const launchLink = findDeepLinkArgument(process.argv);
  if (launchLink !== undefined) handleDeepLink(launchLink, { focus: focusMainWindow, log });
}

if (
  claimSingleInstance(app, (argv) => {
    // A second launch: bring ours forward, and act on a link it carried.
    focusMainWindow();
    const link = findDeepLinkArgument(argv);
    if (link !== undefined) handleDeepLink(link, { focus: focusMainWindow, log });
  })
) {
  registerDeepLinkScheme(app, process);
  // macOS delivers deep links as an event rather than in argv.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    handleDeepLink(url, { focus: focusMainWindow, log });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (mainWindow === null && app.isReady()) void openMainWindow().catch(fail);
  });
  app.whenReady().then(start).catch(fail);
}

function fail(error: unknown): void {
  console.error(
    `[commonplace] start-up failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  app.exit(1);
}
