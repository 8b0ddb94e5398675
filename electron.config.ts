// electron-builder configuration (`npm run dist`). electron-builder 26 reads a
// TypeScript config file through jiti and takes its default export.
// Options: https://www.electron.build/configuration
import type { Configuration } from 'electron-builder';

type Env = Readonly<Record<string, string | undefined>>;

const set = (env: Env, ...names: string[]): boolean =>
  names.every((name) => (env[name] ?? '').trim() !== '');

/** How the installers will be signed, from the environment, and what to tell the builder. */
export interface Signing {
  readonly windows: 'certificate' | 'azure-trusted-signing' | 'none';
  readonly mac: 'developer-id' | 'none';
  readonly notarize: boolean;
  /** One line per platform, printed when the config loads. */
  readonly messages: readonly string[];
}

/**
 * Signing comes only from the environment of the build machine, never from
 * this file: a certificate or its password in the repository would let anyone
 * sign as the company. Windows: a certificate (`WIN_CSC_LINK` or `CSC_LINK`
 * with its `*_KEY_PASSWORD`), or Azure Trusted Signing (`AZURE_TRUSTED_SIGNING_*`
 * plus Entra ID credentials in `AZURE_TENANT_ID`, `AZURE_CLIENT_ID`,
 * `AZURE_CLIENT_SECRET`). macOS: a Developer ID (`CSC_LINK` or `CSC_NAME`), and
 * notarization with an App Store Connect API key (`APPLE_API_KEY`,
 * `APPLE_API_KEY_ID`, `APPLE_API_ISSUER`) or an Apple ID (`APPLE_ID`,
 * `APPLE_APP_SPECIFIC_PASSWORD`, `APPLE_TEAM_ID`).
 */
export function signingFromEnv(env: Env): Signing {
  const azure = set(
    env,
    'AZURE_TRUSTED_SIGNING_ENDPOINT',
    'AZURE_TRUSTED_SIGNING_ACCOUNT',
    'AZURE_TRUSTED_SIGNING_PROFILE',
    'AZURE_TRUSTED_SIGNING_PUBLISHER',
  );
  const windows = azure
    ? 'azure-trusted-signing'
    : set(env, 'WIN_CSC_LINK') || set(env, 'CSC_LINK')
      ? 'certificate'
      : 'none';
  const mac = set(env, 'CSC_LINK') || set(env, 'CSC_NAME') ? 'developer-id' : 'none';
  const notarize =
    mac === 'developer-id' &&
    (set(env, 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER') ||
      set(env, 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'));
  const messages = [
    windows === 'none'
      ? 'signing: Windows installers will NOT be signed (set WIN_CSC_LINK and WIN_CSC_KEY_PASSWORD, or AZURE_TRUSTED_SIGNING_ENDPOINT, _ACCOUNT, _PROFILE and _PUBLISHER)'
      : `signing: Windows with ${windows}`,
    mac === 'none'
      ? 'signing: macOS app will NOT be signed or notarized (set CSC_LINK and CSC_KEY_PASSWORD, or CSC_NAME, for a Developer ID)'
      : `signing: macOS with a Developer ID, ${notarize ? 'notarized' : 'NOT notarized (set APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER)'}`,
  ];
  return { windows, mac, notarize, messages };
}

/** The update server the build publishes to; IT points the app at its own with policy. */
const updateUrl =
  process.env['COMMONPLACE_UPDATE_URL'] ?? 'https://updates.commonplace.invalid/${os}/${arch}';

/** The configuration for a given environment (the default export uses the build machine's). */
export function buildConfig(env: Env): Configuration {
  const signing = signingFromEnv(env);
  return {
    appId: 'org.commonplace.desktop',
    productName: 'Commonplace',
    copyright: 'Copyright © Commonplace contributors',
    directories: { buildResources: 'build', output: 'release/${version}' },
    // Vite bundles main, preload and renderer (with their dependencies) into
    // out/, so the package needs nothing else; production node_modules that
    // electron-builder adds on its own are not required at run time.
    files: ['out/**/*', 'package.json'],
    // The tray icon (main/badge.ts), read from resources/ at run time.
    extraResources: [{ from: 'build/icon.png', to: 'icon.png' }],
    asar: true,
    // Checklist #19 "Check which fuses you can change": flipped in the binary at
    // packaging time, before signing, so the OS code signature protects them.
    electronFuses: {
      runAsNode: false, // ELECTRON_RUN_AS_NODE cannot turn the app into a Node interpreter
      enableCookieEncryption: true, // cookies on disk are encrypted with the OS key store
      enableNodeOptionsEnvironmentVariable: false, // NODE_OPTIONS / NODE_EXTRA_CA_CERTS ignored
      enableNodeCliInspectArguments: false, // --inspect and SIGUSR1 cannot attach a debugger
      enableEmbeddedAsarIntegrityValidation: true, // app.asar is checked against its hash (macOS, Windows)
      onlyLoadAppFromAsar: true, // no loose app/ folder next to the asar is ever loaded
      grantFileProtocolExtraPrivileges: false, // we serve app://, never file:// (checklist #18)
      loadBrowserProcessSpecificV8Snapshot: false,
    },
    // commonplace://note/<spaceId>/<docId> (main/deep-link.ts). On Linux this
    // also adds x-scheme-handler/commonplace to the .desktop entry.
    protocols: [{ name: 'Commonplace note link', schemes: ['commonplace'] }],
    icon: 'build/icon.png',
    linux: {
      // deb for Debian/Ubuntu fleets, rpm for RHEL/Fedora/SUSE, AppImage for the rest.
      target: ['AppImage', 'deb', 'rpm'],
      category: 'Office',
      executableName: 'commonplace',
      synopsis: 'Team spaces and meeting notes that many people edit at once',
    },
    // deb: electron-builder's default dependencies already include libsecret-1-0,
    // the keyring safeStorage needs on Linux; setting `depends` would replace them.
    rpm: { depends: ['libsecret'] },
    mac: {
      target: ['dmg', 'pkg'],
      category: 'public.app-category.productivity',
      hardenedRuntime: true,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
      // null: do not sign (and do not fall back to an ad-hoc identity from the keychain).
      ...(signing.mac === 'none' ? { identity: null } : {}),
      // electron-builder's @electron/notarize step, after signing; it reads the Apple env vars.
      notarize: signing.notarize,
    },
    dmg: { sign: false },
    // The pkg is what Jamf and Intune push: installs for all users into /Applications.
    pkg: { installLocation: '/Applications', allowAnywhere: false, isRelocatable: false },
    win: {
      // NSIS for people who install it themselves, MSI for Intune/SCCM/Group Policy.
      target: ['nsis', 'msi'],
      ...(signing.windows === 'azure-trusted-signing'
        ? {
            azureSignOptions: {
              endpoint: env['AZURE_TRUSTED_SIGNING_ENDPOINT'] ?? '',
              codeSigningAccountName: env['AZURE_TRUSTED_SIGNING_ACCOUNT'] ?? '',
              certificateProfileName: env['AZURE_TRUSTED_SIGNING_PROFILE'] ?? '',
              publisherName: env['AZURE_TRUSTED_SIGNING_PUBLISHER'] ?? '',
            },
          }
        : {}),
    },
    // Assisted installer: per-user by default (no admin rights needed); per-machine
    // when the person chooses it or an installer runs it silently with /S /allusers.
    nsis: {
      oneClick: false,
      perMachine: false,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
    },
    // Per-machine, silent-friendly (msiexec /i ... /qn); the upgrade code must
    // never change, or Windows treats a new version as a different product.
    msi: {
      oneClick: true,
      perMachine: true,
      runAfterFinish: false,
      upgradeCode: '5c0e8a4e-7d1f-4b53-9a2c-6c1f0b9d3e71',
    },
    // electron-updater reads this to find latest.yml; IT points installed apps
    // at its own server with the updateUrl policy. `.invalid` (RFC 2606) can
    // never resolve by accident.
    publish: [{ provider: 'generic', url: updateUrl, channel: 'latest' }],
  };
}

const signing = signingFromEnv(process.env);
for (const message of signing.messages) console.warn(message);

const config: Configuration = buildConfig(process.env);
export default config;
