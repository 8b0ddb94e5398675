/**
 * How every group of relay flags reads its values: the flag's text wins over
 * its environment variable's, and errors cite whichever was used.
 */

/** What `parseArgs` returned for the relay's options. */
export type FlagValues = Record<string, string | boolean | undefined>;
export type Env = Readonly<Record<string, string | undefined>>;

/** A flag's text, else its (non-empty) environment variable's, with the name to cite in errors. */
export function pick(
  values: FlagValues,
  env: Env,
  name: string,
  variable: string,
): [string | undefined, string] {
  const fromFlag = values[name];
  if (typeof fromFlag === 'string') return [fromFlag, `--${name}`];
  const fromEnv = env[variable];
  return [fromEnv === '' ? undefined : fromEnv, variable];
}

/** A whole number from `min` to `max` written in decimal digits only, or the message saying so. */
export function parseWhole(
  text: string,
  source: string,
  range: { min: number; max: number; unit: string },
): number | string {
  const value = /^\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isInteger(value) && value >= range.min && value <= range.max) return value;
  return `${source} must be a whole number of ${range.unit} from ${String(range.min)} to ${String(range.max)}, got "${text}"`;
}

/** A TCP port from 0 to 65535, or the message saying so. */
export function parsePort(text: string, source: string): number | string {
  if (!/^\d{1,5}$/.test(text))
    return `${source}: port must be an integer from 0 to 65535, got "${text}"`;
  const port = Number(text);
  if (port > 65535) return `${source}: port must be an integer from 0 to 65535, got "${text}"`;
  return port;
}
