// electron-builder configuration (`npm run dist`). electron-builder 26 reads a
// TypeScript config file through jiti and takes its default export.
// Options: https://www.electron.build/configuration
import type { Configuration } from 'electron-builder';

const config: Configuration = {
  appId: 'org.commonplace.desktop',
  productName: 'Commonplace',
  copyright: 'Copyright © Commonplace contributors',
  directories: { buildResources: 'build', output: 'release/${version}' },
  // Vite bundles main, preload and renderer (with their dependencies) into
  // out/, so the package needs nothing else; production node_modules that
  // electron-builder adds on its own are not required at run time.
  files: ['out/**/*', 'package.json'],
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
    target: ['AppImage', 'deb'],
    category: 'Office',
    executableName: 'commonplace',
    synopsis: 'Team spaces and meeting notes that many people edit at once',
  },
  // deb: electron-builder's default dependencies already include libsecret-1-0,
  // the keyring safeStorage needs on Linux (issue 3); setting `depends` would replace them.
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
  },
  dmg: { sign: false },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  // electron-updater reads this. A placeholder until there is a release
  // server; `.invalid` (RFC 2606) can never resolve by accident.
  publish: [{ provider: 'generic', url: 'https://updates.commonplace.invalid/${os}/${arch}' }],
};

export default config;
