/**
 * The relay's version: the root package.json's. Imported as a JSON module, so
 * a build (out/relay/, vite.relay.config.ts) carries it inside instead of
 * looking for package.json relative to the built file.
 */
import packageJson from '../package.json' with { type: 'json' };

/** The project's version, from package.json. */
export function readVersion(): string {
  return packageJson.version;
}
