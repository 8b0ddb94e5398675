import plist from 'plist';
import type { RawPolicy } from './raw-policy.ts';
import type { RunCommand } from './registry.ts';

/** The macOS bundle id, which names the managed preferences domain. */
export const BUNDLE_ID = 'org.commonplace.desktop';
/** Where macOS puts the preferences an MDM profile (Jamf, Intune) forces on the machine. */
export const MANAGED_PREFERENCES_PATH = `/Library/Managed Preferences/${BUNDLE_ID}.plist`;
/** A dictionary of defaults the person may change, inside the managed preferences. */
export const RECOMMENDED_KEY = 'Recommended';

function isDict(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads managed preferences in XML form: top-level keys are enforced (what an
 * MDM profile forces), a `Recommended` dictionary holds defaults. Throws on a
 * document that is not a property list or not a dictionary.
 */
export function parsePlistPolicy(xml: string): RawPolicy {
  let parsed: unknown;
  try {
    parsed = plist.parse(xml);
  } catch (error) {
    throw new Error(`it is not a valid property list (${(error as Error).message})`, {
      cause: error,
    });
  }
  if (!isDict(parsed)) throw new Error('its top level is not a dictionary');
  const { [RECOMMENDED_KEY]: recommended, ...enforced } = parsed;
  if (recommended !== undefined && !isDict(recommended)) {
    throw new Error(`${RECOMMENDED_KEY} is not a dictionary`);
  }
  return { enforced, defaults: recommended ?? {} };
}

/**
 * The managed preferences file as XML. MDM usually writes binary property
 * lists, which the `plist` package cannot read, so those are converted with
 * macOS's own `plutil` (present on every Mac) instead of a native parser.
 */
export function plistAsXml(bytes: Buffer, file: string, run: RunCommand): string {
  if (bytes.subarray(0, 8).toString('latin1') !== 'bplist00') return bytes.toString('utf8');
  const result = run('plutil', ['-convert', 'xml1', '-o', '-', file]);
  if (result.status !== 0) throw new Error(`plutil could not read it: ${result.stderr.trim()}`);
  return result.stdout;
}
