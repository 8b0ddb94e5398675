// What `npm start` hands the relay and the desktop app: one place, so both
// agree on the identity provider and the app is told where the relay is.

type Env = Readonly<Record<string, string | undefined>>;

/** The relay's fallback when its "listening" line names no WebSocket URL. */
export const FALLBACK_RELAY_URL = 'ws://127.0.0.1:4444';

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/**
 * Relay flags for an external IdP: with `COMMONPLACE_ISSUER` set, the relay
 * verifies that issuer's tokens (and `COMMONPLACE_AUDIENCE`, if set) instead
 * of starting its embedded development IdP. Without it, no flags.
 */
export function relayArgs(env: Env): string[] {
  const issuer = nonEmpty(env['COMMONPLACE_ISSUER']);
  if (issuer === undefined) return [];
  const audience = nonEmpty(env['COMMONPLACE_AUDIENCE']);
  return ['--issuer', issuer, ...(audience === undefined ? [] : ['--audience', audience])];
}

function urlField(ready: Readonly<Record<string, unknown>>, key: string, scheme: RegExp) {
  const value = ready[key];
  return typeof value === 'string' && scheme.test(value) ? value : undefined;
}

export interface DesktopEnvironment {
  /** The environment to launch Electron with. */
  readonly env: Record<string, string | undefined>;
  /** Why sign-in will not work in the app, when no issuer is known; otherwise null. */
  readonly warning: string | null;
}

/**
 * The app's environment from the relay's JSON "listening" line: `ws` becomes
 * `COMMONPLACE_RELAY_URL`; `issuer` and `audience` (present when the relay
 * runs its embedded development IdP) become `COMMONPLACE_ISSUER` and
 * `COMMONPLACE_AUDIENCE`. A field the line lacks falls back to the variable
 * already set, so an external IdP configured by the person carries through.
 */
export function desktopEnvironment(
  ready: Readonly<Record<string, unknown>>,
  env: Env,
): DesktopEnvironment {
  const relayUrl = urlField(ready, 'ws', /^wss?:\/\//) ?? FALLBACK_RELAY_URL;
  const issuer = urlField(ready, 'issuer', /^https?:\/\//) ?? nonEmpty(env['COMMONPLACE_ISSUER']);
  const readyAudience = ready['audience'];
  const audience =
    typeof readyAudience === 'string' && readyAudience !== ''
      ? readyAudience
      : nonEmpty(env['COMMONPLACE_AUDIENCE']);
  return {
    env: {
      ...env,
      COMMONPLACE_RELAY_URL: relayUrl,
      ...(issuer === undefined ? {} : { COMMONPLACE_ISSUER: issuer }),
      ...(audience === undefined ? {} : { COMMONPLACE_AUDIENCE: audience }),
    },
    warning:
      issuer === undefined
        ? 'the relay reported no identity provider and COMMONPLACE_ISSUER is not set, so sign-in is unavailable in the app'
        : null,
  };
}
