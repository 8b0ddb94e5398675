// Finds the Electron executable the way the `electron` package's index.js
// does (path.txt names it under dist/, ELECTRON_OVERRIDE_DIST_PATH overrides
// the folder), but never downloads: requiring 'electron' from Node starts a
// download when the binary is missing, which hangs or fails on a closed
// network. Used by `npm start` and the Playwright `_electron` test.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronBinary =
  { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

export interface FindElectronOptions {
  /** The installed `electron` package folder; resolved from here when absent. */
  readonly packageDir?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

function electronPackageDir(): string | null {
  try {
    // package.json resolves without running the package's index.js.
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The Electron executable, or why there is none. Never downloads, never throws. */
export function findElectronBinary(options: FindElectronOptions = {}): ElectronBinary {
  const env = options.env ?? process.env;
  const packageDir = options.packageDir ?? electronPackageDir();
  if (packageDir === null) return { ok: false, reason: 'the electron package is not installed' };

  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override !== undefined && override !== '') {
    const candidate = path.join(override, relative === '' ? 'electron' : relative);
    return isFile(candidate)
      ? { ok: true, path: candidate }
      : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no executable at ${candidate}` };
  }
  if (relative === '') {
    return {
      ok: false,
      reason: 'node_modules/electron/path.txt is missing, so the binary was never downloaded',
    };
  }
  const candidate = path.join(packageDir, 'dist', relative);
  return isFile(candidate)
    ? { ok: true, path: candidate }
    : { ok: false, reason: `nothing at ${candidate}` };
}
