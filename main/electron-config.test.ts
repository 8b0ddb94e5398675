// The packaging configuration is security-relevant (fuses, asar, protocols),
// so it is tested like code.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import config, { buildConfig, signingFromEnv } from '../electron.config.ts';

type Validate = (config: unknown, logger: { isEnabled: boolean; add(): void }) => Promise<void>;

/** electron-builder's own JSON-schema check, the one `electron-builder` runs before packaging. */
function loadValidator(): Validate {
  const require = createRequire(import.meta.url);
  const module = require('app-builder-lib/out/util/config/config.js') as {
    validateConfiguration: Validate;
  };
  return module.validateConfiguration;
}
const noLogger = { isEnabled: false, add: () => undefined };

describe('electron.config.ts', () => {
  it("passes electron-builder's schema, which rejects misspelt options", async () => {
    const validate = loadValidator();
    await expect(validate(config, noLogger)).resolves.toBeUndefined();
    await expect(validate({ ...config, electronFusez: {} }, noLogger)).rejects.toThrow(
      "unknown property 'electronFusez'",
    );
  });

  it('identifies the app', () => {
    expect(config.appId).toBe('org.commonplace.desktop');
    expect(config.productName).toBe('Commonplace');
  });

  it('flips every security fuse: no RunAsNode, NODE_OPTIONS or --inspect; encrypted cookies; asar only and verified', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs only the built output, in an asar', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(['out/**/*', 'package.json']);
  });

  it('registers the commonplace:// scheme', () => {
    expect(config.protocols).toEqual([{ name: 'Commonplace note link', schemes: ['commonplace'] }]);
  });

  it('builds NSIS and MSI, dmg and pkg, AppImage, deb and rpm', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb', 'rpm']);
    expect(config.mac?.target).toEqual(['dmg', 'pkg']);
    expect(config.win?.target).toEqual(['nsis', 'msi']);
  });

  it('offers per-user and per-machine installs on Windows', () => {
    // Assisted NSIS: per-user by default, elevation allowed for "all users" (/allusers).
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    expect(config.msi).toMatchObject({ perMachine: true });
    expect(config.msi?.upgradeCode).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('signs macOS with the hardened runtime and its entitlements', () => {
    expect(config.mac).toMatchObject({
      hardenedRuntime: true,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
    });
    expect(config.pkg).toMatchObject({ installLocation: '/Applications' });
  });

  it('with no signing variables skips signing and says so', () => {
    const signing = signingFromEnv({});
    expect(signing).toMatchObject({ windows: 'none', mac: 'none', notarize: false });
    expect(signing.messages).toEqual([
      expect.stringContaining('Windows installers will NOT be signed'),
      expect.stringContaining('macOS app will NOT be signed or notarized'),
    ]);
    const unsigned = buildConfig({});
    expect(unsigned.mac?.identity).toBeNull();
    expect(unsigned.mac?.notarize).toBe(false);
    expect(unsigned.win).not.toHaveProperty('azureSignOptions');
  });

  it('signs from the environment: a certificate, Azure Trusted Signing, a notarized Developer ID', async () => {
    expect(signingFromEnv({ WIN_CSC_LINK: 'c.pfx' }).windows).toBe('certificate');
    const azureEnv = {
      AZURE_TRUSTED_SIGNING_ENDPOINT: 'https://weu.codesigning.azure.net',
      AZURE_TRUSTED_SIGNING_ACCOUNT: 'acct',
      AZURE_TRUSTED_SIGNING_PROFILE: 'profile',
      AZURE_TRUSTED_SIGNING_PUBLISHER: 'Example Ltd',
    };
    const azure = buildConfig(azureEnv);
    expect(azure.win?.azureSignOptions).toEqual({
      endpoint: 'https://weu.codesigning.azure.net',
      codeSigningAccountName: 'acct',
      certificateProfileName: 'profile',
      publisherName: 'Example Ltd',
    });
    const mac = buildConfig({
      CSC_LINK: 'id.p12',
      APPLE_API_KEY: 'k.p8',
      APPLE_API_KEY_ID: 'id',
      APPLE_API_ISSUER: 'iss',
    });
    expect(mac.mac).not.toHaveProperty('identity');
    expect(mac.mac?.notarize).toBe(true);
    // Every variant passes electron-builder's own schema.
    const validate = loadValidator();
    await expect(validate(azure, noLogger)).resolves.toBeUndefined();
    await expect(validate(mac, noLogger)).resolves.toBeUndefined();
  });

  it('publishes to a generic https server for electron-updater', () => {
    expect(config.publish).toEqual([
      expect.objectContaining({
        provider: 'generic',
        url: expect.stringMatching(/^https:\/\//) as unknown,
        channel: 'latest',
      }),
    ]);
  });
});
