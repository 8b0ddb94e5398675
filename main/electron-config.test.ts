// The packaging configuration is security-relevant (fuses, asar, protocols),
// so it is tested like code.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import config from '../electron.config.ts';

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

  it('flips the fuses the handbook requires', () => {
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

  it('builds AppImage and deb, dmg, and nsis', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.hardenedRuntime).toBe(true);
  });

  it('publishes to a generic https placeholder for electron-updater', () => {
    expect(config.publish).toEqual([
      expect.objectContaining({
        provider: 'generic',
        url: expect.stringMatching(/^https:\/\//) as unknown,
      }),
    ]);
  });
});
