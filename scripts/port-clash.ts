// A port already taken is the commonest start-up failure; Node reports it as
// "listen EADDRINUSE: address already in use 127.0.0.1:4445", which names
// neither the service nor the setting that moves it. These helpers do.

/** The port named in an EADDRINUSE error or log message, if it is one. */
export function clashedPort(error: unknown): number | null {
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : null;
  const text =
    typeof error === 'string' ? error : error instanceof Error ? error.message : String(error);
  if (code !== 'EADDRINUSE' && !text.includes('EADDRINUSE')) return null;
  const fromError =
    typeof error === 'object' && error !== null ? (error as { port?: unknown }).port : undefined;
  if (typeof fromError === 'number') return fromError;
  const match = /:(\d{1,5})\s*$/.exec(text);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/**
 * "port 4445 is in use: pass --idp-port <n>" for a flag, or
 * "port 4445 is in use: set IDP_PORT=<n>" for an environment variable.
 */
export function portClashMessage(port: number, setting: string): string {
  const hint = setting.startsWith('--') ? `pass ${setting} <n>` : `set ${setting}=<n>`;
  return `port ${String(port)} is in use: ${hint}`;
}

/**
 * Runs `start`; if it fails because its port is taken, fails instead with
 * {@link portClashMessage}, naming `setting` (the flag or variable to change).
 */
export async function namingPortClash<T>(
  start: () => Promise<T>,
  port: number,
  setting: string,
): Promise<T> {
  try {
    return await start();
  } catch (error) {
    const clashed = clashedPort(error);
    if (clashed === null) throw error;
    throw new Error(portClashMessage(clashed === 0 ? port : clashed, setting), { cause: error });
  }
}
