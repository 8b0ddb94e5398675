/** The relay's version: the root package.json's, read once at startup. */
import { readFileSync } from 'node:fs';

/** Reads `version` from the project's package.json; `0.0.0` if it cannot be read. */
export function readVersion(): string {
  try {
    const pkg: unknown = JSON.parse(
      readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
    );
    if (
      typeof pkg === 'object' &&
      pkg !== null &&
      'version' in pkg &&
      typeof pkg.version === 'string'
    ) {
      return pkg.version;
    }
  } catch {
    // Fall through: a missing or unreadable package.json must not stop the relay.
  }
  return '0.0.0';
}
